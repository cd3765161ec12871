/** A rating as stars: 3.5 → "★★★½". */
export const stars = (rating: number): string =>
  '★'.repeat(Math.floor(rating)) + (Number.isInteger(rating) ? '' : '½');

/** What a screen reader says instead: 3.5 → "3.5 stars", 1 → "1 star". */
export const starsLabel = (rating: number): string => `${rating} ${rating === 1 ? 'star' : 'stars'}`;

/** Every rating a member can give, half a star to five, for the pages' star choices. */
export const RATING_CHOICES: readonly number[] = Array.from({ length: 10 }, (_, index) => (index + 1) / 2);
