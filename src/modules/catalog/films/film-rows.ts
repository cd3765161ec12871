import type pg from 'pg';
import { searchTextOf, slugBase } from '../domain/normalise.js';
import { insertWithFreeSlug } from '../slug-rows.js';
import type { FilmDraft } from './film-draft.js';
import { storedTitleKeys } from './film-title-key.js';
import type { ResolvedCredits } from './people-resolver.js';

export const IMDB_CONSTRAINT = 'films_imdb_id_key';
export const TMDB_CONSTRAINT = 'films_tmdb_id_key';

/** The columns every write sets, in the order of $2.. in the statements below. */
const filmValues = (draft: FilmDraft, credits: ResolvedCredits): unknown[] => {
  const keys = storedTitleKeys(draft.title, draft.originalTitle);
  return [
    draft.title,
    draft.originalTitle,
    draft.year,
    draft.runtimeMinutes,
    draft.synopsis,
    draft.genres,
    draft.languages,
    draft.countries,
    draft.classification,
    draft.externalIds.imdb ?? null,
    draft.externalIds.tmdb ?? null,
    searchTextOf({
      title: draft.title,
      originalTitle: draft.originalTitle,
      directorNames: credits.directors.map((director) => director.name),
    }),
    keys.titleKey,
    keys.originalTitleKey,
  ];
};

/** Inserts the film under the first free slug of its title and year. */
export async function insertFilm(
  client: pg.PoolClient,
  id: string,
  draft: FilmDraft,
  credits: ResolvedCredits,
): Promise<string> {
  return insertWithFreeSlug(client, 'films', slugBase(draft.title, draft.year), (slug) =>
    client.query(
      `INSERT INTO films (id, slug, title, original_title, year, runtime_minutes, synopsis, genres,
         languages, countries, classification, imdb_id, tmdb_id, search_text, title_key, original_title_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [id, slug, ...filmValues(draft, credits)],
    ),
  );
}

/** Replaces every field but the id and the slug, which are stable. */
export async function updateFilm(
  client: pg.PoolClient,
  id: string,
  draft: FilmDraft,
  credits: ResolvedCredits,
): Promise<void> {
  await client.query(
    `UPDATE films SET title = $2, original_title = $3, year = $4, runtime_minutes = $5, synopsis = $6,
       genres = $7, languages = $8, countries = $9, classification = $10, imdb_id = $11, tmdb_id = $12,
       search_text = $13, title_key = $14, original_title_key = $15, updated_at = now()
     WHERE id = $1`,
    [id, ...filmValues(draft, credits)],
  );
  await client.query(`DELETE FROM film_credits WHERE film_id = $1`, [id]);
  await client.query(`DELETE FROM critic_reviews WHERE film_id = $1`, [id]);
}

/** Credits in billing order and reviews in the given order, one statement each. */
export async function insertDetails(
  client: pg.PoolClient,
  id: string,
  draft: FilmDraft,
  credits: ResolvedCredits,
): Promise<void> {
  const people = [
    ...credits.directors.map((person, position) => ({ person, role: 'director', position })),
    ...credits.cast.map((person, position) => ({ person, role: 'cast', position })),
  ];
  if (people.length > 0) {
    await client.query(
      `INSERT INTO film_credits (film_id, person_id, role, position)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[])`,
      [id, people.map((c) => c.person.id), people.map((c) => c.role), people.map((c) => c.position)],
    );
  }
  const reviews = draft.criticReviews;
  if (reviews.length > 0) {
    await client.query(
      `INSERT INTO critic_reviews (film_id, position, outlet, region, excerpt, url)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        id,
        reviews.map((_, position) => position),
        reviews.map((r) => r.outlet),
        reviews.map((r) => r.region ?? null),
        reviews.map((r) => r.excerpt),
        reviews.map((r) => r.url ?? null),
      ],
    );
  }
}
