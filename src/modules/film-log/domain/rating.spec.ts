import { averageRating, isRating, ratingBucket } from './rating.js';

describe('ratings', () => {
  it('are half stars from half a star to five', () => {
    expect([0.5, 1, 2.5, 5].every(isRating)).toBe(true);
    expect([0, 0.25, 5.5, -0.5, 3.3, Number.NaN, Infinity, '3', null].some(isRating)).toBe(false);
  });

  it('fall in ten buckets', () => {
    expect([0.5, 1, 4.5, 5].map(ratingBucket)).toEqual([0, 1, 8, 9]);
  });

  it('average to two decimals, half up, exactly', () => {
    expect(averageRating(0, 0)).toBeNull();
    expect(averageRating(7, 1)).toBe(3.5);
    // (3 + 3.5 + 4) / 3 = 3.5
    expect(averageRating(21, 3)).toBe(3.5);
    // (1 + 1 + 1.5) / 3 = 1.1666… → 1.17
    expect(averageRating(7, 3)).toBe(1.17);
    // 4.125 is a tie at two decimals: (4 + 4 + 4 + 4.5) / 4 → 4.13, not 4.12
    expect(averageRating(33, 4)).toBe(4.13);
    // 401 half stars over 100 ratings is 2.005, which binary floating point holds as 2.00499…
    expect(averageRating(401, 100)).toBe(2.01);
  });
});
