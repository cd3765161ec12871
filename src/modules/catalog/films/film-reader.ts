import type pg from 'pg';
import type { CriticReview, Film, PersonCredit } from './film.js';

/** A pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

interface FilmRow {
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
}

interface CreditRow {
  film_id: string;
  role: 'director' | 'cast';
  id: string;
  name: string;
}

interface ReviewRow {
  film_id: string;
  outlet: string;
  region: string | null;
  excerpt: string;
  url: string | null;
}

export const FILM_COLUMNS = `f.id, f.slug, f.title, f.original_title, f.year, f.runtime_minutes, f.synopsis,
  f.genres, f.languages, f.countries, f.classification, f.imdb_id, f.tmdb_id`;

const groupBy = <T extends { film_id: string }>(rows: readonly T[]): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.film_id);
    if (group) group.push(row);
    else groups.set(row.film_id, [row]);
  }
  return groups;
};

const toCredit = ({ id, name }: CreditRow): PersonCredit => ({ id, name });

const toReview = ({ outlet, region, excerpt, url }: ReviewRow): CriticReview => ({
  outlet,
  ...(region !== null ? { region } : {}),
  excerpt,
  ...(url !== null ? { url } : {}),
});

function toFilm(row: FilmRow, credits: readonly CreditRow[], reviews: readonly ReviewRow[]): Film {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    runtimeMinutes: row.runtime_minutes,
    synopsis: row.synopsis,
    directors: credits.filter((credit) => credit.role === 'director').map(toCredit),
    cast: credits.filter((credit) => credit.role === 'cast').map(toCredit),
    genres: row.genres,
    languages: row.languages,
    countries: row.countries,
    classification: row.classification,
    externalIds: {
      ...(row.imdb_id !== null ? { imdb: row.imdb_id } : {}),
      ...(row.tmdb_id !== null ? { tmdb: row.tmdb_id } : {}),
    },
    criticReviews: reviews.map(toReview),
  };
}

/**
 * Completes film rows with their credits and reviews: two queries for the whole page, whatever
 * its size. The result keeps the order of `rows`.
 */
export async function completeFilms(db: Queryable, rows: readonly FilmRow[]): Promise<Film[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [credits, reviews] = await Promise.all([
    db.query<CreditRow>(
      `SELECT c.film_id, c.role, p.id, p.name
         FROM film_credits c JOIN people p ON p.id = c.person_id
        WHERE c.film_id = ANY($1::uuid[])
        ORDER BY c.film_id, c.role, c.position`,
      [ids],
    ),
    db.query<ReviewRow>(
      `SELECT film_id, outlet, region, excerpt, url FROM critic_reviews
        WHERE film_id = ANY($1::uuid[]) ORDER BY film_id, position`,
      [ids],
    ),
  ]);
  const creditsByFilm = groupBy(credits.rows);
  const reviewsByFilm = groupBy(reviews.rows);
  return rows.map((row) => toFilm(row, creditsByFilm.get(row.id) ?? [], reviewsByFilm.get(row.id) ?? []));
}

export type { FilmRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A film by id (when the reference is a UUID) or by slug; null when there is none. */
export async function loadFilm(db: Queryable, idOrSlug: string): Promise<Film | null> {
  const byId = isUuid(idOrSlug);
  const { rows } = await db.query<FilmRow>(
    `SELECT ${FILM_COLUMNS} FROM films f WHERE ${byId ? 'f.id = $1::uuid' : 'f.slug = $1'}`,
    [byId ? idOrSlug.toLowerCase() : idOrSlug],
  );
  const [film] = await completeFilms(db, rows);
  return film ?? null;
}
