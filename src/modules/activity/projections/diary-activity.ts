import type { RecordedEvent } from '#event-store';
import type { ProjectionContext } from '#projections';
import { parseFilmLogStream } from '../../film-log/domain/film-log.events.js';

/** Where a diary entry's "logged" row stands after the batch: a rewatch has one, other entries none. */
export interface LoggedOutcome {
  readonly entry: string;
  readonly actorId: string;
  readonly filmId: string;
  /**
   * `fresh`: the entry was logged in this batch, the row is its logging. Otherwise the entry
   * became a rewatch by a change: a row it already has keeps its time, and a missing one is added
   * at the change's.
   */
  readonly standing: {
    readonly eventId: string;
    readonly occurredAt: string;
    readonly fresh: boolean;
  } | null;
}

/** The last word of the batch on each entry's "logged" row. */
export function foldLogged(events: readonly RecordedEvent[]): LoggedOutcome[] {
  const outcomes = new Map<string, LoggedOutcome>();
  for (const event of events) {
    if (event.type !== 'ViewingLogged' && event.type !== 'ViewingChanged' && event.type !== 'ViewingDeleted')
      continue;
    const { entry, rewatch } = event.data as { entry: string; rewatch?: boolean };
    const earlier = outcomes.get(entry)?.standing ?? null;
    const { eventId, occurredAt } = event.metadata;
    const standing =
      event.type === 'ViewingDeleted' || rewatch !== true
        ? null
        : event.type === 'ViewingLogged'
          ? { eventId, occurredAt, fresh: true }
          : (earlier ?? { eventId, occurredAt, fresh: false });
    const { userId: actorId, filmId } = parseFilmLogStream(event.streamId);
    outcomes.set(entry, { entry, actorId, filmId, standing });
  }
  return [...outcomes.values()];
}

/** Rows of entries no longer rewatches (or just logged) go; standing ones are added where missing. */
export async function applyLogged(
  outcomes: readonly LoggedOutcome[],
  context: ProjectionContext,
): Promise<void> {
  if (outcomes.length === 0) return;
  const table = context.table('activity');
  const cleared = outcomes.filter((outcome) => outcome.standing === null || outcome.standing.fresh);
  if (cleared.length > 0) {
    await context.query(`DELETE FROM ${table} WHERE verb = 'logged' AND subject_id = ANY($1::uuid[])`, [
      cleared.map((outcome) => outcome.entry),
    ]);
  }
  const standing = outcomes.filter((outcome) => outcome.standing !== null);
  if (standing.length === 0) return;
  await context.query(
    `INSERT INTO ${table} (event_id, actor_id, film_id, verb, occurred_at, subject_id)
       SELECT row.event_id, row.actor_id, row.film_id, 'logged', row.occurred_at, row.subject_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[])
         AS row(event_id, actor_id, film_id, occurred_at, subject_id)
       WHERE NOT EXISTS (
         SELECT 1 FROM ${table} AS logged WHERE logged.verb = 'logged' AND logged.subject_id = row.subject_id
       )
       ON CONFLICT (event_id) DO NOTHING`,
    [
      standing.map((outcome) => outcome.standing!.eventId),
      standing.map((outcome) => outcome.actorId),
      standing.map((outcome) => outcome.filmId),
      standing.map((outcome) => outcome.standing!.occurredAt),
      standing.map((outcome) => outcome.entry),
    ],
  );
}
