import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { LIST_EVENT_TYPES } from '../domain/list.events.js';
import { foldEntries, type Entry, type EntryChange, type ListFact } from './entries.js';
import { evolveListRow, LIST_COLUMN_TYPES, LIST_COLUMNS, type ListRow } from './list-rows.js';
import {
  addProgressChanges,
  CHECK_EVENT_TYPES,
  dropProgress,
  foldChecks,
  moveViewers,
  recountProgress,
  recountViewers,
  type CheckChange,
  type ListMembershipChange,
} from './progress.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

const LIST_STREAM_PREFIX = 'list-';

/**
 * Above this many films joining or leaving one list in a batch (an edition, mostly), its progress
 * is recounted whole: one join of its entries with the checks beats a term per film and checker.
 */
export const RECOUNT_AT = 64;

/** What one batch did to one list. */
interface ListOutcome {
  readonly before: ListRow | undefined;
  readonly after: ListRow;
  readonly changes: readonly EntryChange[];
  readonly memberships: readonly ListMembershipChange[];
}

/**
 * The lists, their entries (current ones ordered by fractional keys, past ones kept with
 * `removed_at`), the checks they are counted against and each member's progress on each list:
 * one projection, so progress always agrees with the entries it counts. Per batch: each touched
 * list's current entries are read once and its events replayed in memory; the progress moves by
 * the exact difference the batch made (or is recounted for a list that changed a lot); then the
 * changed entries, the lists (with their viewers moved) and the checks are written, one statement
 * each.
 */
const listsReadModel: Projection = {
  name: 'lists',
  version: 1,
  handles: [...LIST_EVENT_TYPES, ...CHECK_EVENT_TYPES],
  tables: ['lists', 'list_entries', 'list_checks', 'list_progress'],
  // Later ranks, progress and visibility build on every earlier event (docs/adr/0008).
  onPoisonEvent: 'halt',

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const outcomes = await foldLists(
      events.filter((event) => event.streamId.startsWith(LIST_STREAM_PREFIX)),
      context,
    );
    const checks = await checksBefore(foldChecks(events), context);

    const deleted = outcomes.filter(({ before, after }) => after.deleted_at !== null && !before?.deleted_at);
    const recounted = outcomes.filter(
      ({ after, memberships }) => after.deleted_at === null && memberships.length > RECOUNT_AT,
    );
    const excluded = new Set([...deleted, ...recounted].map(({ after }) => after.id));
    const memberships = outcomes
      .filter(({ after }) => !excluded.has(after.id))
      .flatMap((outcome) => outcome.memberships);
    const viewers = await addProgressChanges(context, memberships, checks, [...excluded]);

    await writeEntries(outcomes, context);
    await writeLists(outcomes, context);
    await moveViewers(context, viewers);
    await writeChecks(checks, context);
    await recountProgress(
      context,
      recounted.map(({ after }) => after.id),
    );
    await dropProgress(
      context,
      deleted.map(({ after }) => after.id),
    );
  },
};

/** Replays each touched list's events over its row and current entries. */
async function foldLists(
  events: readonly RecordedEvent[],
  context: ProjectionContext,
): Promise<ListOutcome[]> {
  if (events.length === 0) return [];
  const facts = new Map<string, ListFact[]>();
  for (const event of events) {
    const id = event.streamId.slice(LIST_STREAM_PREFIX.length);
    const fact = { type: event.type, data: event.data, occurredAt: event.metadata.occurredAt } as ListFact;
    const listFacts = facts.get(id) ?? [];
    listFacts.push(fact);
    facts.set(id, listFacts);
  }
  const ids = [...facts.keys()];
  const rows = await context.query<ListRow>(
    `SELECT ${LIST_COLUMNS.join(', ')} FROM ${context.table('lists')} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const entries = await context.query<Entry & { listId: string }>(
    `SELECT list_id AS "listId", film_id AS "filmId", position, note,
       added_at::text AS "addedAt"
     FROM ${context.table('list_entries')}
     WHERE list_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY list_id, position`,
    [ids],
  );
  const byList = new Map<string, Entry[]>();
  for (const entry of entries) {
    const listed = byList.get(entry.listId) ?? [];
    listed.push(entry);
    byList.set(entry.listId, listed);
  }
  const outcomes: ListOutcome[] = [];
  for (const [id, listFacts] of facts) {
    const before = rows.find((row) => row.id === id);
    const after = listFacts.reduce<ListRow | undefined>((row, fact) => evolveListRow(row, id, fact), before);
    if (after === undefined) continue;
    const folded = foldEntries(byList.get(id) ?? [], listFacts);
    outcomes.push({
      before,
      after: { ...after, size: folded.entries.length },
      changes: folded.changes,
      memberships: folded.memberships.map((change) => ({ listId: id, ...change })),
    });
  }
  return outcomes;
}

/** The checks the batch touched, with whether each was checked before it. */
async function checksBefore(
  checks: Map<string, CheckChange>,
  context: ProjectionContext,
): Promise<CheckChange[]> {
  if (checks.size === 0) return [];
  const touched = [...checks.values()];
  const found = await context.query<{ user_id: string; film_id: string }>(
    `SELECT checks.user_id, checks.film_id FROM ${context.table('list_checks')} AS checks
     JOIN unnest($1::uuid[], $2::uuid[]) AS pair(user_id, film_id)
       ON checks.user_id = pair.user_id AND checks.film_id = pair.film_id`,
    [touched.map((check) => check.userId), touched.map((check) => check.filmId)],
  );
  const was = new Set(found.map((row) => `${row.user_id}.${row.film_id}`));
  return touched.map((check) => ({ ...check, was: was.has(`${check.userId}.${check.filmId}`) }));
}

async function writeEntries(outcomes: readonly ListOutcome[], context: ProjectionContext): Promise<void> {
  const rows = outcomes.flatMap(({ after, changes }) =>
    changes.map((change) => ({ listId: after.id, ...change })),
  );
  if (rows.length === 0) return;
  await context.query(
    `INSERT INTO ${context.table('list_entries')} AS entry (list_id, film_id, position, note, added_at, removed_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
     ON CONFLICT (list_id, film_id) DO UPDATE SET position = EXCLUDED.position, note = EXCLUDED.note,
       added_at = EXCLUDED.added_at, removed_at = EXCLUDED.removed_at`,
    [
      rows.map((row) => row.listId),
      rows.map((row) => row.filmId),
      rows.map((row) => row.position),
      rows.map((row) => row.note),
      rows.map((row) => row.addedAt),
      rows.map((row) => row.removedAt),
    ],
  );
}

async function writeLists(outcomes: readonly ListOutcome[], context: ProjectionContext): Promise<void> {
  if (outcomes.length === 0) return;
  await context.query(
    `INSERT INTO ${context.table('lists')} AS list (${LIST_COLUMNS.join(', ')})
     SELECT * FROM unnest(${LIST_COLUMN_TYPES.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET visibility = EXCLUDED.visibility, title = EXCLUDED.title,
       description = EXCLUDED.description, size = EXCLUDED.size, edition = EXCLUDED.edition,
       updated_at = EXCLUDED.updated_at, deleted_at = EXCLUDED.deleted_at`,
    LIST_COLUMNS.map((column) => outcomes.map(({ after }) => after[column])),
  );
}

async function writeChecks(checks: readonly CheckChange[], context: ProjectionContext): Promise<void> {
  const table = context.table('list_checks');
  for (const [now, sql] of [
    [
      true,
      `INSERT INTO ${table} (user_id, film_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    ],
    [
      false,
      `DELETE FROM ${table} AS checks USING unnest($1::uuid[], $2::uuid[]) AS pair(user_id, film_id)
       WHERE checks.user_id = pair.user_id AND checks.film_id = pair.film_id`,
    ],
  ] as const) {
    const pairs = checks.filter((check) => check.now === now && check.was !== now);
    if (pairs.length === 0) continue;
    await context.query(sql, [pairs.map((check) => check.userId), pairs.map((check) => check.filmId)]);
  }
}

/** The read model, forgetting erased members. */
export const listsProjection = scrubbingErasedMembers(listsReadModel, async (members, context) => {
  // The lists others own that the erased had seen films of lose them as viewers.
  const viewed = await context.query<{ list_id: string }>(
    `SELECT DISTINCT list_id FROM ${context.table('list_progress')} WHERE user_id = ANY($1::uuid[])`,
    [members],
  );
  const owned = `SELECT id FROM ${context.table('lists')} WHERE owner_id = ANY($1::uuid[]) AND kind = 'personal'`;
  await context.query(`DELETE FROM ${context.table('list_entries')} WHERE list_id IN (${owned})`, [members]);
  await context.query(
    `DELETE FROM ${context.table('list_progress')} WHERE list_id IN (${owned}) OR user_id = ANY($1::uuid[])`,
    [members],
  );
  await context.query(`DELETE FROM ${context.table('list_checks')} WHERE user_id = ANY($1::uuid[])`, [
    members,
  ]);
  await context.query(
    `DELETE FROM ${context.table('lists')} WHERE owner_id = ANY($1::uuid[]) AND kind = 'personal'`,
    [members],
  );
  await recountViewers(
    context,
    viewed.map((row) => row.list_id),
  );
});
