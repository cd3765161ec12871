import { isPostedText, postedTextMessage } from '../../reportable/domain/posted-text.js';
import { COMMENT_BODY_MAX } from './comment.decider.js';

/** A comment body: text of 1 to COMMENT_BODY_MAX characters once trimmed, without NUL. */
export const isCommentBody = isPostedText(COMMENT_BODY_MAX);

export const COMMENT_BODY_MESSAGE = postedTextMessage(COMMENT_BODY_MAX);
