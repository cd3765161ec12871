import { InvalidInputException } from '../invalid-input.exception.js';
import { decodeTimeCursor, encodeTimeCursor, FIRST_PAGE, type TimeCursor } from './time-cursor.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a list, and where the next one starts (null at the end). */
export interface Page<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
}

/** A validated page request: how many items, and from where. */
export interface PageWindow {
  readonly limit: number;
  readonly from: TimeCursor;
}

export const CURSOR_MESSAGE = 'cursor must be a nextCursor given by this API';

/** The window a request asks for; a cursor this API did not give out is a 400 naming `cursor`. */
export function pageWindow(request: { readonly limit?: number; readonly cursor?: string }): PageWindow {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (request.cursor === undefined) return { limit, from: FIRST_PAGE };
  const from = decodeTimeCursor(request.cursor);
  if (!from) throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
  return { limit, from };
}

/**
 * The columns a keyset query selects for its cursor: the time to the microsecond as ISO text
 * (a JS Date would round it to milliseconds, and the seek would then skip or repeat rows) and the id.
 */
export const cursorColumns = (time: string, id: string): string =>
  `to_char(${time} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, ${id} AS cursor_id`;

/** What a keyset query returns beyond the item itself. */
export interface CursorRow {
  readonly cursor_at: string;
  readonly cursor_id: string;
}

/**
 * A page from rows fetched with `LIMIT limit + 1` in (time DESC, id DESC) order: the extra row
 * only says that there is more, and the cursor points after the last row shown.
 */
export function pageOf<Row extends CursorRow, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    nextCursor:
      rows.length > limit && last ? encodeTimeCursor({ at: last.cursor_at, id: last.cursor_id }) : null,
  };
}
