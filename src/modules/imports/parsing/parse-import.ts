import { detectSource, sourceNamed } from './detect-source.js';
import type { ImportPlan } from './import-plan.js';
import { readICheckMovies } from './icheckmovies.js';
import { readImdb } from './imdb.js';
import { readLetterboxd } from './letterboxd.js';

/** Limits and the clock for parsing. */
export interface ParseOptions {
  /** The most a Letterboxd export may unpack to (the files read, in total); 500 MB by default. */
  readonly maxUncompressedBytes?: number;
  /** Stamps the marks an export gives no date for (iCheckMovies favourites, watchlist); now by default. */
  readonly importedAt?: Date;
}

const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;

/**
 * Reads an uploaded export into an ImportPlan, without the database. `source` is guessed from the
 * content when absent or empty. Throws ImportFileError (naming `file` or `source`) when the file,
 * or the source given, cannot be imported at all; a bad row is a rowError in the plan.
 */
export async function parseImport(
  bytes: Buffer,
  fileName: string,
  source?: string,
  options: ParseOptions = {},
): Promise<ImportPlan> {
  const chosen = source === undefined || source.trim() === '' ? detectSource(bytes) : sourceNamed(source);
  switch (chosen) {
    case 'letterboxd':
      return readLetterboxd(bytes, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
    case 'icheckmovies':
      return readICheckMovies(bytes, fileName, options.importedAt ?? new Date());
    case 'imdb':
      return readImdb(bytes, fileName);
  }
}
