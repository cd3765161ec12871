import { COUNTRIES, countryOf, type Continent } from '../../catalog/domain/countries.js';

/** The API's continent codes, in the order the edition page lists them. */
export const CONTINENT_CODES = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const;
export type ContinentCode = (typeof CONTINENT_CODES)[number];

const NAMES: Readonly<Record<ContinentCode, string>> = {
  AF: 'Africa',
  AN: 'Antarctica',
  AS: 'Asia',
  EU: 'Europe',
  NA: 'North America',
  OC: 'Oceania',
  SA: 'South America',
};

const CODE_OF: Readonly<Record<Continent, ContinentCode>> = {
  africa: 'AF',
  antarctica: 'AN',
  asia: 'AS',
  europe: 'EU',
  'north-america': 'NA',
  oceania: 'OC',
  'south-america': 'SA',
};

export const continentName = (code: ContinentCode): string => NAMES[code];

/** The code, case-insensitively ("eu" → "EU"); null when it is not one of the seven. */
export function continentCode(text: string): ContinentCode | null {
  const upper = text.toUpperCase();
  return (CONTINENT_CODES as readonly string[]).includes(upper) ? (upper as ContinentCode) : null;
}

/** The continents of a film's countries, each once (a co-production may span several). */
export function continentsOf(countries: readonly string[]): ContinentCode[] {
  const found = new Set<ContinentCode>();
  for (const country of countries) {
    const continent = countryOf(country)?.continent;
    if (continent !== undefined) found.add(CODE_OF[continent]);
  }
  return CONTINENT_CODES.filter((code) => found.has(code));
}

/** Every country code in a continent, so a query can ask "any of these" of a film's countries. */
export function countriesIn(code: ContinentCode): string[] {
  const current = COUNTRIES.filter((country) => CODE_OF[country.continent] === code).map((c) => c.code);
  // Former states (USSR, Yugoslavia…) still name films; they were all in Europe.
  return code === 'EU' ? [...current, 'CS', 'DD', 'SU', 'YU'] : current;
}
