import { COUNTRIES, FORMER_COUNTRY_CODES } from '../../catalog/domain/countries.js';
import { continentsOf, type ContinentCode } from '../../festivals/domain/continents.js';

/**
 * Every country code the catalogue knows (former states included) beside its continent's code,
 * as two parallel lists a statement can unnest: the catalogue's continents, named by the codes
 * the festival programme already answers with.
 */
export const COUNTRY_CONTINENTS: {
  readonly countries: readonly string[];
  readonly continents: readonly ContinentCode[];
} = (() => {
  const pairs = [...COUNTRIES.map((country) => country.code), ...FORMER_COUNTRY_CODES].map(
    (code) => [code, continentsOf([code])[0]!] as const,
  );
  return { countries: pairs.map(([code]) => code), continents: pairs.map(([, continent]) => continent) };
})();
