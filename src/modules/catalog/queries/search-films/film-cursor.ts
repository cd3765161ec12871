/**
 * Where the next page starts. Without q films are listed by (title, id); with q by relevance
 * (score, then shorter search text, then id). The cursor carries the last film's sort key, so
 * paging is a keyset seek: no film is skipped or repeated when others are added meanwhile.
 */
export type FilmCursor =
  | { readonly kind: 'title'; readonly title: string; readonly id: string }
  | { readonly kind: 'relevance'; readonly score: number; readonly length: number; readonly id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_CURSOR_LENGTH = 2000;

export function encodeCursor(cursor: FilmCursor): string {
  const fields =
    cursor.kind === 'title' ? ['t', cursor.title, cursor.id] : ['r', cursor.score, cursor.length, cursor.id];
  return Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
}

const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The cursor, or null when the text is not one this API gave out. */
export function decodeCursor(text: string): FilmCursor | null {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields)) return null;
  const [kind, ...rest] = fields as unknown[];
  if (kind === 't' && rest.length === 2) {
    const [title, id] = rest;
    return typeof title === 'string' && isId(id) ? { kind: 'title', title, id } : null;
  }
  if (kind === 'r' && rest.length === 3) {
    const [score, length, id] = rest;
    const valid = typeof score === 'number' && Number.isFinite(score) && Number.isInteger(length) && isId(id);
    return valid ? { kind: 'relevance', score, length: length as number, id } : null;
  }
  return null;
}
