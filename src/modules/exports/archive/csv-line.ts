export type CsvField = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record as Letterboxd writes them: quoted only where needed, LF-terminated. */
export function csvLine(fields: readonly CsvField[]): string {
  return (
    fields
      .map((field) => {
        const text = field === null ? '' : String(field);
        return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(',') + '\n'
  );
}
