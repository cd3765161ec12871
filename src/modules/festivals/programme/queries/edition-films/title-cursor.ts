import { decodeCursorFields, encodeCursorFields } from '../../../../../common/paging/index.js';
import { isCanonicalUuid } from '../../../../../common/uuid.js';

/** Where the next page of an edition's films starts: after this title and id. */
export interface TitleCursor {
  readonly title: string;
  readonly id: string;
}

const MAX_CURSOR_LENGTH = 2000;

export const encodeTitleCursor = (cursor: TitleCursor): string =>
  encodeCursorFields([cursor.title, cursor.id]);

/** The cursor, or null when the text is not one this API gave out. */
export function decodeTitleCursor(text: string): TitleCursor | null {
  const fields = decodeCursorFields(text, MAX_CURSOR_LENGTH);
  if (fields === null || fields.length !== 2) return null;
  const [title, id] = fields;
  return typeof title === 'string' && isCanonicalUuid(id) ? { title, id } : null;
}
