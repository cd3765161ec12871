import type { ReportableKind, ReportEvent } from '../../reportable/domain/reportable.js';

/**
 * The public contract of a review: one stream per review (`review-{reviewId}`) and the facts it
 * records, which the film log, moderation and activity read.
 */
export const reviewStream = (reviewId: string): string => `review-${reviewId}`;

/** Reviews are reportable: their moderation facts are `ReviewReported`, `ReviewHidden`, … */
export const REVIEW_KIND: ReportableKind<'Review'> = { noun: 'review', prefix: 'Review' };

/** What a review says: its text, whether it gives the story away, and its stars (or none). */
export type ReviewText = {
  readonly body: string;
  readonly spoilers: boolean;
  /** 0.5 to 5 in half stars; null when the review gives none. */
  readonly rating: number | null;
};

export type ReviewEvent =
  | {
      readonly type: 'ReviewPosted';
      readonly data: ReviewText & {
        readonly filmId: string;
        readonly authorId: string;
        /** The diary entry the review was written with; absent for a review posted on its own. */
        readonly diaryEntry?: string;
      };
    }
  /** The review as it now reads, every field. */
  | { readonly type: 'ReviewEdited'; readonly data: ReviewText }
  | { readonly type: 'ReviewDeleted'; readonly data: { readonly byModerator: boolean } }
  | { readonly type: 'ReviewLiked'; readonly data: { readonly memberId: string } }
  | { readonly type: 'ReviewUnliked'; readonly data: { readonly memberId: string } }
  | ReportEvent<'Review'>;

export const REVIEW_EVENT_TYPES: readonly ReviewEvent['type'][] = [
  'ReviewPosted',
  'ReviewEdited',
  'ReviewDeleted',
  'ReviewLiked',
  'ReviewUnliked',
  'ReviewReported',
  'ReviewAutoHidden',
  'ReviewHidden',
  'ReviewRestored',
  'ReviewReportsDismissed',
];
