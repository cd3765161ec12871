import { COUNTRIES, continentOf, countryOf, isCountryCode } from './countries.js';
import { isLanguageCode, LANGUAGE_CODE_COUNT } from './languages.js';

describe('countries', () => {
  it('hold every ISO 3166-1 alpha-2 code once', () => {
    const codes = COUNTRIES.map((country) => country.code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it('give the continent of a film country', () => {
    expect(continentOf('FR')).toBe('europe');
    expect(continentOf('jp')).toBe('asia');
    expect(continentOf('US')).toBe('north-america');
    expect(continentOf('MX')).toBe('north-america');
    expect(continentOf('BR')).toBe('south-america');
    expect(continentOf('NG')).toBe('africa');
    expect(continentOf('NZ')).toBe('oceania');
    expect(continentOf('AQ')).toBe('antarctica');
    expect(continentOf('RU')).toBe('europe');
    expect(continentOf('TR')).toBe('asia');
    expect(continentOf('CY')).toBe('asia');
    expect(continentOf('EG')).toBe('africa');
  });

  it('follow M49 for the Indian Ocean territories: Australia’s in Oceania, the British one in Africa', () => {
    expect(continentOf('CX')).toBe('oceania');
    expect(continentOf('CC')).toBe('oceania');
    expect(continentOf('IO')).toBe('africa');
  });

  it('know the withdrawn codes film databases still use, and nothing invented', () => {
    expect(countryOf('SU')).toMatchObject({ name: 'USSR', continent: 'europe' });
    expect(isCountryCode('YU')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(continentOf('ZZ')).toBeUndefined();
  });
});

describe('languages', () => {
  it('are the ISO 639-1 codes, in any case', () => {
    expect(LANGUAGE_CODE_COUNT).toBe(183);
    expect(isLanguageCode('fr')).toBe(true);
    expect(isLanguageCode('EN')).toBe(true);
    expect(isLanguageCode('xx')).toBe(false);
    expect(isLanguageCode('fra')).toBe(false);
  });
});
