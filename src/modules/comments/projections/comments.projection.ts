import type { RecordedEvent } from '#event-store';
import { addCounts, type Projection, type ProjectionContext } from '#projections';
import {
  evolveModeration,
  foldTouchedRows,
  isVisible,
  type PostedTextRow,
} from '../../reportable/projections/posted-text-rows.js';
import { COMMENT_KIND, type CommentEvent } from '../domain/comment.events.js';
import { commentIdOfStream } from '../domain/comment-stream.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** A comment as the `comments` table holds it. */
interface CommentRow extends PostedTextRow {
  readonly body: string;
}

/** Every event but reports changes the row; reports are the moderation projection's. */
const HANDLED: readonly CommentEvent['type'][] = [
  'CommentPosted',
  'CommentEdited',
  'CommentDeleted',
  'CommentAutoHidden',
  'CommentHidden',
  'CommentRestored',
  'CommentReportsDismissed',
];

/** The row after one event; undefined while the comment was never posted. */
function evolveRow(row: CommentRow | undefined, event: RecordedEvent): CommentRow | undefined {
  const comment = event as unknown as CommentEvent;
  if (comment.type === 'CommentPosted') {
    const { filmId, authorId, body } = comment.data;
    return {
      id: commentIdOfStream(event.streamId),
      film_id: filmId,
      author_id: authorId,
      body,
      created_at: event.metadata.occurredAt,
      edited_at: null,
      hidden: false,
      deleted_at: null,
    };
  }
  if (row === undefined) return undefined;
  if (comment.type === 'CommentEdited') {
    return { ...row, body: comment.data.body, edited_at: event.metadata.occurredAt };
  }
  return evolveModeration(COMMENT_KIND, row, event);
}

const COLUMNS = [
  'id',
  'film_id',
  'author_id',
  'body',
  'created_at',
  'edited_at',
  'hidden',
  'deleted_at',
] as const;
const TYPES = ['uuid', 'uuid', 'uuid', 'text', 'timestamptz', 'timestamptz', 'boolean', 'timestamptz'];

/** Adds one to the key's net change, or takes one off. */
const tally = (tallies: Map<string, { comments: number }>, key: string, change: number): void => {
  const entry = tallies.get(key) ?? { comments: 0 };
  entry.comments += change;
  tallies.set(key, entry);
};

const withoutZeros = (tallies: Map<string, { comments: number }>) => {
  for (const [key, entry] of tallies) if (entry.comments === 0) tallies.delete(key);
  return tallies;
};

/**
 * Comments on film pages (deleted ones kept with `deleted_at`, for the moderation history) and
 * the counts of visible comments per film and per author. Per batch: the touched rows are read,
 * each is folded through its events, written back in one upsert, and the counts move by the
 * difference between visible before and visible after.
 */
const commentsReadModel: Projection = {
  name: 'comments',
  version: 1,
  handles: HANDLED,
  tables: ['comments', 'film_comment_counts', 'member_comment_counts'],
  // A skipped hide or delete would keep showing a comment moderation took down (docs/adr/0008).
  onPoisonEvent: 'halt',

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((event) => commentIdOfStream(event.streamId)))];
    const before = new Map<string, CommentRow>();
    const found = await context.query(
      `SELECT id, film_id, author_id, body, created_at, edited_at, hidden, deleted_at
       FROM ${context.table('comments')} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of found as unknown as CommentRow[]) before.set(row.id, row);

    const changed = foldTouchedRows(before, events, (event) => commentIdOfStream(event.streamId), evolveRow);
    if (changed.length === 0) return;
    await context.query(
      `INSERT INTO ${context.table('comments')} AS comment (${COLUMNS.join(', ')})
       SELECT * FROM unnest(${TYPES.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, edited_at = EXCLUDED.edited_at,
         hidden = EXCLUDED.hidden, deleted_at = EXCLUDED.deleted_at`,
      COLUMNS.map((column) => changed.map((row) => row[column])),
    );

    const films = new Map<string, { comments: number }>();
    const authors = new Map<string, { comments: number }>();
    for (const row of changed) {
      const change = Number(isVisible(row)) - Number(isVisible(before.get(row.id)));
      if (change === 0) continue;
      tally(films, row.film_id, change);
      tally(authors, row.author_id, change);
    }
    await addCounts(
      context,
      { name: 'film_comment_counts', key: 'film_id', columns: ['comments'] },
      withoutZeros(films),
    );
    await addCounts(
      context,
      { name: 'member_comment_counts', key: 'user_id', columns: ['comments'] },
      withoutZeros(authors),
    );
  },
};

/** The read model, forgetting erased members. */
export const commentsProjection = scrubbingErasedMembers(commentsReadModel, async (members, context) => {
  await context.query(
    `UPDATE ${context.table('film_comment_counts')} AS counts
          SET comments = counts.comments - gone.comments, updated_at = now()
         FROM (SELECT film_id, count(*)::int AS comments FROM ${context.table('comments')}
                WHERE author_id = ANY($1::uuid[]) AND NOT hidden AND deleted_at IS NULL
                GROUP BY film_id) AS gone
        WHERE counts.film_id = gone.film_id`,
    [members],
  );
  await context.query(`DELETE FROM ${context.table('comments')} WHERE author_id = ANY($1::uuid[])`, [
    members,
  ]);
  await context.query(
    `DELETE FROM ${context.table('member_comment_counts')} WHERE user_id = ANY($1::uuid[])`,
    [members],
  );
});
