import { fromHalfStars } from '../../film-log/domain/rating.js';
import type { ReviewItem } from '../reviews.response.js';

/** Columns of a review item: `review` is the reviews row, `author` its author's account. */
export const REVIEW_COLUMNS = `review.id, review.author_id, author.username, review.body, review.spoilers,
  review.rating_half_stars, review.likes, review.created_at, review.edited_at, review.hidden,
  to_char(review.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

export interface ReviewRow {
  readonly id: string;
  readonly author_id: string;
  readonly username: string;
  readonly body: string;
  readonly spoilers: boolean;
  readonly rating_half_stars: number | null;
  readonly likes: number;
  readonly created_at: Date;
  readonly edited_at: Date | null;
  readonly hidden: boolean;
  readonly cursor_at: string;
}

/** A spoiler review's text is there only for a reader who asked for spoilers. */
export const toReviewItem = (row: ReviewRow, showSpoilers: boolean): ReviewItem => ({
  id: row.id,
  author: { id: row.author_id, username: row.username },
  body: row.spoilers && !showSpoilers ? null : row.body,
  spoilers: row.spoilers,
  rating: fromHalfStars(row.rating_half_stars),
  likes: row.likes,
  createdAt: row.created_at.toISOString(),
  ...(row.edited_at ? { editedAt: row.edited_at.toISOString() } : {}),
  ...(row.hidden ? { hidden: true as const } : {}),
});
