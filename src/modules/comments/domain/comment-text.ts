import { COMMENT_BODY_MAX } from './comment.decider.js';

/** Characters of a report's note. */
export const REPORT_NOTE_MAX = 1000;

/** Code points, so an emoji counts as one character as a reader sees it. */
const codePoints = (text: string): number => [...text].length;

/** PostgreSQL cannot store NUL in text. */
const storable = (text: string): boolean => !text.includes('\u0000');

/** A comment body: text of 1 to COMMENT_BODY_MAX characters once trimmed, without NUL. */
export const isCommentBody = (value: unknown): value is string =>
  typeof value === 'string' &&
  storable(value) &&
  codePoints(value.trim()) >= 1 &&
  codePoints(value.trim()) <= COMMENT_BODY_MAX;

export const COMMENT_BODY_MESSAGE = `body must be text of 1 to ${COMMENT_BODY_MAX} characters (not counting leading and trailing whitespace), without NUL`;

/** A report's note: text of at most REPORT_NOTE_MAX characters, without NUL. */
export const isReportNote = (value: unknown): value is string =>
  typeof value === 'string' && storable(value) && codePoints(value) <= REPORT_NOTE_MAX;

export const REPORT_NOTE_MESSAGE = `note must be text of at most ${REPORT_NOTE_MAX} characters, without NUL`;
