import { isReviewBody } from './review-text.js';

describe('isReviewBody', () => {
  it('takes 1 to 20,000 characters once trimmed, counting an emoji as one', () => {
    expect(isReviewBody('A')).toBe(true);
    expect(isReviewBody(`  ${'x'.repeat(20_000)}  `)).toBe(true);
    expect(isReviewBody('🎬'.repeat(20_000))).toBe(true);
  });

  it('refuses nothing, blank, too long, NUL and what is not text', () => {
    for (const value of ['', '   \n', 'x'.repeat(20_001), 'a\u0000b', 42, null, ['a']]) {
      expect(isReviewBody(value)).toBe(false);
    }
  });
});
