import { Transform } from 'class-transformer';
import { LIST_DESCRIPTION_MAX, LIST_NOTE_MAX, LIST_TITLE_MAX } from '../domain/list.decider.js';

/** Code points, so an emoji counts as one character as a reader sees it. */
const codePoints = (text: string): number => [...text].length;

/** PostgreSQL cannot store NUL in text. */
const storable = (text: string): boolean => !text.includes('\u0000');

/** Text fields arrive trimmed at the validators, so the limits count what is kept. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Optional text is kept as null when nothing is left after trimming. */
export const TrimmedOrNull = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

const textOf =
  (min: number, max: number) =>
  (value: unknown): boolean =>
    typeof value === 'string' && storable(value) && codePoints(value) >= min && codePoints(value) <= max;

export const isListTitle = textOf(1, LIST_TITLE_MAX);
export const LIST_TITLE_MESSAGE = `title must be text of 1 to ${LIST_TITLE_MAX} characters (not counting leading and trailing whitespace), without NUL`;

/** Null clears; empty text after trimming arrives as null. */
export const isListDescription = (value: unknown): boolean =>
  value === null || textOf(1, LIST_DESCRIPTION_MAX)(value);
export const LIST_DESCRIPTION_MESSAGE = `description must be null or text of at most ${LIST_DESCRIPTION_MAX} characters, without NUL`;

export const isListNote = (value: unknown): boolean => value === null || textOf(1, LIST_NOTE_MAX)(value);
export const LIST_NOTE_MESSAGE = `note must be null or text of at most ${LIST_NOTE_MAX} characters, without NUL`;
