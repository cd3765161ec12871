import type { RecordedEvent } from '#event-store';
import type { ProjectionContext } from '#projections';
import { parseFilmLogStream } from '../../film-log/domain/film-log.events.js';

/** A film that joined (now) or left (!now) a list in the batch. */
export interface ListMembershipChange {
  readonly listId: string;
  readonly filmId: string;
  readonly now: boolean;
}

/** A member's check of a film after the batch, with what it was before. */
export interface CheckChange {
  readonly userId: string;
  readonly filmId: string;
  readonly was: boolean;
  readonly now: boolean;
}

/** A member's progress on a list begun (+1) or emptied (−1) by a batch. */
export interface ViewerChange {
  readonly listId: string;
  readonly userId: string;
  readonly change: 1 | -1;
}

export const CHECK_EVENT_TYPES = ['FilmChecked', 'FilmUnchecked'] as const;

/** The last word of the batch on each (member, film) check: true if checked. */
export function foldChecks(events: readonly RecordedEvent[]): Map<string, CheckChange> {
  const checks = new Map<string, CheckChange>();
  for (const event of events) {
    if (event.type !== 'FilmChecked' && event.type !== 'FilmUnchecked') continue;
    const { userId, filmId } = parseFilmLogStream(event.streamId);
    checks.set(`${userId}.${filmId}`, { userId, filmId, was: false, now: event.type === 'FilmChecked' });
  }
  return checks;
}

/**
 * Moves each member's progress by exactly what the batch changed. Progress on L is
 * Σ_f [f in L] × [member checked f], so only the pairs (L, f) whose membership changed and the
 * pairs (member, f) whose check changed can move it; each term is counted once, as
 * [in after ∧ checked after] − [in before ∧ checked before], read against the tables as they were
 * before the batch (so this runs before the entries and checks are written). `excluded` lists are
 * recounted whole or deleted, and left out. Answers whose progress began or came back to nothing,
 * which move the lists' viewers once the lists are written.
 */
export async function addProgressChanges(
  context: ProjectionContext,
  memberships: readonly ListMembershipChange[],
  checks: readonly CheckChange[],
  excluded: readonly string[],
): Promise<ViewerChange[]> {
  const changed = checks.filter((check) => check.was !== check.now);
  if (memberships.length === 0 && changed.length === 0) return [];
  const [entries, listChecks, lists, progress] = [
    'list_entries',
    'list_checks',
    'lists',
    'list_progress',
  ].map((name) => context.table(name));
  const upserted = await context.query<{ list_id: string; user_id: string; checked: number; began: boolean }>(
    `WITH membership AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(list_id, film_id, now)
     ), check_change AS (
       SELECT * FROM unnest($4::uuid[], $5::uuid[], $6::int[], $7::int[]) AS c(user_id, film_id, was, now)
     ), checker AS (
       -- Who checked each film whose membership changed, before and after the batch.
       SELECT checks.film_id, checks.user_id, 1 AS was, coalesce(change.now, 1) AS now
       FROM ${listChecks} AS checks
       LEFT JOIN check_change AS change ON change.user_id = checks.user_id AND change.film_id = checks.film_id
       WHERE checks.film_id IN (SELECT film_id FROM membership)
       UNION ALL
       SELECT film_id, user_id, was, now FROM check_change
       WHERE was = 0 AND film_id IN (SELECT film_id FROM membership)
     ), term AS (
       SELECT membership.list_id, checker.user_id,
              membership.now * checker.now - (1 - membership.now) * checker.was AS change
       FROM membership JOIN checker ON checker.film_id = membership.film_id
       UNION ALL
       SELECT entry.list_id, change.user_id, change.now - change.was
       FROM check_change AS change
       JOIN ${entries} AS entry ON entry.film_id = change.film_id AND entry.removed_at IS NULL
       JOIN ${lists} AS list ON list.id = entry.list_id AND list.deleted_at IS NULL
       WHERE entry.list_id <> ALL($8::uuid[])
         AND NOT EXISTS (SELECT 1 FROM membership
                         WHERE membership.list_id = entry.list_id AND membership.film_id = entry.film_id)
     )
     INSERT INTO ${progress} AS progress (list_id, user_id, checked)
     SELECT list_id, user_id, sum(change) FROM term GROUP BY list_id, user_id HAVING sum(change) <> 0
     ON CONFLICT (list_id, user_id) DO UPDATE SET checked = progress.checked + EXCLUDED.checked
     RETURNING list_id, user_id, checked, xmax = 0 AS began`,
    [
      memberships.map((change) => change.listId),
      memberships.map((change) => change.filmId),
      memberships.map((change) => Number(change.now)),
      changed.map((change) => change.userId),
      changed.map((change) => change.filmId),
      changed.map((change) => Number(change.was)),
      changed.map((change) => Number(change.now)),
      excluded,
    ],
  );
  const emptied = upserted.filter((row) => row.checked === 0);
  const viewers: ViewerChange[] = upserted.flatMap((row): ViewerChange[] => {
    if (row.began) return [{ listId: row.list_id, userId: row.user_id, change: 1 }];
    return row.checked === 0 ? [{ listId: row.list_id, userId: row.user_id, change: -1 }] : [];
  });
  if (emptied.length === 0) return viewers;
  await context.query(
    `DELETE FROM ${progress} AS progress
     USING unnest($1::uuid[], $2::uuid[]) AS emptied(list_id, user_id)
     WHERE progress.list_id = emptied.list_id AND progress.user_id = emptied.user_id AND progress.checked = 0`,
    [emptied.map((row) => row.list_id), emptied.map((row) => row.user_id)],
  );
  return viewers;
}

/**
 * A list's viewers are the members other than its owner with progress on it (docs/adr/0020).
 * Moved by the batch's changes after the lists are written, so a list created in the batch has
 * its row.
 */
export async function moveViewers(
  context: ProjectionContext,
  changes: readonly ViewerChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const lists = context.table('lists');
  await context.query(
    `UPDATE ${lists} AS list SET viewers = list.viewers + moved.change
       FROM (SELECT change.list_id, sum(change.change)::int AS change
               FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS change(list_id, user_id, change)
               JOIN ${lists} AS owned ON owned.id = change.list_id AND owned.owner_id <> change.user_id
              GROUP BY change.list_id) AS moved
      WHERE list.id = moved.list_id`,
    [changes.map((c) => c.listId), changes.map((c) => c.userId), changes.map((c) => c.change)],
  );
}

/** Counts these lists' viewers again from their progress as written. */
export async function recountViewers(context: ProjectionContext, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  const lists = context.table('lists');
  await context.query(
    `UPDATE ${lists} AS list SET viewers =
       (SELECT count(*) FROM ${context.table('list_progress')} AS progress
         WHERE progress.list_id = list.id AND progress.user_id <> list.owner_id)
      WHERE list.id = ANY($1::uuid[])`,
    [listIds],
  );
}

/** Counts the whole progress of these lists again from the entries and checks as written. */
export async function recountProgress(context: ProjectionContext, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  const progress = context.table('list_progress');
  await context.query(`DELETE FROM ${progress} WHERE list_id = ANY($1::uuid[])`, [listIds]);
  await context.query(
    `INSERT INTO ${progress} (list_id, user_id, checked)
     SELECT entry.list_id, checks.user_id, count(*)
     FROM ${context.table('list_entries')} AS entry
     JOIN ${context.table('list_checks')} AS checks ON checks.film_id = entry.film_id
     WHERE entry.list_id = ANY($1::uuid[]) AND entry.removed_at IS NULL
     GROUP BY entry.list_id, checks.user_id`,
    [listIds],
  );
  await recountViewers(context, listIds);
}

/** A deleted list counts for no one, and no one views it. */
export async function dropProgress(context: ProjectionContext, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  await context.query(`DELETE FROM ${context.table('list_progress')} WHERE list_id = ANY($1::uuid[])`, [
    listIds,
  ]);
  await context.query(`UPDATE ${context.table('lists')} SET viewers = 0 WHERE id = ANY($1::uuid[])`, [
    listIds,
  ]);
}
