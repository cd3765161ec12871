/** Ratings are half stars from half a star to five: 0.5, 1, 1.5, … 5. */
export const RATING_STEPS = 10;

/** Every rating a member can give, lowest first. */
export const RATINGS: readonly number[] = Array.from({ length: RATING_STEPS }, (_, index) => (index + 1) / 2);

export const isRating = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value * 2) && value >= 0.5 && value <= 5;

/** A rating stored as whole half stars (1–10), or null, as the API's stars. */
export function fromHalfStars(halfStars: number): number;
export function fromHalfStars(halfStars: number | null): number | null;
export function fromHalfStars(halfStars: number | null): number | null {
  return halfStars === null ? null : halfStars / 2;
}

/** The histogram bucket of a rating: 0 for half a star, 9 for five stars. */
export const ratingBucket = (rating: number): number => rating * 2 - 1;

/**
 * The mean of `count` ratings summing to `halfStars` half stars, rounded half up to two decimals
 * in integer arithmetic (no binary fraction decides a tie); null without ratings.
 */
export function averageRating(halfStars: number, count: number): number | null {
  if (count === 0) return null;
  const numerator = halfStars * 100;
  const denominator = 2 * count;
  return Math.floor((2 * numerator + denominator) / (2 * denominator)) / 100;
}
