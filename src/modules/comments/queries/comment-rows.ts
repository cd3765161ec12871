import { cursorColumns, type CursorRow } from '../../../common/paging/index.js';
import type { CommentItem } from '../comments.response.js';

/** Columns of a comment item: `comment` is the comments row, `author` its author's account. */
export const COMMENT_COLUMNS = `comment.id, comment.author_id, author.username, comment.body, comment.created_at,
  comment.edited_at, comment.hidden, ${cursorColumns('comment.created_at', 'comment.id')}`;

export interface CommentRow extends CursorRow {
  readonly id: string;
  readonly author_id: string;
  readonly username: string;
  readonly body: string;
  readonly created_at: Date;
  readonly edited_at: Date | null;
  readonly hidden: boolean;
}

export const toCommentItem = (row: CommentRow): CommentItem => ({
  id: row.id,
  author: { id: row.author_id, username: row.username },
  body: row.body,
  createdAt: row.created_at.toISOString(),
  ...(row.edited_at ? { editedAt: row.edited_at.toISOString() } : {}),
  ...(row.hidden ? { hidden: true as const } : {}),
});
