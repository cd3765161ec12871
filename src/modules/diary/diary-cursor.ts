import { decodeCursorFields, encodeCursorFields } from '../../common/paging/cursor-fields.js';
import { isCanonicalUuid } from '../../common/uuid.js';

/**
 * Where the next page of a diary starts, in its order: the day (latest first), then when the
 * entry was logged (microseconds, as PostgreSQL keeps them), then the id.
 */
export interface DiaryCursor {
  readonly watchedOn: string;
  readonly loggedAt: string;
  readonly id: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MICROSECOND_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeDiaryCursor = (cursor: DiaryCursor): string =>
  encodeCursorFields([cursor.watchedOn, cursor.loggedAt, cursor.id]);

/** The cursor, or null when the text is not one this API gave out. */
export function decodeDiaryCursor(text: string): DiaryCursor | null {
  const fields = decodeCursorFields(text, 200);
  if (fields?.length !== 3) return null;
  const [watchedOn, loggedAt, id] = fields;
  if (typeof watchedOn !== 'string' || !DAY.test(watchedOn)) return null;
  if (typeof loggedAt !== 'string' || !MICROSECOND_TIME.test(loggedAt)) return null;
  if (Number.isNaN(Date.parse(watchedOn)) || Number.isNaN(Date.parse(loggedAt.slice(0, 23) + 'Z')))
    return null;
  return isCanonicalUuid(id) ? { watchedOn, loggedAt, id } : null;
}
