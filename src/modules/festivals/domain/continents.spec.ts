import { continentCode, continentName, continentsOf, countriesIn } from './continents.js';

describe('festival continents', () => {
  it('follows the UN geoscheme for the transcontinental countries', () => {
    expect(continentsOf(['RU'])).toEqual(['EU']);
    expect(continentsOf(['TR'])).toEqual(['AS']);
    expect(continentsOf(['CY'])).toEqual(['AS']);
    expect(continentsOf(['EG'])).toEqual(['AF']);
  });

  it('counts a co-production in each of its continents once, in code order', () => {
    expect(continentsOf(['US', 'FR', 'DE', 'JP', 'XX'])).toEqual(['AS', 'EU', 'NA']);
    expect(continentsOf([])).toEqual([]);
  });

  it('reads codes case-insensitively and refuses others', () => {
    expect(continentCode('sa')).toBe('SA');
    expect(continentCode('EUR')).toBeNull();
    expect(continentName('NA')).toBe('North America');
  });

  it('lists the countries of a continent, former European states included', () => {
    expect(countriesIn('OC')).toEqual(expect.arrayContaining(['AU', 'NZ']));
    expect(countriesIn('OC')).not.toContain('FR');
    expect(countriesIn('EU')).toEqual(expect.arrayContaining(['FR', 'SU', 'YU']));
  });
});
