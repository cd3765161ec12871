import { ImportFileError } from './import-file.error.js';
import type { ImportPlan } from './import-plan.js';

/** Limits and the clock for parsing; `importedAt` stamps marks the export gives no date for. */
export interface ParseOptions {
  readonly maxUncompressedBytes?: number;
  readonly importedAt?: Date;
}

/**
 * Reads an uploaded export into an ImportPlan. `source` is guessed from the content when absent.
 * Throws ImportFileError when the file (or the `source` given) cannot be imported at all.
 */
export function parseImport(
  bytes: Buffer,
  fileName: string,
  source?: string,
  options: ParseOptions = {},
): Promise<ImportPlan> {
  void bytes;
  void fileName;
  void source;
  void options;
  return Promise.reject(new ImportFileError('file', 'imports are not read yet'));
}
