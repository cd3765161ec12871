import { isUuid } from '../../../common/uuid.js';
import type pg from 'pg';
import { posterOf, type PosterColumns } from '../posters/poster.js';
import type { CriticReview, Film, PersonCredit } from './film.js';

/** A pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** A row of FILM_COLUMNS: credits and reviews come aggregated as JSON, in their order. */
export interface FilmRow {
  id: string;
  slug: string;
  title: string;
  original_title: string | null;
  year: number | null;
  runtime_minutes: number | null;
  synopsis: string | null;
  genres: string[];
  languages: string[];
  countries: string[];
  classification: string | null;
  imdb_id: string | null;
  tmdb_id: number | null;
  directors: PersonCredit[];
  cast: PersonCredit[];
  critic_reviews: CriticReview[];
  poster: PosterColumns | null;
}

const credits = (alias: string, role: 'director' | 'cast'): string => `coalesce((
    SELECT json_agg(json_build_object('id', p.id, 'slug', p.slug, 'name', p.name) ORDER BY c.position)
      FROM film_credits c JOIN people p ON p.id = c.person_id
     WHERE c.film_id = ${alias}.id AND c.role = '${role}'), '[]')`;

/**
 * Every column of the film shape for the films aliased `alias`: one statement reads a whole page
 * with its credits and reviews (index lookups per film, no round trip per film).
 */
export const filmColumns = (alias: string): string => `
  ${alias}.id, ${alias}.slug, ${alias}.title, ${alias}.original_title, ${alias}.year,
  ${alias}.runtime_minutes, ${alias}.synopsis, ${alias}.genres, ${alias}.languages, ${alias}.countries,
  ${alias}.classification, ${alias}.imdb_id, ${alias}.tmdb_id,
  ${credits(alias, 'director')} AS directors,
  ${credits(alias, 'cast')} AS "cast",
  coalesce((
    SELECT json_agg(json_strip_nulls(json_build_object(
             'outlet', r.outlet, 'region', r.region, 'excerpt', r.excerpt, 'url', r.url)) ORDER BY r.position)
      FROM critic_reviews r WHERE r.film_id = ${alias}.id), '[]') AS critic_reviews,
  (SELECT json_build_object('width', p.width, 'height', p.height, 'variant_keys', p.variant_keys)
     FROM film_posters p WHERE p.film_id = ${alias}.id) AS poster`;

export function toFilm(row: FilmRow): Film {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    runtimeMinutes: row.runtime_minutes,
    synopsis: row.synopsis,
    directors: row.directors,
    cast: row.cast,
    genres: row.genres,
    languages: row.languages,
    countries: row.countries,
    classification: row.classification,
    externalIds: {
      ...(row.imdb_id !== null ? { imdb: row.imdb_id } : {}),
      ...(row.tmdb_id !== null ? { tmdb: row.tmdb_id } : {}),
    },
    criticReviews: row.critic_reviews,
    poster: row.poster === null ? null : posterOf(row.poster),
  };
}

const FILM_BY_ID = `SELECT ${filmColumns('f')} FROM films f WHERE f.id = $1::uuid`;
const FILM_BY_SLUG = `SELECT ${filmColumns('f')} FROM films f WHERE f.slug = $1`;

/** A film by id (when the reference is a UUID) or by slug; null when there is none. */
export async function loadFilm(db: Queryable, idOrSlug: string): Promise<Film | null> {
  const byId = isUuid(idOrSlug);
  const { rows } = await db.query<FilmRow>({
    name: byId ? 'catalog-film-by-id' : 'catalog-film-by-slug',
    text: byId ? FILM_BY_ID : FILM_BY_SLUG,
    values: [byId ? idOrSlug.toLowerCase() : idOrSlug],
  });
  return rows[0] ? toFilm(rows[0]) : null;
}
