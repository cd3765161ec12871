import { SeededRandom } from '../../common/seeded-random.js';

/** What the generator needs of a catalogue film. */
export interface CatalogueFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
  readonly genres: readonly string[];
  readonly countries: readonly string[];
  /** A film with an IMDb id is a real one, which people see more than the generated filler. */
  readonly known: boolean;
}

/**
 * The catalogue from most to least famous: real films lead, each film's place fixed by the seed
 * and its slug alone, so adding films to the catalogue does not reshuffle the others.
 */
export function byFame(seed: number, films: readonly CatalogueFilm[]): CatalogueFilm[] {
  const score = (film: CatalogueFilm): number =>
    SeededRandom.derived(seed, film.slug).next() * (film.known ? 4 : 1);
  return films
    .map((film) => ({ film, score: score(film) }))
    .sort((a, b) => b.score - a.score || a.film.slug.localeCompare(b.film.slug))
    .map(({ film }) => film);
}
