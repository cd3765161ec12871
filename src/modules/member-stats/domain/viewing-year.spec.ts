import { isViewingYear } from './viewing-year.js';

describe('isViewingYear', () => {
  const now = new Date('2025-06-01T12:00:00Z');

  it.each([1870, 1999, 2025])('takes %i', (year) => {
    expect(isViewingYear(year, now)).toBe(true);
  });

  it.each([1869, 2026, 2024.5, Number.NaN, '2024', null, undefined])('refuses %p', (year) => {
    expect(isViewingYear(year, now)).toBe(false);
  });

  it('takes next year once it has begun in the furthest time zone', () => {
    expect(isViewingYear(2026, new Date('2025-12-31T09:59:59Z'))).toBe(false);
    expect(isViewingYear(2026, new Date('2025-12-31T10:00:00Z'))).toBe(true);
  });
});
