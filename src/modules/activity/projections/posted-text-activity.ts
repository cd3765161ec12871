import type { RecordedEvent } from '#event-store';
import type { ProjectionContext } from '#projections';
import { commentIdOfStream } from '../../comments/domain/comment-stream.js';
import { reviewIdOfStream } from '../../reviews/domain/review-stream.js';

/**
 * A posted text (a comment, a review) and its activity row: posted, it is an item; hidden by
 * moderation, it waits in `activity_withheld`; restored, it comes back with its time; deleted, it
 * goes. Each kind has its events' prefix, its verb and its stream's id.
 */
export interface PostedTextKind {
  readonly prefix: 'Comment' | 'Review';
  readonly verb: 'commented' | 'reviewed';
  readonly idOfStream: (streamId: string) => string;
}

export const COMMENTED: PostedTextKind = {
  prefix: 'Comment',
  verb: 'commented',
  idOfStream: commentIdOfStream,
};
export const REVIEWED: PostedTextKind = { prefix: 'Review', verb: 'reviewed', idOfStream: reviewIdOfStream };

/** Where a text's row belongs: in activity, withheld while hidden, or nowhere. */
type Placement = 'shown' | 'withheld' | 'gone';

const PLACEMENT: Record<string, Placement> = {
  Posted: 'shown',
  AutoHidden: 'withheld',
  Hidden: 'withheld',
  Restored: 'shown',
  ReportsDismissed: 'shown',
  Deleted: 'gone',
};

/** The events of a kind that move its rows. */
export const postedTextEventTypes = ({ prefix }: PostedTextKind): string[] =>
  Object.keys(PLACEMENT).map((suffix) => `${prefix}${suffix}`);

const placementOf = ({ prefix }: PostedTextKind, type: string): Placement | undefined =>
  type.startsWith(prefix) ? PLACEMENT[type.slice(prefix.length)] : undefined;

interface PostedTextOutcome {
  readonly textId: string;
  readonly placement: Placement;
  /** The row, when the comment was posted in this batch; otherwise it is already in one of the tables. */
  readonly posted: {
    readonly eventId: string;
    readonly actorId: string;
    readonly filmId: string;
    readonly occurredAt: string;
  } | null;
}

/** The last word of the batch on each text's row. */
export function foldPostedTexts(kind: PostedTextKind, events: readonly RecordedEvent[]): PostedTextOutcome[] {
  const outcomes = new Map<string, PostedTextOutcome>();
  for (const event of events) {
    const placed = placementOf(kind, event.type);
    if (placed === undefined) continue;
    const textId = kind.idOfStream(event.streamId);
    const earlier = outcomes.get(textId);
    const data = event.data as { authorId?: string; filmId?: string };
    const posted =
      event.type === `${kind.prefix}Posted`
        ? {
            eventId: event.metadata.eventId,
            actorId: data.authorId!,
            filmId: data.filmId!,
            occurredAt: event.metadata.occurredAt,
          }
        : (earlier?.posted ?? null);
    // A deletion is final, whatever follows it in the batch.
    const placement = earlier?.placement === 'gone' ? 'gone' : placed;
    outcomes.set(textId, { textId, placement, posted });
  }
  return [...outcomes.values()];
}

const COLUMNS = 'event_id, actor_id, film_id, verb, occurred_at, subject_id';

/**
 * Moves the rows of comments posted in earlier batches between `activity` and
 * `activity_withheld`, deletes those of deleted comments, then inserts the rows of comments posted
 * in this batch where they belong: one statement per kind of change.
 */
export async function applyPostedTextActivity(
  { verb }: PostedTextKind,
  outcomes: readonly PostedTextOutcome[],
  context: ProjectionContext,
): Promise<void> {
  if (outcomes.length === 0) return;
  const [activity, withheld] = [context.table('activity'), context.table('activity_withheld')];
  const earlier = (placement: Placement) =>
    outcomes
      .filter((outcome) => outcome.posted === null && outcome.placement === placement)
      .map((o) => o.textId);
  const move = async (from: string, to: string, ids: string[]) => {
    if (ids.length === 0) return;
    await context.query(
      `WITH moved AS (
         DELETE FROM ${from} WHERE subject_id = ANY($1::uuid[]) AND verb = $2 RETURNING ${COLUMNS}
       )
       INSERT INTO ${to} (${COLUMNS}) SELECT ${COLUMNS} FROM moved ON CONFLICT DO NOTHING`,
      [ids, verb],
    );
  };
  await move(withheld, activity, earlier('shown'));
  await move(activity, withheld, earlier('withheld'));
  const gone = earlier('gone');
  if (gone.length > 0) {
    for (const table of [activity, withheld])
      await context.query(`DELETE FROM ${table} WHERE subject_id = ANY($1::uuid[]) AND verb = $2`, [
        gone,
        verb,
      ]);
  }

  const insert = async (table: string, placement: Placement) => {
    const rows = outcomes.filter((outcome) => outcome.posted !== null && outcome.placement === placement);
    if (rows.length === 0) return;
    await context.query(
      `INSERT INTO ${table} (${COLUMNS})
       SELECT event_id, actor_id, film_id, $6, occurred_at, subject_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[])
         AS posted(event_id, actor_id, film_id, occurred_at, subject_id)
       ON CONFLICT DO NOTHING`,
      [
        rows.map((row) => row.posted!.eventId),
        rows.map((row) => row.posted!.actorId),
        rows.map((row) => row.posted!.filmId),
        rows.map((row) => row.posted!.occurredAt),
        rows.map((row) => row.textId),
        verb,
      ],
    );
  };
  await insert(activity, 'shown');
  await insert(withheld, 'withheld');
}
