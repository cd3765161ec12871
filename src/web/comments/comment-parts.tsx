import { REPORT_REASONS, type ReportReason } from '../../modules/comments/domain/comment.events.js';
import { REPORT_NOTE_MAX } from '../../modules/reportable/domain/report-note.js';
import { decodeTimeCursor } from '../../common/paging/index.js';

/** The film page's query parameter naming the page of comments shown. */
export const COMMENTS_PAGE_PARAM = 'cursor';

/** The film page at a page of its comments (the first when no cursor), scrolled to them. */
export const commentsHref = (slug: string, cursor?: string | null): string =>
  `/film/${encodeURIComponent(slug)}${cursor ? `?${COMMENTS_PAGE_PARAM}=${encodeURIComponent(cursor)}` : ''}#comments`;

/** A cursor sent back by a form, only when it is one the comments query gave out. */
export const pageCursorOf = (value: unknown): string | undefined =>
  typeof value === 'string' && decodeTimeCursor(value) ? value : undefined;

export type CommentAction = 'edit' | 'delete' | 'report';

export const commentActionPath = (slug: string, commentId: string, action: CommentAction): string =>
  `/film/${encodeURIComponent(slug)}/comments/${encodeURIComponent(commentId)}/${action}`;

export const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam',
  abuse: 'Abuse or harassment',
  spoiler: 'Spoiler',
  'off-topic': 'Off topic',
  other: 'Something else',
};

/** The reason (one of the API's set) and an optional note; ids are prefixed so many forms fit a page. */
export function ReportFields({
  idPrefix,
  reason,
  note,
}: {
  readonly idPrefix: string;
  readonly reason?: string;
  readonly note?: string;
}) {
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-reason`}>Reason</label>
        <select id={`${idPrefix}-reason`} name="reason" required value={reason ?? 'spam'}>
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {REASON_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-note`}>Note for the moderators (optional)</label>
        <textarea id={`${idPrefix}-note`} name="note" maxLength={REPORT_NOTE_MAX} rows={2} value={note} />
      </div>
    </>
  );
}

/** In place of the comment form: a suspended member reads but does not write. */
export function SuspendedNote({ detail }: { readonly detail: string | null }) {
  return (
    <p class="comment-suspended">
      You cannot post or change comments while your account is suspended.{detail ? ` ${detail}` : ''}
    </p>
  );
}
