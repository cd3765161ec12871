import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { MARK_EVENT_TYPES, dayChanges, markOutcomes } from './popularity-marks.js';

/**
 * Per film, the marks members hold on it by the day each was made, so any window (today, the last
 * 7 or 30 days, all time) is a sum over days, computed when asked: nothing decays overnight.
 * Taking a mark back removes it from the day it was made. Per batch: one delete of the marks the
 * batch touches (returning the days they were counted on), one insert of those that stand, one
 * upsert of the days' counts and one of the films' totals.
 */
export const popularityProjection: Projection = {
  name: 'popularity',
  version: 1,
  handles: MARK_EVENT_TYPES,
  tables: ['popularity_marks', 'film_popularity_days', 'film_popularity'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const outcomes = markOutcomes(events);
    if (outcomes.length === 0) return;
    const marks = context.table('popularity_marks');
    const removed = await context.query<{ film_id: string; marked_on: string }>(
      `DELETE FROM ${marks} AS mark
       USING unnest($1::uuid[], $2::uuid[], $3::smallint[]) AS touched(user_id, film_id, kind)
       WHERE mark.user_id = touched.user_id AND mark.film_id = touched.film_id AND mark.kind = touched.kind
       RETURNING mark.film_id, mark.marked_on::text`,
      [outcomes.map((o) => o.userId), outcomes.map((o) => o.filmId), outcomes.map((o) => o.kind)],
    );
    const added = outcomes.filter((outcome) => outcome.markedOn !== null);
    if (added.length > 0) {
      await context.query(
        `INSERT INTO ${marks} (user_id, film_id, kind, marked_on)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::date[])`,
        [
          added.map((o) => o.userId),
          added.map((o) => o.filmId),
          added.map((o) => o.kind),
          added.map((o) => o.markedOn),
        ],
      );
    }
    const { filmIds, days, changes } = dayChanges(removed, added);
    if (filmIds.length === 0) return;
    const byDay = context.table('film_popularity_days');
    const totals = context.table('film_popularity');
    await context.query(
      `WITH change AS (
         SELECT film_id, day, sum(marks)::int AS marks
           FROM unnest($1::uuid[], $2::date[], $3::int[]) AS c(film_id, day, marks)
          GROUP BY film_id, day
       ), days AS (
         INSERT INTO ${byDay} AS d (day, film_id, marks)
         SELECT day, film_id, marks FROM change
         ON CONFLICT (day, film_id) DO UPDATE SET marks = d.marks + EXCLUDED.marks
       )
       INSERT INTO ${totals} AS t (film_id, marks)
       SELECT film_id, sum(marks)::int FROM change GROUP BY film_id
       ON CONFLICT (film_id) DO UPDATE SET marks = t.marks + EXCLUDED.marks`,
      [filmIds, days, changes],
    );
    // Counts that came back to nothing are rows no window needs.
    await context.query(
      `DELETE FROM ${byDay} AS d USING unnest($1::uuid[], $2::date[]) AS c(film_id, day)
        WHERE d.film_id = c.film_id AND d.day = c.day AND d.marks = 0`,
      [filmIds, days],
    );
    await context.query(`DELETE FROM ${totals} WHERE film_id = ANY($1::uuid[]) AND marks = 0`, [filmIds]);
  },
};
