import { decodeText } from '../../../common/csv/decode-text.js';
import { sniffDelimiter } from '../../../common/csv/delimiter.js';
import { ImportFileError } from './import-file.error.js';
import { IMPORT_SOURCES, type ImportSource } from './import-plan.js';

/** A zip archive starts with a local file header (or, when empty, the end of its central directory). */
const isZip = (bytes: Buffer): boolean =>
  bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ||
  bytes.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'));

/** The column names of a CSV file's first line, trimmed, in lower case, without quotes. */
function headerOf(bytes: Buffer): string[] {
  const text = decodeText(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const line = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return line
    .split(sniffDelimiter(line))
    .map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** The `source` field as given: one of the known services, else a 400 naming `source`. */
export function sourceNamed(source: string): ImportSource {
  const known = IMPORT_SOURCES.find((name) => name === source.trim().toLowerCase());
  if (known === undefined)
    throw new ImportFileError(
      'source',
      `source must be one of ${IMPORT_SOURCES.join(', ')} (got "${source}")`,
    );
  return known;
}

/**
 * The service a file comes from, guessed from its content: a zip is a Letterboxd export; a CSV
 * whose header names Const and Title Type is an IMDb export; one naming imdburl or checked is an
 * iCheckMovies export. Anything else is a 400 naming `file`.
 */
export function detectSource(bytes: Buffer): ImportSource {
  if (isZip(bytes)) return 'letterboxd';
  const header = headerOf(bytes);
  if (header.includes('const') && header.includes('title type')) return 'imdb';
  if (header.includes('imdburl') || header.includes('checked')) return 'icheckmovies';
  throw new ImportFileError(
    'file',
    'the file is neither a Letterboxd export (.zip) nor an iCheckMovies or IMDb export (.csv with their header)',
  );
}
