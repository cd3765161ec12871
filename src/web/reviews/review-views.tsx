import { REVIEW_BODY_MAX } from '../../modules/reviews/domain/review.decider.js';
import type { ReviewDetail } from '../../modules/reviews/reviews.response.js';
import { ReportFields } from '../comments/comment-parts.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, PostForm } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { useWeb } from '../views/web-context.js';
import { viewerOf } from './film-reviews.js';
import {
  HiddenReviewNote,
  LikeControl,
  RatingSelect,
  ReviewMeta,
  reviewActionPath,
  ReviewsSuspendedNote,
  reviewsHref,
  ReviewText,
  SpoilersCheckbox,
} from './review-parts.js';

/** A review form's fields as typed: the stars as the select's text ("" for none). */
export interface ReviewFormValues {
  readonly body: string;
  readonly spoilers: boolean;
  readonly rating: string;
}

const errorOf = (failure: FormFailure | undefined, field: string): string | undefined =>
  failure?.errors.find((error) => error.field === field)?.message;

/** Body, spoiler flag and stars; ids start with `field-` so the error summary's links reach them. */
function ReviewFields({
  values,
  failure,
}: {
  readonly values: ReviewFormValues;
  readonly failure?: FormFailure;
}) {
  const bodyError = errorOf(failure, 'body');
  return (
    <>
      <div class={bodyError ? 'field field-invalid' : 'field'}>
        <label for="field-body">Your review</label>
        {bodyError && (
          <p class="field-error" id="field-body-error">
            {bodyError}
          </p>
        )}
        <textarea
          id="field-body"
          name="body"
          required
          maxLength={REVIEW_BODY_MAX}
          rows={8}
          value={values.body}
          aria-invalid={bodyError ? 'true' : undefined}
          aria-describedby={bodyError ? 'field-body-error' : undefined}
        />
      </div>
      <SpoilersCheckbox id="field-spoilers" checked={values.spoilers} />
      <RatingSelect id="field-rating" rating={values.rating} error={errorOf(failure, 'rating')} />
    </>
  );
}

export interface PostReviewViewProps {
  readonly film: { readonly slug: string; readonly title: string };
  readonly values: ReviewFormValues;
  readonly failure: FormFailure;
}

/** The review form again, on a page of its own, after the server refused it: why, and what was typed. */
export function PostReviewView({ film, values, failure }: PostReviewViewProps) {
  return (
    <Layout title={`Review ${film.title}`} noIndex>
      <section class="review-page">
        <h1>Review {film.title}</h1>
        <ErrorSummary message={failure.message} errors={failure.errors} />
        <PostForm action={`/film/${encodeURIComponent(film.slug)}/reviews`} label="Write a review">
          <ReviewFields values={values} failure={failure} />
          <button type="submit" class="primary">
            Post review
          </button>
        </PostForm>
        <p>
          <a href={reviewsHref(film.slug)}>Back to the reviews of {film.title}</a>
        </p>
      </section>
    </Layout>
  );
}

/** A refused form of the review page, shown open with its errors and what was typed. */
export type ReviewPageFailure =
  | { readonly form: 'edit'; readonly values: ReviewFormValues; readonly failure: FormFailure }
  | {
      readonly form: 'report';
      readonly reason: string;
      readonly note: string;
      readonly failure: FormFailure;
    };

export interface ReviewPageViewProps {
  readonly review: ReviewDetail;
  /** Whether the reader likes it. */
  readonly liked: boolean;
  /** Just reported by the reader (`?reported=1`). */
  readonly reported?: boolean;
  readonly refused?: ReviewPageFailure;
}

/**
 * One review on a page of its own: the whole text (a spoiler's folded until opened), its likes and
 * like button, and the reader's forms: edit (its author), delete (its author or a moderator),
 * report (any other member).
 */
export function ReviewPageView({ review, liked, reported = false, refused }: ReviewPageViewProps) {
  const { reader } = useWeb();
  const viewer = viewerOf(reader);
  const own = viewer?.id === review.author.id;
  const { film } = review;
  return (
    <Layout title={`${review.author.username}’s review of ${film.title}`} noIndex={review.hidden}>
      <section class="review-page" aria-labelledby="review-heading">
        <h1 id="review-heading">
          {review.author.username}’s review of{' '}
          <a href={`/film/${encodeURIComponent(film.slug)}`}>{film.title}</a>
        </h1>
        {reported && (
          <p class="review-notice" role="status">
            Thank you: your report was sent to the moderators.
          </p>
        )}
        {review.hidden && <HiddenReviewNote own={own} />}
        <article class="review review-whole" aria-label={`Review by ${review.author.username}`}>
          <ReviewMeta review={review} />
          <ReviewText review={review} />
          <div class="review-footer" data-region="review-likes">
            <LikeControl
              slug={film.slug}
              review={review}
              liked={liked}
              viewer={viewer}
              back={<input type="hidden" name="back" value="review" />}
            />
          </div>
        </article>
        {viewer &&
          (viewer.suspended ? (
            <ReviewsSuspendedNote detail={viewer.suspensionDetail} />
          ) : (
            <div class="review-actions">
              {own && <EditReview review={review} refused={refused} />}
              {(own || viewer.moderates) && <DeleteReview review={review} own={own} />}
              {!own && !review.hidden && <ReportReview review={review} refused={refused} />}
            </div>
          ))}
        <p>
          <a href={reviewsHref(film.slug)}>All the reviews of {film.title}</a>
        </p>
        {/* Where the page script says what a background submit did. */}
        <p id="enhance-status" class="visually-hidden" role="status" />
      </section>
    </Layout>
  );
}

function EditReview({
  review,
  refused,
}: {
  readonly review: ReviewDetail;
  readonly refused: ReviewPageFailure | undefined;
}) {
  const failed = refused?.form === 'edit' ? refused : undefined;
  const values = failed?.values ?? {
    body: review.body ?? '',
    spoilers: review.spoilers,
    rating: review.rating === null ? '' : String(review.rating),
  };
  return (
    <details class="review-action" id="edit" open={failed !== undefined}>
      <summary>Edit</summary>
      <PostForm action={reviewActionPath(review.film.slug, review.id, 'edit')} label="Edit your review">
        <ErrorSummary message={failed?.failure.message} errors={failed?.failure.errors} />
        <ReviewFields values={values} failure={failed?.failure} />
        <button type="submit" class="primary">
          Save changes
        </button>
      </PostForm>
    </details>
  );
}

function DeleteReview({ review, own }: { readonly review: ReviewDetail; readonly own: boolean }) {
  const whose = own ? 'your review' : `${review.author.username}’s review`;
  return (
    <details class="review-action">
      <summary>Delete</summary>
      <PostForm action={reviewActionPath(review.film.slug, review.id, 'delete')} label={`Delete ${whose}`}>
        <p>Delete {whose}? This cannot be undone.</p>
        <button type="submit" class="danger">
          Delete review
        </button>
      </PostForm>
    </details>
  );
}

function ReportReview({
  review,
  refused,
}: {
  readonly review: ReviewDetail;
  readonly refused: ReviewPageFailure | undefined;
}) {
  const failed = refused?.form === 'report' ? refused : undefined;
  // A refusal other than a bad field (the review was hidden meanwhile) leaves nothing to send again.
  const formApplies = failed === undefined || failed.failure.status === 400;
  return (
    <details class="review-action" open={failed !== undefined}>
      <summary>Report</summary>
      <ErrorSummary message={failed?.failure.message} errors={failed?.failure.errors} />
      {formApplies && (
        <PostForm
          action={reviewActionPath(review.film.slug, review.id, 'report')}
          label={`Report ${review.author.username}’s review`}
        >
          <ReportFields idPrefix="field" reason={failed?.reason} note={failed?.note} />
          <button type="submit">Send report</button>
        </PostForm>
      )}
    </details>
  );
}
