import { backoffDelay } from './backoff.js';

describe('backoffDelay (full jitter)', () => {
  const backoff = { baseMs: 5, capMs: 100 };

  it('draws below a ceiling that doubles per failed attempt', () => {
    const nearlyOne = () => 0.999_999;
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, backoff, nearlyOne))).toEqual([
      4, 9, 19, 39, 79,
    ]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(6, backoff, () => 0.999_999)).toBe(99);
    expect(backoffDelay(60, backoff, () => 0.5)).toBe(50);
  });

  it('may be no wait at all', () => {
    expect(backoffDelay(3, backoff, () => 0)).toBe(0);
  });
});
