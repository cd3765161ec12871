import type { ProjectionContext } from '#projections';
import type { ListActivity } from './list-activity.js';

const COLUMNS = 'event_id, actor_id, film_id, verb, occurred_at, subject_id';

/**
 * Writes what a batch did to "listed" rows, one statement per kind of change: the touched films'
 * rows go, deleted lists' rows go, rows of lists that became private or public move between
 * `activity` and `activity_withheld`, then the standing adds of the batch go where their list now
 * belongs, and the lists' visibility is noted.
 */
export async function applyListActivity(activity: ListActivity, context: ProjectionContext): Promise<void> {
  const lists = [...activity.lists];
  if (lists.length === 0) return;
  const [shown, withheld, visibility] = ['activity', 'activity_withheld', 'activity_list_visibility'].map(
    (name) => context.table(name),
  );
  const tables = [shown!, withheld!];

  const { films } = activity;
  if (films.length > 0) {
    for (const table of tables)
      await context.query(
        `DELETE FROM ${table} AS row USING unnest($1::uuid[], $2::uuid[]) AS film(list_id, film_id)
         WHERE row.subject_id = film.list_id AND row.film_id = film.film_id AND row.verb = 'listed'`,
        [films.map((film) => film.listId), films.map((film) => film.filmId)],
      );
  }

  const deleted = lists.filter(([, list]) => list.deleted).map(([id]) => id);
  if (deleted.length > 0) {
    for (const table of [...tables, visibility!]) {
      const where =
        table === visibility
          ? 'list_id = ANY($1::uuid[])'
          : `subject_id = ANY($1::uuid[]) AND verb = 'listed'`;
      await context.query(`DELETE FROM ${table} WHERE ${where}`, [deleted]);
    }
  }

  const flipped = (now: boolean) =>
    lists.filter(([, list]) => !list.deleted && list.was === !now && list.now === now).map(([id]) => id);
  for (const [from, to, ids] of [
    [withheld!, shown!, flipped(true)],
    [shown!, withheld!, flipped(false)],
  ] as const) {
    if (ids.length === 0) continue;
    await context.query(
      `WITH moved AS (
         DELETE FROM ${from} WHERE subject_id = ANY($1::uuid[]) AND verb = 'listed' RETURNING ${COLUMNS}
       )
       INSERT INTO ${to} (${COLUMNS}) SELECT ${COLUMNS} FROM moved ON CONFLICT DO NOTHING`,
      [ids],
    );
  }

  for (const [table, placed] of [
    [shown!, true],
    [withheld!, false],
  ] as const) {
    const rows = films.filter(({ listId, added }) => {
      const list = activity.lists.get(listId)!;
      return added !== null && !list.deleted && list.now === placed;
    });
    if (rows.length === 0) continue;
    await context.query(
      `INSERT INTO ${table} (${COLUMNS})
       SELECT event_id, actor_id, film_id, 'listed', occurred_at, subject_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[])
         AS added(event_id, actor_id, film_id, occurred_at, subject_id)
       ON CONFLICT DO NOTHING`,
      [
        rows.map((row) => row.added!.eventId),
        rows.map((row) => activity.lists.get(row.listId)!.ownerId),
        rows.map((row) => row.filmId),
        rows.map((row) => row.added!.occurredAt),
        rows.map((row) => row.listId),
      ],
    );
  }

  const standing = lists.filter(([, list]) => !list.deleted);
  if (standing.length === 0) return;
  await context.query(
    `INSERT INTO ${visibility} (list_id, owner_id, public)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[])
     ON CONFLICT (list_id) DO UPDATE SET public = EXCLUDED.public`,
    [
      standing.map(([id]) => id),
      standing.map(([, list]) => list.ownerId),
      standing.map(([, list]) => list.now),
    ],
  );
}
