import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { WINDOW_DAYS, firstDayOf, addDays, type PopularityWindow } from '../domain/popularity-period.js';
import { MARK_EVENT_TYPES, dayChanges, latestMarkDay, markOutcomes } from './popularity-marks.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** Each window and the column of `film_popularity` that counts it. */
export const WINDOW_COLUMNS: Readonly<Record<PopularityWindow, string>> = {
  today: 'today_marks',
  week: 'week_marks',
  month: 'month_marks',
};

const WINDOWS = Object.keys(WINDOW_COLUMNS) as PopularityWindow[];

/**
 * Per film, the marks members hold on it: by the day each was made, of all time, and of each
 * window (today, the last 7 and 30 days) ending on the latest day a mark was made (the clock).
 * Taking a mark back removes it from the day it was made and from every window holding that day.
 * When a batch brings a later day, each window first sheds the days that fell out of it, summed
 * from the days table, so the windows move with the marks themselves and no job rewrites them.
 */
const popularityReadModel: Projection = {
  name: 'popularity',
  // 2: erased members' marks are kept as counts in popularity_erased_days, which a rebuild fills.
  version: 2,
  handles: MARK_EVENT_TYPES,
  tables: [
    'popularity_marks',
    'film_popularity_days',
    'film_popularity',
    'popularity_clock',
    'popularity_erased_days',
  ],
  // The lists' order; the batches find films by their key, and a film's counts move with every batch.
  indexesForReadersOnly: [
    'film_popularity_marks_idx',
    'film_popularity_today_marks_idx',
    'film_popularity_week_marks_idx',
    'film_popularity_month_marks_idx',
  ],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const outcomes = markOutcomes(events);
    if (outcomes.length === 0) return;
    const marks = context.table('popularity_marks');
    // A mark first made in this batch has no row yet: only those that stood are looked for.
    const stood = outcomes.filter((outcome) => outcome.stoodBefore);
    const removed =
      stood.length === 0
        ? []
        : await context.query<{ film_id: string; marked_on: string }>(
            `DELETE FROM ${marks} AS mark
             USING unnest($1::uuid[], $2::uuid[], $3::smallint[]) AS touched(user_id, film_id, kind)
             WHERE mark.user_id = touched.user_id AND mark.film_id = touched.film_id
               AND mark.kind = touched.kind
             RETURNING mark.film_id, mark.marked_on::text`,
            [stood.map((o) => o.userId), stood.map((o) => o.filmId), stood.map((o) => o.kind)],
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
    // The clock follows every mark event, so where it stands does not hang on how events were batched.
    const asOf = await moveClock(context, latestMarkDay(events)!);
    // A rebuild catching up keeps the marks alone; `summarize` counts them once it has caught up.
    if (context.summariesDeferred) return;
    const changed = dayChanges(removed, added);
    if (changed.filmIds.length > 0) await addChanges(context, changed, asOf);
  },

  summarize,
};

/**
 * The clock moved to the batch's latest day, if later: each window first sheds the days that fall
 * out of it, read from the days table as it stood before the batch (no mark was ever made after
 * the old clock, so the days the window gains hold nothing yet). Answers the day the windows now
 * end on.
 */
async function moveClock(context: ProjectionContext, latest: string): Promise<string> {
  const clock = context.table('popularity_clock');
  const [row] = await context.query<{ as_of: string }>(`SELECT as_of::text FROM ${clock}`);
  const before = row?.as_of ?? null;
  if (before !== null && latest <= before) return before;
  if (before !== null && !context.summariesDeferred) {
    const byDay = context.table('film_popularity_days');
    const totals = context.table('film_popularity');
    for (const window of WINDOWS) {
      // The days in [first day of the old window, the day before the new window's first].
      const from = firstDayOf(window, before);
      const through = addDays(latest, -WINDOW_DAYS[window]);
      if (through < from) continue;
      await context.query(
        `UPDATE ${totals} AS t SET ${WINDOW_COLUMNS[window]} = t.${WINDOW_COLUMNS[window]} - shed.marks
           FROM (SELECT film_id, sum(marks)::int AS marks FROM ${byDay}
                  WHERE day BETWEEN $1::date AND $2::date GROUP BY film_id) AS shed
          WHERE t.film_id = shed.film_id`,
        [from, through],
      );
    }
  }
  await context.query(
    `INSERT INTO ${clock} (id, as_of) VALUES (true, $1::date)
     ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of`,
    [latest],
  );
  return latest;
}

/** The batch's marks per film and day into the days, the totals and the windows holding the day. */
async function addChanges(
  context: ProjectionContext,
  { filmIds, days, changes }: { filmIds: string[]; days: string[]; changes: number[] },
  asOf: string,
): Promise<void> {
  const byDay = context.table('film_popularity_days');
  const totals = context.table('film_popularity');
  await context.query(
    `INSERT INTO ${byDay} AS d (day, film_id, marks)
     SELECT * FROM unnest($2::date[], $1::uuid[], $3::int[])
     ON CONFLICT (day, film_id) DO UPDATE SET marks = d.marks + EXCLUDED.marks`,
    [filmIds, days, changes],
  );
  const inWindow = (window: PopularityWindow) =>
    `sum(change.marks) FILTER (WHERE change.day >= '${firstDayOf(window, asOf)}'::date)`;
  await context.query(
    `INSERT INTO ${totals} AS t (film_id, marks, today_marks, week_marks, month_marks)
     SELECT change.film_id, sum(change.marks),
            coalesce(${inWindow('today')}, 0), coalesce(${inWindow('week')}, 0),
            coalesce(${inWindow('month')}, 0)
       FROM unnest($1::uuid[], $2::date[], $3::int[]) AS change(film_id, day, marks)
      GROUP BY change.film_id
     ON CONFLICT (film_id) DO UPDATE SET
       marks = t.marks + EXCLUDED.marks, today_marks = t.today_marks + EXCLUDED.today_marks,
       week_marks = t.week_marks + EXCLUDED.week_marks, month_marks = t.month_marks + EXCLUDED.month_marks`,
    [filmIds, days, changes],
  );
  // Counts that came back to nothing are rows no read needs (a film with no mark is in no window);
  // only a day or a film that lost marks in the batch can have come back to it.
  const lost = changes.flatMap((change, index) => (change < 0 ? [index] : []));
  if (lost.length === 0) return;
  await context.query(
    `WITH emptied_days AS (
       DELETE FROM ${byDay} AS d USING unnest($1::uuid[], $2::date[]) AS c(film_id, day)
        WHERE d.film_id = c.film_id AND d.day = c.day AND d.marks = 0)
     DELETE FROM ${totals} WHERE film_id = ANY($1::uuid[]) AND marks = 0`,
    [lost.map((index) => filmIds[index]), lost.map((index) => days[index])],
  );
}

/**
 * The days from the standing marks and the erased members' counts, then each film's totals and
 * windows from the days, as of the clock: what the batches' upserts would have left, from scratch.
 */
async function summarize(context: ProjectionContext): Promise<void> {
  const byDay = context.table('film_popularity_days');
  const totals = context.table('film_popularity');
  await context.query(`TRUNCATE ${byDay}, ${totals}`);
  const [clock] = await context.query<{ as_of: string }>(
    `SELECT as_of::text FROM ${context.table('popularity_clock')}`,
  );
  if (clock === undefined) return;
  await context.query(
    `INSERT INTO ${byDay} (day, film_id, marks)
     SELECT day, film_id, sum(marks) FROM (
       SELECT marked_on AS day, film_id, count(*) AS marks FROM ${context.table('popularity_marks')}
        GROUP BY marked_on, film_id
       UNION ALL
       SELECT day, film_id, marks FROM ${context.table('popularity_erased_days')}
     ) AS counted
     GROUP BY day, film_id`,
  );
  await context.query(
    `INSERT INTO ${totals} (film_id, marks, today_marks, week_marks, month_marks)
     SELECT film_id, sum(marks), coalesce(sum(marks) FILTER (WHERE day >= $1::date), 0),
            coalesce(sum(marks) FILTER (WHERE day >= $2::date), 0),
            coalesce(sum(marks) FILTER (WHERE day >= $3::date), 0)
       FROM ${byDay} GROUP BY film_id`,
    WINDOWS.map((window) => firstDayOf(window, clock.as_of)),
  );
}

/** The read model, forgetting erased members. */
export const popularityProjection = scrubbingErasedMembers(
  popularityReadModel,
  // Which marks were theirs goes; the days and windows keep them as counts, and so does
  // popularity_erased_days, for a summary recomputed from the marks.
  async (members, context) => {
    await context.query(
      `WITH gone AS (
         DELETE FROM ${context.table('popularity_marks')} WHERE user_id = ANY($1::uuid[])
         RETURNING film_id, marked_on)
       INSERT INTO ${context.table('popularity_erased_days')} AS erased (day, film_id, marks)
       SELECT marked_on, film_id, count(*) FROM gone GROUP BY marked_on, film_id
       ON CONFLICT (day, film_id) DO UPDATE SET marks = erased.marks + EXCLUDED.marks`,
      [members],
    );
  },
);
