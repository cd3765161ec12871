import type { QueryBus } from '@nestjs/cqrs';
import { holdsRole } from '../../common/auth/index.js';
import { REVIEW_BODY_MAX } from '../../modules/reviews/domain/review.decider.js';
import { ListFilmReviews } from '../../modules/reviews/queries/review.queries.js';
import type { ReviewItem } from '../../modules/reviews/reviews.response.js';
import type { Reader } from '../http/web-request.js';
import { Pager, PostForm, type PagerWords } from '../views/components.js';
import { useWeb } from '../views/web-context.js';
import { LikedReviews } from '../../modules/reviews/queries/liked-reviews.query.js';
import {
  HiddenReviewNote,
  LikeControl,
  PlaceFields,
  RatingSelect,
  ReviewMeta,
  reviewHref,
  ReviewsSuspendedNote,
  reviewsHref,
  reviewsPlaceOf,
  ReviewText,
  SpoilersCheckbox,
  type ReviewsPlace,
} from './review-parts.js';

/** Reviews are long: fewer to a page than comments. */
export const REVIEWS_PAGE_SIZE = 10;

/** Who reads the reviews: whether they may write, and like others'. */
export interface ReviewViewer {
  readonly id: string;
  readonly moderates: boolean;
  readonly suspended: boolean;
  readonly suspensionDetail: string | null;
}

/** A film's reviews as its page shows them: one page in the order asked, and what the reader likes. */
export interface FilmReviewsData {
  readonly film: { readonly id: string; readonly slug: string };
  readonly reviews: readonly ReviewItem[];
  readonly place: ReviewsPlace;
  readonly nextCursor: string | null;
  /** Ids of the shown reviews the reader likes. */
  readonly liked: ReadonlySet<string>;
  readonly viewer: ReviewViewer | null;
}

export const viewerOf = (reader: Reader | null): ReviewViewer | null =>
  reader
    ? {
        id: reader.id,
        moderates: holdsRole(reader.roles, 'moderator'),
        suspended: reader.suspended,
        suspensionDetail: reader.suspensionDetail,
      }
    : null;

/**
 * Loads one page of the film's reviews: `sort` and `cursor` are the page's `?reviews=` and
 * `?reviewPage=` (a cursor that is not one of that order's is the first page). Every body is asked
 * for, spoilers included: the view folds a spoiler's text behind a disclosure.
 */
export async function loadFilmReviews(
  queries: QueryBus,
  film: { readonly id: string; readonly slug: string },
  reader: Reader | null,
  asked: { readonly sort: unknown; readonly cursor: unknown },
): Promise<FilmReviewsData> {
  const place = reviewsPlaceOf(asked);
  const page = await queries.execute(
    new ListFilmReviews(film.id, reader ?? undefined, {
      sort: place.sort,
      cursor: place.cursor,
      limit: REVIEWS_PAGE_SIZE,
      showSpoilers: true,
    }),
  );
  const liked = reader
    ? await queries.execute(
        new LikedReviews(
          reader.id,
          page.items.map((review) => review.id),
        ),
      )
    : new Set<string>();
  return { film, reviews: page.items, place, nextCursor: page.nextCursor, liked, viewer: viewerOf(reader) };
}

const REVIEW_PAGES: Record<ReviewsPlace['sort'], PagerWords> = {
  recent: { label: 'Review pages', first: 'Back to the latest reviews', next: 'Older reviews' },
  popular: { label: 'Review pages', first: 'Back to the most liked reviews', next: 'Less liked reviews' },
};

/** The reviews section of a film page: the order, the list, its pages, and the form to write one. */
export function FilmReviews({ data }: { readonly data: FilmReviewsData }) {
  const { film, reviews, place, nextCursor } = data;
  return (
    <section id="reviews" class="reviews" aria-labelledby="reviews-heading" data-region="reviews">
      <h2 id="reviews-heading">Reviews</h2>
      <nav class="review-sorts" aria-label="Order of the reviews">
        <a
          href={reviewsHref(film.slug, { sort: 'recent' })}
          aria-current={place.sort === 'recent' ? 'true' : undefined}
        >
          Most recent
        </a>
        <a
          href={reviewsHref(film.slug, { sort: 'popular' })}
          aria-current={place.sort === 'popular' ? 'true' : undefined}
        >
          Most liked
        </a>
      </nav>
      {reviews.length === 0 ? (
        <p class="reviews-empty">
          {place.cursor ? 'There are no more reviews.' : 'No one has reviewed this film yet.'}
        </p>
      ) : (
        <ol class="review-list">
          {reviews.map((review) => (
            <ReviewEntry key={review.id} review={review} data={data} />
          ))}
        </ol>
      )}
      <Pager
        firstHref={place.cursor ? reviewsHref(film.slug, { sort: place.sort }) : null}
        nextHref={nextCursor ? reviewsHref(film.slug, { sort: place.sort, cursor: nextCursor }) : null}
        words={REVIEW_PAGES[place.sort]}
      />
      <NewReview data={data} />
    </section>
  );
}

function ReviewEntry({ review, data }: { readonly review: ReviewItem; readonly data: FilmReviewsData }) {
  const { film, viewer, place, liked } = data;
  const own = viewer?.id === review.author.id;
  return (
    <li id={`review-${review.id}`} class={review.hidden ? 'review review-hidden' : 'review'}>
      <article aria-label={`Review by ${review.author.username}`}>
        {review.hidden && <HiddenReviewNote own={own} />}
        <ReviewMeta review={review} />
        <ReviewText review={review} />
        <div class="review-footer">
          <LikeControl
            slug={film.slug}
            review={review}
            liked={liked.has(review.id)}
            viewer={viewer}
            back={<PlaceFields place={place} />}
          />
          <a class="review-open" href={reviewHref(film.slug, review.id)}>
            {own ? 'Edit or delete your review' : 'Open this review'}
            {!own && <span class="visually-hidden"> by {review.author.username}</span>}
          </a>
        </div>
      </article>
    </li>
  );
}

/** The form to write one, for signed-in members; a sign-in link for others; the reason when suspended. */
function NewReview({ data }: { readonly data: FilmReviewsData }) {
  const { path } = useWeb();
  const { viewer, film } = data;
  if (!viewer) {
    return (
      <p class="review-sign-in">
        <a href={`/sign-in?next=${encodeURIComponent(`${path}#reviews`)}`}>Sign in to write a review</a>
      </p>
    );
  }
  if (viewer.suspended) return <ReviewsSuspendedNote detail={viewer.suspensionDetail} />;
  return (
    <PostForm
      action={`/film/${encodeURIComponent(film.slug)}/reviews`}
      label="Write a review"
      enhance
      class="review-form"
    >
      <h3>Write a review</h3>
      <div class="field">
        <label for="new-review-body">Your review</label>
        <textarea id="new-review-body" name="body" required maxLength={REVIEW_BODY_MAX} rows={6} />
      </div>
      <SpoilersCheckbox id="new-review-spoilers" checked={false} />
      <RatingSelect id="new-review-rating" rating={null} />
      <button type="submit" class="primary" data-done="Review posted">
        Post review
      </button>
    </PostForm>
  );
}
