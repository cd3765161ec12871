import { isCanonicalUuid } from '../uuid.js';
import { decodeCursorFields, encodeCursorFields } from './cursor-fields.js';

/**
 * Where the next page of a newest-first list starts: the last item's time and a UUID that breaks
 * ties, in the order (time DESC, id DESC). Paging is a keyset seek, so items added meanwhile are
 * never repeated nor skipped. The time keeps PostgreSQL's microseconds, so the seek is exact.
 */
export interface TimeCursor {
  /** ISO 8601 UTC with six fractional digits, as `cursorColumns` selects it. */
  readonly at: string;
  readonly id: string;
}

/** Before every row: a list's first page seeks from here, so one statement serves every page. */
export const FIRST_PAGE: TimeCursor = { at: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

const MICROSECOND_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;
const MAX_CURSOR_LENGTH = 200;

export const encodeTimeCursor = (cursor: TimeCursor): string => encodeCursorFields([cursor.at, cursor.id]);

/** A real instant: `Date` would roll 2024-02-30 over to March, so the round trip must match. */
function isMicrosecondTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const millis = MICROSECOND_TIME.exec(value)?.[1];
  if (millis === undefined) return false;
  const date = new Date(`${millis}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString() === `${millis}Z`;
}

/** The cursor, or null when the text is not one this API gave out. */
export function decodeTimeCursor(text: string): TimeCursor | null {
  const fields = decodeCursorFields(text, MAX_CURSOR_LENGTH);
  if (fields?.length !== 2) return null;
  const [at, id] = fields;
  return isMicrosecondTime(at) && isCanonicalUuid(id) ? { at, id } : null;
}
