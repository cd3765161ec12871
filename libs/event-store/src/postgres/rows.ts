import type { RecordedEvent } from '../event-store.port.js';

/** An events row with its bigint and xid8 columns read as text. */
export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: RecordedEvent['metadata'];
  /** Milliseconds since the epoch: cheaper to parse than a timestamptz's text. */
  readonly created_at_ms: number;
}

/** The select list of an EventRow, for a table aliased `alias`. */
export const eventColumns = (alias: string): string =>
  `${alias}.global_position::text AS global_position, ${alias}.transaction_id::text AS transaction_id,
  ${alias}.stream_id, ${alias}.stream_revision::text AS stream_revision, ${alias}.type, ${alias}.data,
  ${alias}.metadata, (extract(epoch FROM ${alias}.created_at) * 1000)::float8 AS created_at_ms`;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  revision: BigInt(row.stream_revision),
  // The same text encodePosition writes, without a detour through BigInt on the hot path.
  position: `${row.transaction_id}.${row.global_position}`,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: new Date(row.created_at_ms),
});

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export const likePrefixes = (prefixes: readonly string[]): string[] =>
  prefixes.map((prefix) => `${escapeLike(prefix)}%`);
