import { percentOf } from './percent.js';

describe('percentOf', () => {
  it.each([
    [132, 1000, 13.2],
    [21, 1000, 2.1],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [1, 80, 1.3], // 1.25 rounds half up
    [1, 2000, 0.1], // 0.05 rounds half up
    [1, 2001, 0], // 0.04997…
    [0, 10, 0],
    [7, 7, 100],
  ])('%i of %i is %f', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it('is 0 when nobody checked the film', () => {
    expect(percentOf(0, 0)).toBe(0);
  });
});
