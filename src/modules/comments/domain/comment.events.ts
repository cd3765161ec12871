import { type ReportableKind, type ReportEvent } from '../../reportable/domain/reportable.js';

/**
 * The public contract of a comment: one stream per comment (`comment-{commentId}`) and the facts
 * it records, which moderation and activity read.
 */
export const commentStream = (commentId: string): string => `comment-${commentId}`;

export { REPORT_REASONS, type ReportReason } from '../../reportable/domain/reportable.js';

/** Comments are reportable: their moderation facts are `CommentReported`, `CommentHidden`, … */
export const COMMENT_KIND: ReportableKind<'Comment'> = { noun: 'comment', prefix: 'Comment' };

export type CommentEvent =
  | {
      readonly type: 'CommentPosted';
      readonly data: { readonly filmId: string; readonly authorId: string; readonly body: string };
    }
  | { readonly type: 'CommentEdited'; readonly data: { readonly body: string } }
  | { readonly type: 'CommentDeleted'; readonly data: { readonly byModerator: boolean } }
  | ReportEvent<'Comment'>;

export const COMMENT_EVENT_TYPES: readonly CommentEvent['type'][] = [
  'CommentPosted',
  'CommentEdited',
  'CommentDeleted',
  'CommentReported',
  'CommentAutoHidden',
  'CommentHidden',
  'CommentRestored',
  'CommentReportsDismissed',
];
