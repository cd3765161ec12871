import { COUNTRY_CONTINENTS } from './continents.js';

describe('COUNTRY_CONTINENTS', () => {
  const continentOf = (code: string) =>
    COUNTRY_CONTINENTS.continents[COUNTRY_CONTINENTS.countries.indexOf(code)];

  it('holds every current and former country once, each with a continent', () => {
    const { countries, continents } = COUNTRY_CONTINENTS;
    expect(countries).toHaveLength(249 + 4);
    expect(new Set(countries).size).toBe(countries.length);
    expect(continents).toHaveLength(countries.length);
    expect(continents.every((code) => /^(AF|AN|AS|EU|NA|OC|SA)$/.test(code))).toBe(true);
  });

  it('places countries as the catalogue does, by the codes of the festival programme', () => {
    expect(continentOf('FR')).toBe('EU');
    expect(continentOf('RU')).toBe('EU');
    expect(continentOf('TR')).toBe('AS');
    expect(continentOf('CY')).toBe('AS');
    expect(continentOf('EG')).toBe('AF');
    expect(continentOf('MX')).toBe('NA');
    expect(continentOf('BR')).toBe('SA');
    expect(continentOf('NZ')).toBe('OC');
    expect(continentOf('SU')).toBe('EU');
  });
});
