import type { RecordedEvent } from '#event-store';
import type { ProjectionContext } from '#projections';
import type { CommentEvent } from '../../comments/domain/comment.events.js';
import { commentIdOfStream } from '../../comments/domain/comment-stream.js';

/** Where a comment's "commented" row belongs: in activity, withheld while hidden, or nowhere. */
type Placement = 'shown' | 'withheld' | 'gone';

const PLACEMENT: Partial<Record<CommentEvent['type'], Placement>> = {
  CommentPosted: 'shown',
  CommentAutoHidden: 'withheld',
  CommentHidden: 'withheld',
  CommentRestored: 'shown',
  CommentReportsDismissed: 'shown',
  CommentDeleted: 'gone',
};

/** The comment events that move a "commented" row. */
export const COMMENT_ACTIVITY_EVENT_TYPES = Object.keys(PLACEMENT) as CommentEvent['type'][];

interface CommentOutcome {
  readonly commentId: string;
  readonly placement: Placement;
  /** The row, when the comment was posted in this batch; otherwise it is already in one of the tables. */
  readonly posted: {
    readonly eventId: string;
    readonly actorId: string;
    readonly filmId: string;
    readonly occurredAt: string;
  } | null;
}

/** The last word of the batch on each comment's row. */
export function foldComments(events: readonly RecordedEvent[]): CommentOutcome[] {
  const outcomes = new Map<string, CommentOutcome>();
  for (const event of events) {
    if (!Object.hasOwn(PLACEMENT, event.type)) continue;
    const commentId = commentIdOfStream(event.streamId);
    const earlier = outcomes.get(commentId);
    const comment = event as unknown as CommentEvent;
    const posted =
      comment.type === 'CommentPosted'
        ? {
            eventId: event.metadata.eventId,
            actorId: comment.data.authorId,
            filmId: comment.data.filmId,
            occurredAt: event.metadata.occurredAt,
          }
        : (earlier?.posted ?? null);
    // A deletion is final, whatever follows it in the batch.
    const placement = earlier?.placement === 'gone' ? 'gone' : PLACEMENT[comment.type]!;
    outcomes.set(commentId, { commentId, placement, posted });
  }
  return [...outcomes.values()];
}

const COLUMNS = 'event_id, actor_id, film_id, verb, occurred_at, subject_id';

/**
 * Moves the rows of comments posted in earlier batches between `activity` and
 * `activity_withheld`, deletes those of deleted comments, then inserts the rows of comments posted
 * in this batch where they belong: one statement per kind of change.
 */
export async function applyCommentActivity(
  outcomes: readonly CommentOutcome[],
  context: ProjectionContext,
): Promise<void> {
  if (outcomes.length === 0) return;
  const [activity, withheld] = [context.table('activity'), context.table('activity_withheld')];
  const earlier = (placement: Placement) =>
    outcomes
      .filter((outcome) => outcome.posted === null && outcome.placement === placement)
      .map((o) => o.commentId);
  const move = async (from: string, to: string, ids: string[]) => {
    if (ids.length === 0) return;
    await context.query(
      `WITH moved AS (
         DELETE FROM ${from} WHERE subject_id = ANY($1::uuid[]) AND verb = 'commented' RETURNING ${COLUMNS}
       )
       INSERT INTO ${to} (${COLUMNS}) SELECT ${COLUMNS} FROM moved ON CONFLICT DO NOTHING`,
      [ids],
    );
  };
  await move(withheld, activity, earlier('shown'));
  await move(activity, withheld, earlier('withheld'));
  const gone = earlier('gone');
  if (gone.length > 0) {
    for (const table of [activity, withheld])
      await context.query(`DELETE FROM ${table} WHERE subject_id = ANY($1::uuid[]) AND verb = 'commented'`, [
        gone,
      ]);
  }

  const insert = async (table: string, placement: Placement) => {
    const rows = outcomes.filter((outcome) => outcome.posted !== null && outcome.placement === placement);
    if (rows.length === 0) return;
    await context.query(
      `INSERT INTO ${table} (${COLUMNS})
       SELECT event_id, actor_id, film_id, 'commented', occurred_at, subject_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[])
         AS posted(event_id, actor_id, film_id, occurred_at, subject_id)
       ON CONFLICT DO NOTHING`,
      [
        rows.map((row) => row.posted!.eventId),
        rows.map((row) => row.posted!.actorId),
        rows.map((row) => row.posted!.filmId),
        rows.map((row) => row.posted!.occurredAt),
        rows.map((row) => row.commentId),
      ],
    );
  };
  await insert(activity, 'shown');
  await insert(withheld, 'withheld');
}
