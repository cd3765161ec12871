/** Code points, so an emoji counts as one character as a reader sees it. */
export const codePoints = (text: string): number => [...text].length;

/** PostgreSQL cannot store NUL in text. */
export const storable = (text: string): boolean => !text.includes('\u0000');

/** The body of a comment or a review: text of 1 to `max` characters once trimmed, without NUL. */
export const isPostedText =
  (max: number) =>
  (value: unknown): value is string =>
    typeof value === 'string' &&
    storable(value) &&
    codePoints(value.trim()) >= 1 &&
    codePoints(value.trim()) <= max;

export const postedTextMessage = (max: number): string =>
  `body must be text of 1 to ${max} characters (not counting leading and trailing whitespace), without NUL`;
