import type pg from 'pg';
import type { FilmPosters } from '../posters/film-posters.js';
import { drawPoster } from './drawn-poster.js';

export interface SeededFilm {
  readonly title: string;
  readonly year?: number;
  readonly externalIds: { readonly imdb?: string; readonly tmdb?: number };
}

export interface PosterSeedCounts {
  /** Films given a drawn poster by this run. */
  readonly drawn: number;
  /** Films that had a poster already (an earlier run's, or one an admin uploaded): left alone. */
  readonly kept: number;
}

/** What the seed needs of FilmPosters. */
export type PosterKeeper = Pick<FilmPosters, 'put'>;

/** The seed's films found by their external ids, with whether they have a poster yet. */
async function filmsToDraw(pool: pg.Pool, films: readonly SeededFilm[]) {
  const { rows } = await pool.query<{ at: number; id: string; has_poster: boolean }>(
    `SELECT given.at, f.id, EXISTS (SELECT 1 FROM film_posters p WHERE p.film_id = f.id) AS has_poster
       FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS given(imdb, tmdb, at)
       JOIN films f ON f.imdb_id = given.imdb OR f.tmdb_id = given.tmdb`,
    [films.map((film) => film.externalIds.imdb ?? null), films.map((film) => film.externalIds.tmdb ?? null)],
  );
  return rows.map((row) => ({ film: films[Number(row.at) - 1]!, id: row.id, hasPoster: row.has_poster }));
}

/**
 * Gives each of the seed's films that has none a poster drawn from its title and year, through
 * FilmPosters as an upload would go. A film with a poster keeps it, so a re-run draws nothing.
 */
export async function drawMissingPosters(
  pool: pg.Pool,
  posters: PosterKeeper,
  films: readonly SeededFilm[],
  concurrency: number,
): Promise<PosterSeedCounts> {
  const found = await filmsToDraw(pool, films);
  const waiting = found.filter((entry) => !entry.hasPoster);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let entry = waiting[next++]; entry; entry = waiting[next++]) {
      await posters.put(entry.id, await drawPoster(entry.film.title, entry.film.year), 'image/jpeg');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { drawn: waiting.length, kept: found.length - waiting.length };
}
