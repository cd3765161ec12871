import type { RecordedEvent } from '#event-store';
import { addCounts, type Projection, type ProjectionContext } from '#projections';
import { reviewIdOfStream } from '../domain/review-stream.js';
import {
  evolveModeration,
  foldTouchedRows,
  isVisible,
  type PostedTextRow,
} from '../../reportable/projections/posted-text-rows.js';
import { REVIEW_KIND, type ReviewEvent } from '../domain/review.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** A review as the `reviews` table holds it. */
interface ReviewRow extends PostedTextRow {
  readonly body: string;
  readonly spoilers: boolean;
  readonly rating_half_stars: number | null;
  readonly likes: number;
  /** The diary entry the review was written with, if any. */
  readonly diary_entry_id: string | null;
}

/** Every event but reports changes the row; reports are the moderation projection's. */
const HANDLED: readonly ReviewEvent['type'][] = [
  'ReviewPosted',
  'ReviewEdited',
  'ReviewDeleted',
  'ReviewLiked',
  'ReviewUnliked',
  'ReviewAutoHidden',
  'ReviewHidden',
  'ReviewRestored',
  'ReviewReportsDismissed',
];

const halfStars = (rating: number | null): number | null => (rating === null ? null : rating * 2);

/** The row after one event; undefined while the review was never posted. */
function evolveRow(row: ReviewRow | undefined, event: RecordedEvent): ReviewRow | undefined {
  const review = event as unknown as ReviewEvent;
  const at = event.metadata.occurredAt;
  if (review.type === 'ReviewPosted') {
    const { filmId, authorId, body, spoilers, rating, diaryEntry } = review.data;
    return {
      id: reviewIdOfStream(event.streamId),
      film_id: filmId,
      author_id: authorId,
      body,
      spoilers,
      rating_half_stars: halfStars(rating),
      likes: 0,
      created_at: at,
      edited_at: null,
      hidden: false,
      deleted_at: null,
      diary_entry_id: diaryEntry ?? null,
    };
  }
  if (row === undefined) return undefined;
  switch (review.type) {
    case 'ReviewEdited':
      return {
        ...row,
        body: review.data.body,
        spoilers: review.data.spoilers,
        rating_half_stars: halfStars(review.data.rating),
        edited_at: at,
      };
    case 'ReviewLiked':
      return { ...row, likes: row.likes + 1 };
    case 'ReviewUnliked':
      return { ...row, likes: row.likes - 1 };
    default:
      return evolveModeration(REVIEW_KIND, row, event);
  }
}

const COLUMNS = [
  'id',
  'film_id',
  'author_id',
  'body',
  'spoilers',
  'rating_half_stars',
  'likes',
  'created_at',
  'edited_at',
  'hidden',
  'deleted_at',
  'diary_entry_id',
] as const;
const TYPES = [
  'uuid',
  'uuid',
  'uuid',
  'text',
  'boolean',
  'smallint',
  'int',
  'timestamptz',
  'timestamptz',
  'boolean',
  'timestamptz',
  'uuid',
];

/**
 * Reviews on film pages, who likes them, and each member's count of visible reviews. Per batch:
 * the touched rows are read, folded through their events, written back in one upsert; likes are
 * added and taken in one statement each, and the counts move by visible after minus before.
 */
const reviewsReadModel: Projection = {
  name: 'reviews',
  version: 1,
  handles: HANDLED,
  tables: ['reviews', 'review_likes', 'member_review_counts'],
  // A skipped hide or delete would keep showing a review moderation took down (docs/adr/0008).
  onPoisonEvent: 'halt',

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    if (events.length === 0) return;
    const table = context.table('reviews');
    const ids = [...new Set(events.map((event) => reviewIdOfStream(event.streamId)))];
    const found = await context.query(
      `SELECT ${COLUMNS.join(', ')} FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const before = new Map((found as unknown as ReviewRow[]).map((row) => [row.id, row]));
    const changed = foldTouchedRows(before, events, (event) => reviewIdOfStream(event.streamId), evolveRow);
    // The batch's last word on each (review, member) like.
    const likes = new Map<string, { reviewId: string; memberId: string; liked: boolean }>();
    for (const event of events) {
      if (event.type !== 'ReviewLiked' && event.type !== 'ReviewUnliked') continue;
      const reviewId = reviewIdOfStream(event.streamId);
      const { memberId } = event.data as { memberId: string };
      likes.set(`${reviewId}.${memberId}`, { reviewId, memberId, liked: event.type === 'ReviewLiked' });
    }
    if (changed.length > 0) {
      await context.query(
        `INSERT INTO ${table} (${COLUMNS.join(', ')})
         SELECT * FROM unnest(${TYPES.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, spoilers = EXCLUDED.spoilers,
           rating_half_stars = EXCLUDED.rating_half_stars, likes = EXCLUDED.likes,
           edited_at = EXCLUDED.edited_at, hidden = EXCLUDED.hidden, deleted_at = EXCLUDED.deleted_at`,
        COLUMNS.map((column) => changed.map((row) => row[column])),
      );
    }

    const [liked, unliked] = [
      [...likes.values()].filter((like) => like.liked),
      [...likes.values()].filter((like) => !like.liked),
    ];
    const likesTable = context.table('review_likes');
    if (liked.length > 0) {
      await context.query(
        `INSERT INTO ${likesTable} (review_id, member_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])
         ON CONFLICT DO NOTHING`,
        [liked.map((like) => like.reviewId), liked.map((like) => like.memberId)],
      );
    }
    if (unliked.length > 0) {
      await context.query(
        `DELETE FROM ${likesTable} AS liked USING unnest($1::uuid[], $2::uuid[]) AS gone(review_id, member_id)
         WHERE liked.review_id = gone.review_id AND liked.member_id = gone.member_id`,
        [unliked.map((like) => like.reviewId), unliked.map((like) => like.memberId)],
      );
    }

    const authors = new Map<string, { reviews: number }>();
    for (const row of changed) {
      const change = Number(isVisible(row)) - Number(isVisible(before.get(row.id)));
      if (change === 0) continue;
      const entry = authors.get(row.author_id) ?? { reviews: 0 };
      entry.reviews += change;
      authors.set(row.author_id, entry);
    }
    for (const [key, entry] of authors) if (entry.reviews === 0) authors.delete(key);
    await addCounts(context, { name: 'member_review_counts', key: 'user_id', columns: ['reviews'] }, authors);
  },
};

/** The read model, forgetting erased members. */
export const reviewsProjection = scrubbingErasedMembers(
  reviewsReadModel,
  // Likes given stay in the reviews' counts; who gave them does not.
  async (members, context) => {
    await context.query(
      `DELETE FROM ${context.table('review_likes')} WHERE member_id = ANY($1::uuid[])
          OR review_id IN (SELECT id FROM ${context.table('reviews')} WHERE author_id = ANY($1::uuid[]))`,
      [members],
    );
    await context.query(`DELETE FROM ${context.table('reviews')} WHERE author_id = ANY($1::uuid[])`, [
      members,
    ]);
    await context.query(
      `DELETE FROM ${context.table('member_review_counts')} WHERE user_id = ANY($1::uuid[])`,
      [members],
    );
  },
);
