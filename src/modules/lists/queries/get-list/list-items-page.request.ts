import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { decodeCursorFields, encodeCursorFields, PageLimit } from '../../../../common/paging/index.js';
import { Satisfies } from '../../../../common/validation.js';

/** Fractional keys stay short; anything longer was not given out by this API. */
const MAX_CURSOR_LENGTH = 400;

/** Items follow their list's order (the entries' fractional keys), so a page starts after a key. */
export const encodeItemCursor = (position: string): string => encodeCursorFields([position]);

export function decodeItemCursor(text: string): string | null {
  const fields = decodeCursorFields(text, MAX_CURSOR_LENGTH);
  return fields?.length === 1 && typeof fields[0] === 'string' && fields[0] !== '' ? fields[0] : null;
}

export const ITEM_CURSOR_MESSAGE = 'cursor must be a nextCursor given by this API';

/** `?limit=&cursor=` of a list's items, in rank order. */
export class ListItemsPageRequest {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Satisfies(
    'isListItemCursor',
    (value) => typeof value === 'string' && decodeItemCursor(value) !== null,
    ITEM_CURSOR_MESSAGE,
  )
  cursor?: string;
}
