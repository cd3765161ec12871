import type pg from 'pg';
import type { Viewing } from '../../film-log/domain/diary.js';
import type { FilmLogStreamState } from '../../film-log/domain/film-log.decider.js';
import { fromHalfStars } from '../../film-log/domain/rating.js';

interface MarksRow {
  film_id: string;
  checked: boolean;
  watched_on: string | null;
  favourite: boolean;
  disliked: boolean;
  watchlisted: boolean;
  rating_half_stars: number | null;
  viewings: number;
}

interface DiaryRow {
  id: string;
  film_id: string;
  watched_on: string;
  rewatch: boolean;
  rating_half_stars: number | null;
}

/**
 * The member's marks and diary on these films as the read models show them; films without a
 * mark are left out. The diary read model may lag the marks: a film whose entries it lacks is
 * then decided on its stream, which is the slower way, never the wrong one.
 */
export async function marksSeen(
  pool: pg.Pool,
  memberId: string,
  filmIds: readonly string[],
): Promise<Map<string, FilmLogStreamState>> {
  const diaries = await diariesSeen(pool, memberId, filmIds);
  const { rows } = await pool.query<MarksRow>(
    `SELECT film_id, checked, watched_on::text, favourite, disliked, watchlisted, rating_half_stars, viewings
         FROM user_film_state WHERE user_id = $1 AND film_id = ANY($2::uuid[])`,
    [memberId, filmIds],
  );
  return new Map(
    rows.map((row) => [
      row.film_id,
      {
        checked: row.checked,
        checkedAt: null,
        watchedOn: row.watched_on,
        favourite: row.favourite,
        disliked: row.disliked,
        watchlisted: row.watchlisted,
        rating: fromHalfStars(row.rating_half_stars),
        viewings: row.viewings,
        checkDate: row.watched_on,
        diary: diaries.get(row.film_id) ?? [],
      },
    ]),
  );
}

async function diariesSeen(
  pool: pg.Pool,
  memberId: string,
  filmIds: readonly string[],
): Promise<Map<string, Viewing[]>> {
  const { rows } = await pool.query<DiaryRow>(
    `SELECT id, film_id, watched_on::text, rewatch, rating_half_stars
         FROM diary_entries WHERE user_id = $1 AND film_id = ANY($2::uuid[])
         ORDER BY watched_on, logged_at, id`,
    [memberId, filmIds],
  );
  const diaries = new Map<string, Viewing[]>();
  for (const row of rows) {
    const diary = diaries.get(row.film_id) ?? [];
    diary.push({
      entry: row.id,
      watchedOn: row.watched_on,
      rewatch: row.rewatch,
      rating: fromHalfStars(row.rating_half_stars),
    });
    diaries.set(row.film_id, diary);
  }
  return diaries;
}
