import { exactTime, relativeTime } from './relative-time.js';

describe('relativeTime', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const before = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);

  it.each([
    [0, 'just now'],
    [59, 'just now'],
    [60, '1 minute ago'],
    [11 * 60 + 30, '11 minutes ago'],
    [3600, '1 hour ago'],
    [2 * 86_400 + 5, '2 days ago'],
    [8 * 86_400, '1 week ago'],
    [40 * 86_400, '1 month ago'],
    [800 * 86_400, '2 years ago'],
  ])('%i seconds before is "%s"', (seconds, text) => {
    expect(relativeTime(before(seconds), now)).toBe(text);
  });

  it('reads the future forwards', () => {
    expect(relativeTime(new Date(now.getTime() + 3 * 3600 * 1000), now)).toBe('in 3 hours');
  });

  it('gives the exact time in UTC', () => {
    expect(exactTime(new Date('2026-11-21T14:03:09Z'))).toBe('21 November 2026 at 14:03 UTC');
  });
});
