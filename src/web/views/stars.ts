/** A rating as stars: 3.5 → "★★★½". */
export const stars = (rating: number): string =>
  '★'.repeat(Math.floor(rating)) + (Number.isInteger(rating) ? '' : '½');

/** What a screen reader says instead: 3.5 → "3.5 stars", 1 → "1 star". */
export const starsLabel = (rating: number): string => `${rating} ${rating === 1 ? 'star' : 'stars'}`;
