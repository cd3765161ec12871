import { windowStart } from './popularity-period.js';

describe('windowStart', () => {
  const now = new Date('2026-03-01T23:30:00.000Z');

  it.each([
    ['today', '2026-03-01'],
    ['week', '2026-02-23'],
    ['month', '2026-01-31'],
  ] as const)('starts %s on %s (UTC days, today included)', (period, day) => {
    expect(windowStart(period, now)).toBe(day);
  });

  it('has no start for all time', () => {
    expect(windowStart('all', now)).toBeNull();
  });

  it('counts by the UTC day, whatever the server’s zone', () => {
    expect(windowStart('today', new Date('2026-03-02T00:30:00+02:00'))).toBe('2026-03-01');
  });
});
