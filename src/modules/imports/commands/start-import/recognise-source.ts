import { ImportFileError } from '../../parsing/import-file.error.js';
import { IMPORT_SOURCES, type ImportSource } from '../../parsing/import-plan.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Enough for any export's header line. */
const HEADER_BYTES = 4096;

const UNRECOGNISED =
  'is not a file this service can import: a Letterboxd export (.zip), an iCheckMovies CSV or an IMDb ratings or list CSV';

/** The header's column names, lower-cased and unquoted; latin1 reads the ASCII names of any encoding. */
const headerColumns = (bytes: Buffer): string[] => {
  const text = bytes
    .subarray(0, HEADER_BYTES)
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.split(/[,;]/).map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
};

/** What a file is by its first bytes: a zip is a Letterboxd export, a CSV is told by its header. */
export function sniffSource(bytes: Buffer): ImportSource | null {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'letterboxd';
  const columns = new Set(headerColumns(bytes));
  if (columns.has('const') && columns.has('title type')) return 'imdb';
  if (columns.has('imdburl') || columns.has('checked')) return 'icheckmovies';
  return null;
}

/**
 * The upload's source, checked before anything is stored: a `source` the service does not know
 * names `source`; a file of no known kind (or not of the kind given) names `file`. The rest (a
 * zip's entries, every header and row) is read by the job, which reports what it finds.
 */
export function recogniseSource(bytes: Buffer, source: string | undefined): ImportSource {
  if (source !== undefined && !(IMPORT_SOURCES as readonly string[]).includes(source))
    throw new ImportFileError('source', `source must be one of ${IMPORT_SOURCES.join(', ')}`);
  const sniffed = sniffSource(bytes);
  if (sniffed === null) throw new ImportFileError('file', `file ${UNRECOGNISED}`);
  if (source !== undefined && source !== sniffed)
    throw new ImportFileError(
      'file',
      `file does not look like a ${source} export (it looks like ${sniffed})`,
    );
  return sniffed;
}
