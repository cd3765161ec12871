import type pg from 'pg';
import { FilmWriter } from '../films/film-writer.js';
import { importFilmJson } from '../import/film-json.import.js';
import type { ImportCounts } from '../import/import-tally.js';
import { DEMO_FILMS } from './demo-films.js';
import {
  drawMissingPosters,
  type PosterKeeper,
  type PosterSeedCounts,
  type SeededFilm,
} from './demo-posters.js';
import { FESTIVAL_DEMO_FILMS } from './festival-demo-films.js';
import { generatedFilms } from './generated-films.js';

export const DEFAULT_GENERATED_FILMS = 2_000;
/**
 * Generated films given a drawn poster: making a poster's variants takes a core about 50 ms, so
 * all 2,000 would make the first seed minutes longer; the rest show the page without a poster.
 */
export const DEFAULT_GENERATED_POSTERS = 200;

export interface SeedOptions {
  /** Invented films added for volume, so search and paging have material. */
  readonly generatedFilms: number;
  /** Films written at once (one transaction each); the pool needs that many connections. */
  readonly concurrency: number;
  /** The first this many generated films get a drawn poster (the real films always do). */
  readonly generatedPosters?: number;
}

/** The films as the text of a JSON array, one film at a time. */
async function* asJsonArray(films: readonly Record<string, unknown>[]): AsyncGenerator<string> {
  yield '[';
  for (const [index, film] of films.entries()) yield `${index === 0 ? '' : ','}\n${JSON.stringify(film)}`;
  yield '\n]\n';
}

/**
 * Loads the demo catalogue through the same path as `catalog:import` of a JSON file (the API's
 * validation, then FilmWriter matching on external ids), so running it again changes nothing.
 */
export function seedDemoCatalogue(pool: pg.Pool, options: SeedOptions): Promise<ImportCounts> {
  const films = [...DEMO_FILMS, ...FESTIVAL_DEMO_FILMS, ...generatedFilms(options.generatedFilms)];
  return importFilmJson(asJsonArray(films), new FilmWriter(pool), { concurrency: options.concurrency });
}

/**
 * A poster drawn from its title and year for each of the seed's films that has none, once the
 * catalogue is seeded (the films are found by their external ids).
 */
export function seedDemoPosters(
  pool: pg.Pool,
  posters: PosterKeeper,
  options: SeedOptions,
): Promise<PosterSeedCounts> {
  // The import validated every one of them: each has a title and an external id.
  const films = [
    ...DEMO_FILMS,
    ...FESTIVAL_DEMO_FILMS,
    ...generatedFilms(options.generatedFilms).slice(0, options.generatedPosters ?? options.generatedFilms),
  ] as unknown as SeededFilm[];
  return drawMissingPosters(pool, posters, films, options.concurrency);
}
