import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageRequest } from '../../../../common/paging/index.js';
import { Trimmed } from '../../commands/list-text.js';

/** `?official=&q=&limit=&cursor=` of the public lists. */
export class SearchListsRequest extends PageRequest {
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
}
