import { isCanonicalUuid } from '../../../../common/uuid.js';
import {
  decodeCursorFields,
  decodeTimeCursor,
  encodeCursorFields,
  encodeTimeCursor,
  type TimeCursor,
} from '../../../../common/paging/index.js';

export const QUEUE_STATUSES = ['open', 'resolved'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Open items: most reported first, then the longest waiting, then the id. */
export interface OpenCursor {
  readonly kind: 'open';
  readonly reports: number;
  /** first_reported_at to the microsecond, as cursorColumns selects it. */
  readonly since: string;
  readonly id: string;
}

/** Resolved items: latest decision first (decided_at DESC, id DESC). */
export interface ResolvedCursor extends TimeCursor {
  readonly kind: 'resolved';
}

export type QueueCursor = OpenCursor | ResolvedCursor;

const OPEN = 'o';

export const encodeQueueCursor = (cursor: QueueCursor): string =>
  cursor.kind === 'open'
    ? encodeCursorFields([OPEN, cursor.reports, cursor.since, cursor.id])
    : encodeTimeCursor(cursor);

/** The cursor, or null when this API did not give it out. */
export function decodeQueueCursor(text: string): QueueCursor | null {
  const resolved = decodeTimeCursor(text);
  if (resolved) return { kind: 'resolved', ...resolved };
  const fields = decodeCursorFields(text, 200);
  if (fields?.length !== 4 || fields[0] !== OPEN) return null;
  const [, reports, since, id] = fields;
  if (!Number.isInteger(reports) || (reports as number) < 0 || !isCanonicalUuid(id)) return null;
  // The same instant check as a time cursor's.
  const asTime = typeof since === 'string' ? decodeTimeCursor(encodeTimeCursor({ at: since, id })) : null;
  return asTime ? { kind: 'open', reports: reports as number, since: asTime.at, id } : null;
}
