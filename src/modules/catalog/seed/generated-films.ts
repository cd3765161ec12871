import { SeededRandom } from '../../../common/seeded-random.js';
import { filmTitle, personName } from './vocabulary.js';

const GENRES = [
  'action',
  'adventure',
  'animation',
  'comedy',
  'crime',
  'documentary',
  'drama',
  'family',
  'fantasy',
  'history',
  'horror',
  'music',
  'mystery',
  'romance',
  'science-fiction',
  'thriller',
  'war',
  'western',
];
const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ja', 'pl', 'sv', 'tr', 'ko', 'da'];
const COUNTRIES = ['FR', 'US', 'GB', 'ES', 'DE', 'IT', 'PT', 'JP', 'PL', 'SE', 'TR', 'KR', 'DK', 'BE', 'CA'];

/**
 * Generated films are matched on TMDB ids from here up: a range TMDB will not reach for a long
 * time, so re-running the seed finds them again and they never collide with a real film's id.
 */
export const FIRST_GENERATED_TMDB_ID = 2_000_000_001;

/** `count` invented films in the API's shape, the same ones on every run. */
export function generatedFilms(count: number, seed = 2008): Record<string, unknown>[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const title = filmTitle(random);
    return {
      title,
      originalTitle: random.chance(0.2) ? filmTitle(random) : title,
      year: random.int(1920, 2025),
      runtimeMinutes: random.int(72, 190),
      directors: Array.from({ length: random.chance(0.1) ? 2 : 1 }, () => ({ name: personName(random) })),
      cast: Array.from({ length: random.int(2, 6) }, () => ({ name: personName(random) })),
      genres: random.sample(GENRES, random.int(1, 3)),
      languages: random.sample(LANGUAGES, random.int(1, 2)),
      countries: random.sample(COUNTRIES, random.int(1, 2)),
      externalIds: { tmdb: FIRST_GENERATED_TMDB_ID + index },
    };
  });
}
