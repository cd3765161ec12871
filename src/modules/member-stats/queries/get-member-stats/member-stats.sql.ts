import { FACET_LIMIT } from '../../member-stats.response.js';

interface FacetQuery {
  /** Pairs of `film_id` and `key`: a film under a key, as often as it comes. */
  readonly pairs: string;
  readonly order: string;
  readonly limit?: number;
}

/**
 * A facet as a JSON array of { key, films } in `order`, cut at `limit`; [] when empty. Each film
 * counts once under a key: the pairs are made distinct first and then counted, which hashes,
 * where count(DISTINCT) would sort every pair.
 */
const facet = ({ pairs, order, limit }: FacetQuery): string => `
  (SELECT coalesce(json_agg(json_build_object('key', facet.key, 'films', facet.films) ORDER BY ${order}), '[]'::json)
   FROM (SELECT key, count(*)::int AS films
         FROM (SELECT DISTINCT film_id, key FROM (${pairs}) AS pair) AS distinct_pair
         GROUP BY key
         ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`}) AS facet)`;

const BY_COUNT = 'films DESC, key';
// Text keys in code-point order, whatever the database's collation.
const BY_COUNT_THEN_TEXT = 'films DESC, key COLLATE "C"';

/** Directors are counted by person, then named: two people of one name stay two, in a stable order. */
const BY_DIRECTOR = `
  (SELECT coalesce(json_agg(json_build_object('key', facet.name, 'films', facet.films)
                            ORDER BY facet.films DESC, facet.name COLLATE "C", facet.person_id), '[]'::json)
   FROM (SELECT person.name, counted.films, counted.person_id
         FROM (SELECT person_id, count(*)::int AS films
               FROM (SELECT DISTINCT kept.film_id, credit.person_id
                     FROM kept
                     JOIN film_credits AS credit ON credit.film_id = kept.film_id AND credit.role = 'director'
                    ) AS credited
               GROUP BY person_id) AS counted
         JOIN people AS person ON person.id = counted.person_id
         ORDER BY counted.films DESC, person.name COLLATE "C", counted.person_id
         LIMIT ${FACET_LIMIT}) AS facet)`;

/**
 * A member and their viewings: $1 the username key. A film's viewings are the day it was seen on and
 * its diary dates; a check with neither counts on the day it was made (UTC). Checked films only.
 */
const VIEWINGS = `
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
  )`;

/** The viewing years of every film, as the first facet of the statistics counts them. */
const byYear = (viewings: string): string =>
  facet({ pairs: `SELECT film_id, extract(year FROM day)::int AS key FROM ${viewings}`, order: BY_COUNT });

/** The years a member saw films in, each with its films: $1 the username key. No member: member_id is null. */
export const MEMBER_VIEWING_YEARS_SQL = `${VIEWINGS}
  SELECT (SELECT id FROM member) AS member_id, ${byYear('viewings')} AS by_year`;

/**
 * A member's statistics in one statement. $1 the username key, $2 a viewing year or null, $3 and
 * $4 the country codes and their continents. With a year, only the films seen in it are kept, and
 * only that year's viewings. No member: member_id is null.
 */
export const MEMBER_STATS_SQL = `${VIEWINGS},
  kept_viewings AS MATERIALIZED (
    SELECT film_id, day FROM viewings
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
    ${byYear('kept_viewings')} AS by_year,
    CASE WHEN $2::int IS NOT NULL THEN
      (SELECT json_agg(json_build_object('key', month, 'films', coalesce(seen.films, 0)) ORDER BY month)
       FROM generate_series(1, 12) AS month
       LEFT JOIN (SELECT month, count(*)::int AS films
                  FROM (SELECT DISTINCT film_id, extract(month FROM day)::int AS month FROM kept_viewings) AS seen
                  GROUP BY month) AS seen USING (month))
    END AS by_month,
    ${facet({
      pairs: `SELECT film_id, year / 10 * 10 AS key FROM kept WHERE year IS NOT NULL`,
      order: BY_COUNT,
    })} AS by_decade,
    ${facet({
      pairs: `SELECT film_id, genre AS key FROM kept CROSS JOIN LATERAL unnest(kept.genres) AS genre`,
      order: BY_COUNT_THEN_TEXT,
      limit: FACET_LIMIT,
    })} AS by_genre,
    ${facet({
      pairs: `SELECT film_id, country AS key FROM kept CROSS JOIN LATERAL unnest(kept.countries) AS country`,
      order: BY_COUNT_THEN_TEXT,
      limit: FACET_LIMIT,
    })} AS by_country,
    ${facet({
      pairs: `SELECT kept.film_id, place.continent AS key
              FROM kept CROSS JOIN LATERAL unnest(kept.countries) AS film_country (code)
              JOIN unnest($3::text[], $4::text[]) AS place (code, continent) USING (code)`,
      order: BY_COUNT_THEN_TEXT,
    })} AS by_continent,
    ${BY_DIRECTOR} AS by_director,
    (SELECT array_agg(coalesce(rated.films, 0) ORDER BY bucket)
     FROM generate_series(1, 10) AS bucket
     LEFT JOIN (SELECT rating_half_stars AS bucket, count(*)::int AS films
                FROM kept WHERE rating_half_stars IS NOT NULL GROUP BY 1) AS rated USING (bucket)) AS ratings`;
