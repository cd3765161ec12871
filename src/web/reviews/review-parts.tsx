import type { ComponentChildren } from 'preact';
import type { ReviewSort } from '../../modules/reviews/reviews.requests.js';
import type { ReviewItem } from '../../modules/reviews/reviews.response.js';
import { decodeReviewCursor } from '../../modules/reviews/queries/review-cursor.js';
import { PostForm, RelativeTime, Stars } from '../views/components.js';
import { stars, starsLabel } from '../views/stars.js';
import { RATINGS } from '../../modules/film-log/domain/rating.js';

/** The film page's query parameters: the order of its reviews and the page of them shown. */
export const REVIEWS_SORT_PARAM = 'reviews';
export const REVIEWS_PAGE_PARAM = 'reviewPage';

/** Where a list, and a form posted from it, come back to: its order and page. */
export interface ReviewsPlace {
  readonly sort: ReviewSort;
  /** The page shown, undefined on the first. */
  readonly cursor?: string;
}

/** `?reviews=popular` is most liked first; anything else the default, recent first. */
export const reviewSortOf = (value: unknown): ReviewSort => (value === 'popular' ? 'popular' : 'recent');

/** A cursor sent back by a link or a form, only when it is one the reviews query gave out for that order. */
export const reviewCursorOf = (value: unknown, sort: ReviewSort): string | undefined =>
  typeof value === 'string' && decodeReviewCursor(value, sort) ? value : undefined;

/** The place a form or a link names (`reviews` and `reviewPage`), checked. */
export function reviewsPlaceOf(fields: { readonly sort: unknown; readonly cursor: unknown }): ReviewsPlace {
  const sort = reviewSortOf(fields.sort);
  return { sort, cursor: reviewCursorOf(fields.cursor, sort) };
}

/** The film page at an order and page of its reviews (recent, first page, when not said), scrolled to them. */
export function reviewsHref(
  slug: string,
  place: ReviewsPlace = { sort: 'recent' },
  anchor = 'reviews',
): string {
  const query = new URLSearchParams();
  if (place.sort !== 'recent') query.set(REVIEWS_SORT_PARAM, place.sort);
  if (place.cursor) query.set(REVIEWS_PAGE_PARAM, place.cursor);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/film/${encodeURIComponent(slug)}${search}#${anchor}`;
}

/** A review's own page, under its film. */
export const reviewHref = (slug: string, reviewId: string): string =>
  `/film/${encodeURIComponent(slug)}/reviews/${encodeURIComponent(reviewId)}`;

export type ReviewAction = 'edit' | 'delete' | 'like' | 'report';

export const reviewActionPath = (slug: string, reviewId: string, action: ReviewAction): string =>
  `${reviewHref(slug, reviewId)}/${action}`;

export const memberHref = (username: string): string => `/member/${encodeURIComponent(username)}`;

/** Optional stars as a select: "No stars" or half a star to five. */
export function RatingSelect({
  id,
  rating,
  error,
}: {
  readonly id: string;
  readonly rating: number | null | string;
  readonly error?: string;
}) {
  const chosen = rating === null || rating === '' ? '' : String(rating);
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>Stars (optional)</label>
      <p class="field-hint" id={`${id}-hint`}>
        They become your rating of the film.
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name="rating" aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        <option value="" selected={chosen === ''}>
          No stars
        </option>
        {RATINGS.map((choice) => (
          <option key={choice} value={String(choice)} selected={chosen === String(choice)}>
            {stars(choice)} ({starsLabel(choice)})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The spoiler flag, as a checkbox. */
export function SpoilersCheckbox({ id, checked }: { readonly id: string; readonly checked: boolean }) {
  return (
    <div class="field field-check">
      <label for={id}>
        <input id={id} type="checkbox" name="spoilers" value="on" checked={checked} /> It gives the story away
        (spoilers)
      </label>
    </div>
  );
}

/** Author, stars, date and the edit mark, on one line above the text. */
export function ReviewMeta({ review }: { readonly review: ReviewItem }) {
  return (
    <p class="review-meta">
      <a class="review-author" href={memberHref(review.author.username)}>
        {review.author.username}
      </a>
      {review.rating !== null && (
        <>
          {' '}
          <Stars rating={review.rating} />
        </>
      )}{' '}
      <RelativeTime at={review.createdAt} />
      {review.editedAt && (
        <span class="review-edited">
          {' '}
          (edited <RelativeTime at={review.editedAt} />)
        </span>
      )}
    </p>
  );
}

export const SPOILER_SUMMARY = 'This review contains spoilers — show it';

/**
 * The review's text: a spoiler review's stays folded in a disclosure until the reader opens it,
 * which needs no script. The loaders ask for every body; the view decides what is folded.
 */
export function ReviewText({ review }: { readonly review: ReviewItem }) {
  const body = <div class="review-body">{review.body ?? ''}</div>;
  if (!review.spoilers) return body;
  return (
    <details class="review-spoiler">
      <summary>{SPOILER_SUMMARY}</summary>
      {body}
    </details>
  );
}

export const likesText = (likes: number): string => (likes === 1 ? '1 like' : `${likes} likes`);

/** Who may press the like button: a signed-in member, not its author, on a review not hidden. */
export interface LikeViewer {
  readonly id: string;
  readonly suspended: boolean;
}

/**
 * The likes count and, for a member who may like it, a toggle (aria-pressed) posting on or off.
 * No button on one's own review: the API refuses that like. `back` holds the form's hidden fields
 * naming the page to come back to.
 */
export function LikeControl({
  slug,
  review,
  liked,
  viewer,
  back,
}: {
  readonly slug: string;
  readonly review: ReviewItem;
  readonly liked: boolean;
  readonly viewer: LikeViewer | null;
  readonly back: ComponentChildren;
}) {
  const count = <span class="review-likes">{likesText(review.likes)}</span>;
  const mayLike = viewer !== null && viewer.id !== review.author.id && !review.hidden;
  if (!mayLike) return <div class="review-like">{count}</div>;
  return (
    <PostForm action={reviewActionPath(slug, review.id, 'like')} enhance class="review-like">
      {back}
      <button
        type="submit"
        id={`review-${review.id}-like`}
        class="like-button"
        name="on"
        value={liked ? 'off' : 'on'}
        aria-pressed={liked ? 'true' : 'false'}
        data-done={liked ? 'Like taken back' : 'Liked'}
        disabled={viewer.suspended}
      >
        <span aria-hidden="true">♥</span> Like
        <span class="visually-hidden"> {review.author.username}’s review</span>
      </button>{' '}
      {count}
    </PostForm>
  );
}

/** The hidden fields of a form posted from the film page's list: its order and page. */
export function PlaceFields({ place }: { readonly place: ReviewsPlace }) {
  return (
    <>
      {place.sort !== 'recent' && <input type="hidden" name="reviews" value={place.sort} />}
      {place.cursor && <input type="hidden" name="reviewPage" value={place.cursor} />}
    </>
  );
}

/** In place of the review forms: a suspended member reads but does not write. */
export function ReviewsSuspendedNote({ detail }: { readonly detail: string | null }) {
  return (
    <p class="review-suspended">
      You cannot write, change or like reviews while your account is suspended.{detail ? ` ${detail}` : ''}
    </p>
  );
}

/** Said above a hidden review, which only its author and the moderators are shown. */
export function HiddenReviewNote({ own }: { readonly own: boolean }) {
  return (
    <p class="review-hidden-note">
      {own
        ? 'Hidden by moderation: only you and the moderators see this review.'
        : 'Hidden from readers: only its author and the moderators see it.'}
    </p>
  );
}
