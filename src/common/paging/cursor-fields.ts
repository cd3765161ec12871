/**
 * A cursor's wire form: its fields as a JSON array in base64url, opaque to clients. Each kind of
 * cursor checks the fields it gets back; this only refuses text that is not such an array.
 */
export const encodeCursorFields = (fields: readonly unknown[]): string =>
  Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');

/** The fields, or null when the text is too long, not base64url, or not a JSON array. */
export function decodeCursorFields(text: string, maxLength: number): unknown[] | null {
  if (text.length === 0 || text.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return Array.isArray(fields) ? (fields as unknown[]) : null;
}
