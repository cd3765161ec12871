import { isWatchDate, latestWatchDate } from './watched-date.js';

describe('watched date', () => {
  const now = new Date('2026-11-21T12:00:00Z');

  it.each(['1870-01-01', '1999-12-31', '2024-02-29', '2026-11-21'])('accepts %s', (value) => {
    expect(isWatchDate(value, now)).toBe(true);
  });

  it.each([
    ['before 1870', '1869-12-31'],
    ['not a leap year', '2023-02-29'],
    ['no such day', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['day zero', '2026-01-00'],
    ['a time as well', '2026-01-01T00:00:00Z'],
    ['short form', '2026-1-1'],
    ['far future', '2027-01-01'],
    ['empty', ''],
  ])('refuses %s', (_case, value) => {
    expect(isWatchDate(value, now)).toBe(false);
  });

  it.each([null, undefined, 20260101, {}, ['2026-01-01']])('refuses a non-string %p', (value) => {
    expect(isWatchDate(value, now)).toBe(false);
  });

  it('accepts tomorrow in UTC while it is already tomorrow at UTC+14, and no later', () => {
    const lateEvening = new Date('2026-11-21T11:00:00Z');
    expect(latestWatchDate(lateEvening)).toBe('2026-11-22');
    expect(isWatchDate('2026-11-22', lateEvening)).toBe(true);
    expect(isWatchDate('2026-11-23', lateEvening)).toBe(false);
    expect(isWatchDate('2026-11-22', new Date('2026-11-21T09:59:59Z'))).toBe(false);
  });
});
