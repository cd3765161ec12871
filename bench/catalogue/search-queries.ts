import { normaliseText } from '../../src/modules/catalog/domain/normalise.js';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { SEARCH_WORDS } from '../../src/modules/catalog/seed/vocabulary.js';
import { BENCH_COUNTRIES, BENCH_GENRES, BENCH_GENRES_RARE, BENCH_LANGUAGES } from './search-catalogue.js';

export type QueryKind =
  'word' | 'two words' | 'typo' | 'partial word' | 'director' | 'q and filter' | 'filter only';

export interface SearchQuery {
  readonly kind: QueryKind;
  readonly path: string;
}

/** One letter dropped, doubled or swapped with the next: the typos people make. */
function misspell(word: string, random: SeededRandom): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

function filters(random: SeededRandom): Record<string, string> {
  switch (random.int(0, 5)) {
    case 0:
      return { year: String(random.int(1930, 2025)) };
    case 1:
      return { genre: random.pick([...BENCH_GENRES, ...BENCH_GENRES_RARE]) };
    case 2:
      return { language: random.pick(BENCH_LANGUAGES) };
    case 3:
      return { country: random.pick(BENCH_COUNTRIES) };
    case 4:
      return { genre: random.pick(BENCH_GENRES), year: String(random.int(1950, 2025)) };
    default:
      return { language: random.pick(BENCH_LANGUAGES), country: random.pick(BENCH_COUNTRIES) };
  }
}

function queryOf(random: SeededRandom, directorNames: readonly string[]): SearchQuery {
  const word = random.pick(SEARCH_WORDS);
  const roll = random.next();
  const make = (kind: QueryKind, params: Record<string, string>): SearchQuery => ({
    kind,
    path: `/api/v1/films?${new URLSearchParams(params).toString()}`,
  });
  if (roll < 0.25) return make('word', { q: random.chance(0.5) ? word.toLowerCase() : word });
  if (roll < 0.35) return make('two words', { q: `${word} ${random.pick(SEARCH_WORDS)}` });
  if (roll < 0.5) {
    const long = SEARCH_WORDS.filter((candidate) => candidate.length >= 5);
    return make('typo', { q: misspell(normaliseText(random.pick(long)), random) });
  }
  if (roll < 0.6) return make('partial word', { q: normaliseText(word).slice(0, random.int(3, 5)) });
  if (roll < 0.75) {
    const name = random.pick(directorNames);
    const typed = random.chance(0.5) ? normaliseText(name) : random.chance(0.5) ? name : name.split(' ')[1]!;
    return make('director', { q: typed });
  }
  if (roll < 0.85) return make('q and filter', { q: word, ...filters(random) });
  return make('filter only', filters(random));
}

/** A fixed, varied list of searches; the load generator cycles through it. */
export function searchQueries(count: number, directorNames: readonly string[]): SearchQuery[] {
  const random = new SeededRandom(130);
  return Array.from({ length: count }, () => queryOf(random, directorNames));
}
