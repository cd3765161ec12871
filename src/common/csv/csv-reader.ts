/** One record of a CSV file, with the line it starts on (a quoted field may span several). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** The file is not CSV as RFC 4180 reads it; `line` is where the faulty record starts. */
export class CsvError extends Error {
  override readonly name = 'CsvError';

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const QUOTE = '"';

/**
 * Reads CSV text as RFC 4180 writes it, leniently where that harms no one: a byte order mark is
 * skipped, lines end in CRLF, LF or CR, a quote inside an unquoted field is kept as written, and
 * empty lines are skipped. Quoted fields may hold the delimiter, doubled quotes and line breaks.
 *
 * Not csv-parse: it cannot keep such a quote and still refuse text after a closing quote, it
 * counts a CRLF inside quotes as two lines, and it reads exports several times slower (slower still
 * on rows of uneven length, as it builds an error object for each), so wrapping it took as much
 * code of our own as this.
 */
export function* csvRecords(text: string, delimiter = ','): Generator<CsvRecord> {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  while (at < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[at] === QUOTE) [field, at, line] = quoted(text, at + 1, line, start, delimiter);
      else {
        let end = at;
        while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r')
          end += 1;
        field = text.slice(at, end);
        at = end;
      }
      fields.push(field);
      if (text[at] === delimiter) {
        at += 1;
        continue;
      }
      at += text.startsWith('\r\n', at) ? 2 : 1;
      line += 1;
      break;
    }
    if (fields.length > 1 || fields[0] !== '') yield { line: start, fields };
  }
}

/** A quoted field from just after its opening quote: [its value, where it ends, the line there]. */
function quoted(
  text: string,
  from: number,
  line: number,
  start: number,
  delimiter: string,
): [string, number, number] {
  const parts: string[] = [];
  let at = from;
  for (;;) {
    const close = text.indexOf(QUOTE, at);
    if (close === -1) throw new CsvError('a quoted field is never closed', start);
    parts.push(text.slice(at, close));
    line += lineBreaks(text, at, close);
    if (text[close + 1] === QUOTE) {
      parts.push(QUOTE);
      at = close + 2;
      continue;
    }
    const next = text[close + 1];
    if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r')
      throw new CsvError('a closing quote is followed by more text in the same field', start);
    return [parts.join(''), close + 1, line];
  }
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += 1) {
    if (text[at] === '\n' || (text[at] === '\r' && text[at + 1] !== '\n')) count += 1;
  }
  return count;
}
