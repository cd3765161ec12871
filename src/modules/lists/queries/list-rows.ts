import { cursorColumns, type CursorRow } from '../../../common/paging/index.js';
import type { ListVisibility } from '../domain/list.events.js';
import { progressOf } from '../domain/progress.js';
import type { ListSummary } from '../lists.response.js';

/**
 * Columns of a list summary: `list` is the lists row, `owner` its owner's account, `progress` the
 * reader's list_progress row (LEFT JOIN; no row is nothing checked).
 */
export const LIST_SUMMARY_COLUMNS = `list.id, list.title, list.owner_id, owner.username, list.ranked, list.kind,
  list.visibility, list.size, coalesce(progress.checked, 0) AS checked,
  ${cursorColumns('list.created_at', 'list.id')}`;

/** The joins LIST_SUMMARY_COLUMNS reads, with the reader's id as `reader` (NULL for anonymous). */
export const listSummaryJoins = (reader: string): string =>
  `JOIN accounts AS owner ON owner.id = list.owner_id
   LEFT JOIN list_progress AS progress ON progress.list_id = list.id AND progress.user_id = ${reader}`;

export interface ListSummaryRow extends CursorRow {
  readonly id: string;
  readonly title: string;
  readonly owner_id: string;
  readonly username: string;
  readonly ranked: boolean;
  readonly kind: 'official' | 'personal';
  readonly visibility: ListVisibility;
  readonly size: number;
  readonly checked: number;
}

/** Progress is the signed-in reader's own, so an anonymous reader gets none. */
export const toListSummary =
  (signedIn: boolean) =>
  (row: ListSummaryRow): ListSummary => ({
    id: row.id,
    title: row.title,
    owner: { id: row.owner_id, username: row.username },
    ranked: row.ranked,
    official: row.kind === 'official',
    visibility: row.visibility,
    size: row.size,
    ...(signedIn ? { progress: progressOf(row.checked, row.size) } : {}),
  });
