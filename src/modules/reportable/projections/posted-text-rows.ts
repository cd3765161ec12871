import type { RecordedEvent } from '#event-store';
import type { ReportableKind } from '../domain/reportable.js';

/** What every posted text's row holds beside its words: where, by whom, when, and moderation's word. */
export interface PostedTextRow {
  readonly id: string;
  readonly film_id: string;
  readonly author_id: string;
  readonly created_at: string;
  readonly edited_at: string | null;
  readonly hidden: boolean;
  readonly deleted_at: string | null;
}

/** Shown to readers: neither hidden nor deleted. */
export const isVisible = (row: PostedTextRow | undefined): boolean =>
  row !== undefined && !row.hidden && row.deleted_at === null;

/**
 * The row after one of the facts every kind shares (deleted, hidden, restored, reports dismissed);
 * the same row for any other fact, which is the kind's own to fold.
 */
export function evolveModeration<Row extends PostedTextRow>(
  { prefix }: ReportableKind<string>,
  row: Row,
  event: RecordedEvent,
): Row {
  switch (event.type) {
    case `${prefix}Deleted`:
      return { ...row, deleted_at: event.metadata.occurredAt };
    case `${prefix}AutoHidden`:
    case `${prefix}Hidden`:
      return { ...row, hidden: true };
    case `${prefix}Restored`:
    case `${prefix}ReportsDismissed`:
      return { ...row, hidden: false };
    default:
      return row;
  }
}

/**
 * A batch folded onto the rows it touches: `before` as read, the rows whose fold changed them
 * (in id order, so concurrent upserts lock in one order), and the events in stream order.
 */
export function foldTouchedRows<Row extends PostedTextRow>(
  before: ReadonlyMap<string, Row>,
  events: readonly RecordedEvent[],
  idOf: (event: RecordedEvent) => string,
  evolve: (row: Row | undefined, event: RecordedEvent) => Row | undefined,
): Row[] {
  const after = new Map(before);
  for (const event of events) {
    const id = idOf(event);
    const row = evolve(after.get(id), event);
    if (row) after.set(id, row);
  }
  return [...after.values()]
    .filter((row) => row !== before.get(row.id))
    .sort((a, b) => a.id.localeCompare(b.id));
}
