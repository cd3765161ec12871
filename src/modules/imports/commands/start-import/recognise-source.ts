import { detectSource, sourceNamed } from '../../parsing/detect-source.js';
import { ImportFileError } from '../../parsing/import-file.error.js';
import type { ImportSource } from '../../parsing/import-plan.js';

/**
 * The upload's source, checked before anything is stored: a `source` the service does not know
 * names `source`; a file of no known kind, or not of the kind given, names `file`. The rest (a
 * zip's entries, every header and row) is read by the job, which reports what it finds.
 */
export function recogniseSource(bytes: Buffer, source: string | undefined): ImportSource {
  const named = source === undefined || source.trim() === '' ? null : sourceNamed(source);
  const detected = detectSource(bytes);
  if (named !== null && named !== detected)
    throw new ImportFileError(
      'file',
      `the file does not look like a ${named} export (it looks like ${detected})`,
    );
  return detected;
}
