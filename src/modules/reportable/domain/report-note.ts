import { codePoints, storable } from './posted-text.js';

/** Characters of a report's note. */
export const REPORT_NOTE_MAX = 1000;

/** A report's note: text of at most REPORT_NOTE_MAX characters, without NUL. */
export const isReportNote = (value: unknown): value is string =>
  typeof value === 'string' && storable(value) && codePoints(value) <= REPORT_NOTE_MAX;

export const REPORT_NOTE_MESSAGE = `note must be text of at most ${REPORT_NOTE_MAX} characters, without NUL`;
