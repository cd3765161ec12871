import {
  amountToMinor,
  duplicateThreshold,
  isAmount,
  isCurrency,
  isSlug,
  isYear,
} from './programme-input.js';

describe('programme input', () => {
  it('reads amounts with exactly two decimals into minor units', () => {
    expect(amountToMinor('10.95')).toBe(1095);
    expect(amountToMinor('0.05')).toBe(5);
    expect(amountToMinor('1234567.00')).toBe(123_456_700);
    for (const bad of ['10.9', '10', '10.950', '-1.00', '1e2', ' 1.00', '1,00', '.95'])
      expect(isAmount(bad)).toBe(false);
    expect(() => amountToMinor('10.9')).toThrow(RangeError);
  });

  it('takes currencies as three capital letters', () => {
    expect(isCurrency('GBP')).toBe(true);
    for (const bad of ['gbp', 'GB', 'GBPX', 'G1P', 10]) expect(isCurrency(bad)).toBe(false);
  });

  it('takes slugs of lowercase letters, digits and single hyphens', () => {
    expect(isSlug('directors-showcase')).toBe(true);
    expect(isSlug('eiff')).toBe(true);
    for (const bad of ['EIFF', 'a--b', '-a', 'a-', 'a b', 'é', '', 'x'.repeat(81)])
      expect(isSlug(bad)).toBe(false);
  });

  it('takes a year of four digits', () => {
    expect(isYear('2008')).toBe(true);
    for (const bad of ['08', '20081', 'two', '2008.0']) expect(isYear(bad)).toBe(false);
  });

  it('finds a threshold given twice', () => {
    expect(duplicateThreshold([{ minFilms: 6 }, { minFilms: 10 }])).toBeNull();
    expect(duplicateThreshold([{ minFilms: 6 }, { minFilms: 6 }])).toBe(6);
  });
});
