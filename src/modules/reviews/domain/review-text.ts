import { isPostedText, postedTextMessage } from '../../reportable/domain/posted-text.js';
import { REVIEW_BODY_MAX } from './review.decider.js';

/** A review body: text of 1 to REVIEW_BODY_MAX characters once trimmed, without NUL. */
export const isReviewBody = isPostedText(REVIEW_BODY_MAX);

export const REVIEW_BODY_MESSAGE = postedTextMessage(REVIEW_BODY_MAX);
