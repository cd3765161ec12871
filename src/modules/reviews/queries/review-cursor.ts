import { decodeCursorFields, encodeCursorFields } from '../../../common/paging/cursor-fields.js';
import { isCanonicalUuid } from '../../../common/uuid.js';
import type { ReviewSort } from '../reviews.requests.js';

/**
 * Where the next page of a film's reviews starts, in the sort's order: (likes, time, id) for
 * popular, (time, id) for recent; the sort is in the cursor, so one given for the other is refused.
 */
export interface ReviewCursor {
  readonly sort: ReviewSort;
  readonly likes: number;
  /** ISO 8601 UTC with microseconds, as PostgreSQL keeps it. */
  readonly at: string;
  readonly id: string;
}

const MICROSECOND_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeReviewCursor = (cursor: ReviewCursor): string =>
  encodeCursorFields([cursor.sort, cursor.likes, cursor.at, cursor.id]);

export function decodeReviewCursor(text: string, sort: ReviewSort): ReviewCursor | null {
  const fields = decodeCursorFields(text, 200);
  if (fields?.length !== 4) return null;
  const [given, likes, at, id] = fields;
  if (given !== sort || !Number.isSafeInteger(likes) || (likes as number) < 0) return null;
  if (typeof at !== 'string' || !MICROSECOND_TIME.test(at) || !isCanonicalUuid(id)) return null;
  return { sort, likes: likes as number, at, id };
}
