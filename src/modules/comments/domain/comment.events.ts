/**
 * The public contract of a comment: one stream per comment (`comment-{commentId}`) and the facts
 * it records, which moderation and activity read.
 */
export const commentStream = (commentId: string): string => `comment-${commentId}`;

export const REPORT_REASONS = ['spam', 'abuse', 'spoiler', 'off-topic', 'other'] as const;

export type ReportReason = (typeof REPORT_REASONS)[number];

/**
 * `CommentReportsDismissed` and `CommentRestored` both leave the comment visible: a dismissal
 * lifts an auto-hide, since the hide rested on the reports it dismisses, and a comment a
 * moderator hid takes no reports, so it never has reports to dismiss.
 */
export type CommentEvent =
  | {
      readonly type: 'CommentPosted';
      readonly data: { readonly filmId: string; readonly authorId: string; readonly body: string };
    }
  | { readonly type: 'CommentEdited'; readonly data: { readonly body: string } }
  | { readonly type: 'CommentDeleted'; readonly data: { readonly byModerator: boolean } }
  | {
      readonly type: 'CommentReported';
      readonly data: {
        readonly reporterId: string;
        readonly reason: ReportReason;
        readonly note: string | null;
      };
    }
  | { readonly type: 'CommentAutoHidden'; readonly data: { readonly reports: number } }
  | {
      readonly type: 'CommentHidden';
      readonly data: { readonly moderatorId: string; readonly reason: string };
    }
  | {
      readonly type: 'CommentRestored';
      readonly data: { readonly moderatorId: string; readonly reason: string | null };
    }
  | {
      readonly type: 'CommentReportsDismissed';
      readonly data: { readonly moderatorId: string; readonly reason: string | null };
    };

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
