import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimit } from '../../../../common/paging/index.js';
import { Trimmed } from '../../commands/list-text.js';

/** The orders of the public lists: newest first, or most viewed first (docs/adr/0020). */
export const LIST_SORTS = ['recent', 'popular'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** `?official=&q=&sort=&limit=&cursor=` of the public lists. */
export class SearchListsRequest {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Official lists only, or personal ones only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  official?: 'true' | 'false';

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words the title contains (each of them), in any case and with or without accents',
  })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: LIST_SORTS,
    default: 'recent',
    description:
      'recent: newest first; popular: most viewers first (members other than the owner who have seen at least one of its films)',
  })
  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: ListSort;

  @PageLimit()
  limit?: number;

  /** Checked against the order it is given for, when the lists are read. */
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same sort' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
