import type pg from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type { ActualRevision, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port.js';
import { encodePosition } from './position.js';

/**
 * One statement: read the stream's head, check the expectation and insert the events, so an
 * append costs a single round trip. A row comes back per event inserted; none when the
 * expectation did not hold.
 */
const APPEND = `
WITH head AS (
  SELECT max(stream_revision) AS revision FROM events WHERE stream_id = $1
), allowed AS (
  SELECT coalesce(revision, -1) AS revision FROM head
  WHERE CASE $2::text
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN revision IS NULL
    WHEN 'stream_exists' THEN revision IS NOT NULL
    ELSE revision = $3::bigint
  END
)
INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
SELECT $1, allowed.revision + e.ordinal, e.event_id, e.type, e.data, e.metadata
FROM allowed,
  unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) WITH ORDINALITY
    AS e(event_id, type, data, metadata, ordinal)
ORDER BY e.ordinal
RETURNING global_position::text AS global_position, transaction_id::text AS transaction_id,
  stream_revision::text AS stream_revision`;

interface AppendedRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream_revision: string;
}

export interface ExistingRow extends AppendedRow {
  readonly event_id: string;
  readonly stream_id: string;
}

const UNIQUE_VIOLATION = '23505';
const MAX_RACES = 10;

const constraintOf = (error: unknown): string | undefined =>
  (error as { code?: string }).code === UNIQUE_VIOLATION
    ? (error as { constraint?: string }).constraint
    : undefined;

const resultOf = (last: AppendedRow): AppendResult => ({
  nextExpectedRevision: BigInt(last.stream_revision),
  position: encodePosition({
    transactionId: BigInt(last.transaction_id),
    globalPosition: BigInt(last.global_position),
  }),
});

export async function appendToStream(
  pool: pg.Pool,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const params = [
    streamId,
    typeof expected === 'bigint' ? 'exact' : expected,
    typeof expected === 'bigint' ? expected.toString() : null,
    events.map((event) => event.metadata.eventId),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
  ];
  for (let race = 0; ; race += 1) {
    try {
      const { rows } = await pool.query<AppendedRow>({
        name: 'filmlog-append',
        text: APPEND,
        values: params,
      });
      if (rows.length > 0) return resultOf(rows.at(-1)!);
      return await settleRefusedAppend(pool, streamId, events, expected);
    } catch (error) {
      const constraint = constraintOf(error);
      if (constraint === 'events_event_id_key') {
        return await settleRefusedAppend(pool, streamId, events, expected);
      }
      // Another append to the same stream took the revision between our read and insert.
      const retryable = expected === 'any' || expected === 'stream_exists';
      if (constraint === 'events_stream_revision_key' && retryable && race < MAX_RACES) continue;
      if (constraint === 'events_stream_revision_key') {
        return await settleRefusedAppend(pool, streamId, events, expected);
      }
      throw error;
    }
  }
}

/**
 * The append did not go through. Either these very events were appended before (a retry, which
 * succeeds with the original result) or the stream is not as expected.
 */
async function settleRefusedAppend(
  pool: pg.Pool,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const ids = events.map((event) => event.metadata.eventId);
  const rows = await eventsWithIds(pool, ids);
  if (rows.length > 0) {
    const previous = matchPreviousAppend(rows, ids, streamId, expected);
    if (!previous) {
      throw new DuplicateEventIdError(
        streamId,
        rows.map((row) => row.event_id),
      );
    }
    return resultOf(previous);
  }
  throw new WrongExpectedVersionError(streamId, expected, await actualRevision(pool, streamId));
}

/** The events already stored under these ids, wherever they are. */
export async function eventsWithIds(pool: pg.Pool, ids: readonly string[]): Promise<ExistingRow[]> {
  const { rows } = await pool.query<ExistingRow>(
    `SELECT event_id::text AS event_id, stream_id, stream_revision::text AS stream_revision,
       global_position::text AS global_position, transaction_id::text AS transaction_id
     FROM events WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** The last row of the earlier append when `rows` are exactly these events, in order, where expected. */
export function matchPreviousAppend(
  rows: readonly ExistingRow[],
  ids: readonly string[],
  streamId: string,
  expected: ExpectedRevision,
): ExistingRow | null {
  const byId = new Map(rows.map((row) => [row.event_id.toLowerCase(), row]));
  const ordered = ids.map((id) => byId.get(id.toLowerCase()));
  if (ordered.some((row) => row === undefined || row.stream_id !== streamId)) return null;
  const revisions = (ordered as ExistingRow[]).map((row) => BigInt(row.stream_revision));
  const consecutive = revisions.every((revision, index) => revision === revisions[0]! + BigInt(index));
  const first = typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : revisions[0]!;
  return consecutive && revisions[0] === first ? ordered.at(-1)! : null;
}

async function actualRevision(pool: pg.Pool, streamId: string): Promise<ActualRevision> {
  const { rows } = await pool.query<{ revision: string | null }>(
    'SELECT max(stream_revision)::text AS revision FROM events WHERE stream_id = $1',
    [streamId],
  );
  const revision = rows[0]?.revision;
  return revision == null ? 'no_stream' : BigInt(revision);
}
