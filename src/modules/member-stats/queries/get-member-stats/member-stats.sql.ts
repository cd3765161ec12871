import { FACET_LIMIT } from '../../member-stats.response.js';

interface FacetQuery {
  /** Rows of `key` and `films` (and whatever `order` needs besides). */
  readonly rows: string;
  readonly order: string;
  readonly limit?: number;
}

/** A facet as a JSON array of { key, films } in `order`, cut at `limit`; [] when empty. */
const facet = ({ rows, order, limit }: FacetQuery): string => `
  (SELECT coalesce(json_agg(json_build_object('key', facet.key, 'films', facet.films) ORDER BY ${order}), '[]'::json)
   FROM (SELECT * FROM (${rows}) AS counted
         ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`}) AS facet)`;

const BY_COUNT = 'films DESC, key';
// Text keys in code-point order, whatever the database's collation.
const BY_COUNT_THEN_TEXT = 'films DESC, key COLLATE "C"';

/**
 * A member's statistics in one statement. $1 the username key, $2 a viewing year or null, $3 and
 * $4 the country codes and their continents. A film's viewings are the day it was seen on and its
 * diary dates; a check with neither counts on the day it was made (UTC). With a year, only the
 * films seen in it are kept, and only that year's viewings. No member: member_id is null.
 */
export const MEMBER_STATS_SQL = `
  WITH member AS (
    SELECT id FROM accounts WHERE username_key = $1
  ),
  checked AS MATERIALIZED (
    SELECT state.film_id, state.watched_on, state.checked_at, state.rating_half_stars
    FROM user_film_state AS state
    WHERE state.user_id = (SELECT id FROM member) AND state.checked
  ),
  diary AS MATERIALIZED (
    SELECT entry.film_id, entry.watched_on
    FROM diary_entries AS entry
    WHERE entry.user_id = (SELECT id FROM member)
  ),
  viewings AS (
    SELECT film_id, watched_on AS day FROM checked WHERE watched_on IS NOT NULL
    UNION ALL
    SELECT diary.film_id, diary.watched_on FROM diary JOIN checked USING (film_id)
    UNION ALL
    SELECT film_id, (checked_at AT TIME ZONE 'UTC')::date FROM checked
    WHERE watched_on IS NULL AND checked_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM diary WHERE diary.film_id = checked.film_id)
  ),
  kept_viewings AS MATERIALIZED (
    SELECT DISTINCT film_id, day FROM viewings
    WHERE $2::int IS NULL OR (day >= make_date($2::int, 1, 1) AND day < make_date($2::int + 1, 1, 1))
  ),
  kept AS MATERIALIZED (
    SELECT checked.film_id, checked.rating_half_stars,
           film.year, film.runtime_minutes, film.genres, film.countries
    FROM checked
    LEFT JOIN films AS film ON film.id = checked.film_id
    WHERE $2::int IS NULL OR checked.film_id IN (SELECT film_id FROM kept_viewings)
  )
  SELECT
    (SELECT id FROM member) AS member_id,
    (SELECT count(*)::int FROM kept) AS films,
    (SELECT coalesce(sum(runtime_minutes), 0)::int FROM kept) AS minutes,
    ${facet({
      rows: `SELECT extract(year FROM day)::int AS key, count(DISTINCT film_id)::int AS films
             FROM kept_viewings GROUP BY 1`,
      order: BY_COUNT,
    })} AS by_year,
    CASE WHEN $2::int IS NOT NULL THEN
      (SELECT json_agg(json_build_object('key', month, 'films', coalesce(seen.films, 0)) ORDER BY month)
       FROM generate_series(1, 12) AS month
       LEFT JOIN (SELECT extract(month FROM day)::int AS month, count(DISTINCT film_id)::int AS films
                  FROM kept_viewings GROUP BY 1) AS seen USING (month))
    END AS by_month,
    ${facet({
      rows: `SELECT year / 10 * 10 AS key, count(*)::int AS films FROM kept WHERE year IS NOT NULL GROUP BY 1`,
      order: BY_COUNT,
    })} AS by_decade,
    ${facet({
      rows: `SELECT genre AS key, count(DISTINCT film_id)::int AS films
             FROM kept CROSS JOIN LATERAL unnest(kept.genres) AS genre GROUP BY 1`,
      order: BY_COUNT_THEN_TEXT,
      limit: FACET_LIMIT,
    })} AS by_genre,
    ${facet({
      rows: `SELECT country AS key, count(DISTINCT film_id)::int AS films
             FROM kept CROSS JOIN LATERAL unnest(kept.countries) AS country GROUP BY 1`,
      order: BY_COUNT_THEN_TEXT,
      limit: FACET_LIMIT,
    })} AS by_country,
    ${facet({
      rows: `SELECT place.continent AS key, count(DISTINCT kept.film_id)::int AS films
             FROM kept CROSS JOIN LATERAL unnest(kept.countries) AS film_country (code)
             JOIN unnest($3::text[], $4::text[]) AS place (code, continent) USING (code)
             GROUP BY 1`,
      order: BY_COUNT_THEN_TEXT,
    })} AS by_continent,
    ${facet({
      // One entry per person: two directors of one name stay two, in a stable order.
      rows: `SELECT person.name AS key, count(DISTINCT kept.film_id)::int AS films, person.id AS person_id
             FROM kept
             JOIN film_credits AS credit ON credit.film_id = kept.film_id AND credit.role = 'director'
             JOIN people AS person ON person.id = credit.person_id
             GROUP BY person.id, person.name`,
      order: `${BY_COUNT_THEN_TEXT}, person_id`,
      limit: FACET_LIMIT,
    })} AS by_director,
    (SELECT array_agg(coalesce(rated.films, 0) ORDER BY bucket)
     FROM generate_series(1, 10) AS bucket
     LEFT JOIN (SELECT rating_half_stars AS bucket, count(*)::int AS films
                FROM kept WHERE rating_half_stars IS NOT NULL GROUP BY 1) AS rated USING (bucket)) AS ratings`;
