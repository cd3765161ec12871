import type pg from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type {
  ActualRevision,
  AppendManyResult,
  ExpectedRevision,
  StreamAppend,
} from '../event-store.port.js';
import { eventsWithIds, matchPreviousAppend, type ExistingRow } from './append.js';
import { encodePosition } from './position.js';

/**
 * One statement for every stream: read each head, check every expectation, and insert all the
 * events only when all of them hold (none otherwise), in the order the streams were given.
 */
const APPEND_MANY = `
WITH streams AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS s(stream_id, expected, wanted, n)
), heads AS (
  SELECT s.*, (SELECT max(stream_revision) FROM events e WHERE e.stream_id = s.stream_id) AS head FROM streams s
), allowed AS (
  SELECT n, stream_id, coalesce(head, -1) AS head FROM heads
  WHERE NOT EXISTS (
    SELECT 1 FROM heads h
    WHERE NOT coalesce(CASE h.expected
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN h.head IS NULL
      WHEN 'stream_exists' THEN h.head IS NOT NULL
      ELSE h.head = h.wanted
    END, false)
  )
)
INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
SELECT a.stream_id, a.head + e.ordinal, e.event_id, e.type, e.data, e.metadata
FROM unnest($4::bigint[], $5::int[], $6::uuid[], $7::text[], $8::jsonb[], $9::jsonb[])
    AS e(stream_n, ordinal, event_id, type, data, metadata)
  JOIN allowed a ON a.n = e.stream_n
ORDER BY e.stream_n, e.ordinal
RETURNING stream_id, global_position::text AS global_position, transaction_id::text AS transaction_id,
  stream_revision::text AS stream_revision`;

type Row = Omit<ExistingRow, 'event_id'>;

const UNIQUE_VIOLATION = '23505';
const MAX_RACES = 10;

const expectedOf = (append: StreamAppend): ExpectedRevision => append.expectedRevision ?? 'any';

const holds = (expected: ExpectedRevision, actual: ActualRevision): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === 'no_stream') ||
  (expected === 'stream_exists' && actual !== 'no_stream') ||
  (typeof expected === 'bigint' && expected === actual);

/** The rows of one whole append (every stream), as the port answers it. */
function resultOf(appends: readonly StreamAppend[], rows: readonly Row[]): AppendManyResult {
  const heads = new Map<string, bigint>();
  let last = rows[0]!;
  for (const row of rows) {
    const revision = BigInt(row.stream_revision);
    if (revision > (heads.get(row.stream_id) ?? -1n)) heads.set(row.stream_id, revision);
    if (BigInt(row.global_position) > BigInt(last.global_position)) last = row;
  }
  return {
    nextExpectedRevisions: appends.map(({ streamId }) => heads.get(streamId)!),
    position: encodePosition({
      transactionId: BigInt(last.transaction_id),
      globalPosition: BigInt(last.global_position),
    }),
  };
}

export async function appendToStreams(
  pool: pg.Pool,
  appends: readonly StreamAppend[],
): Promise<AppendManyResult> {
  const events = appends.flatMap((append, index) =>
    append.events.map((event, ordinal) => ({ stream: index + 1, ordinal: ordinal + 1, event })),
  );
  const values = [
    appends.map((append) => append.streamId),
    appends.map((append) => {
      const expected = expectedOf(append);
      return typeof expected === 'bigint' ? 'exact' : expected;
    }),
    appends.map((append) => {
      const expected = expectedOf(append);
      return typeof expected === 'bigint' ? expected.toString() : null;
    }),
    events.map((one) => one.stream),
    events.map((one) => one.ordinal),
    events.map((one) => one.event.metadata.eventId),
    events.map((one) => one.event.type),
    events.map((one) => JSON.stringify(one.event.data)),
    events.map((one) => JSON.stringify(one.event.metadata)),
  ];
  for (let race = 0; ; race += 1) {
    try {
      const { rows } = await pool.query<Row>({ name: 'filmlog-append-many', text: APPEND_MANY, values });
      if (rows.length > 0) return resultOf(appends, rows);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // An event id used before, or another append took a revision between our read and insert.
    }
    const settled = await settleRefused(pool, appends);
    if (settled) return settled;
    if (race === MAX_RACES) throw new Error('appendMany kept losing races to other appends');
  }
}

/**
 * Nothing was appended. These very events may have been appended before (a retry: the earlier
 * result), or a stream is not as expected (its error); null when every expectation holds now.
 */
async function settleRefused(
  pool: pg.Pool,
  appends: readonly StreamAppend[],
): Promise<AppendManyResult | null> {
  const ids = appends.flatMap((append) => append.events.map((event) => event.metadata.eventId));
  const rows = await eventsWithIds(pool, ids);
  if (rows.length > 0) {
    const before = appends.map((append) =>
      matchPreviousAppend(
        rows,
        append.events.map((event) => event.metadata.eventId),
        append.streamId,
        expectedOf(append),
      ),
    );
    if (before.every((row) => row !== null)) return resultOf(appends, before as ExistingRow[]);
    throw new DuplicateEventIdError(
      rows[0]!.stream_id,
      rows.map((row) => row.event_id),
    );
  }
  const { rows: heads } = await pool.query<{ stream_id: string; revision: string }>(
    `SELECT stream_id, max(stream_revision)::text AS revision FROM events
      WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
    [appends.map((append) => append.streamId)],
  );
  const actual = new Map(heads.map((row) => [row.stream_id, BigInt(row.revision)]));
  for (const append of appends) {
    const revision = actual.get(append.streamId) ?? 'no_stream';
    if (!holds(expectedOf(append), revision)) {
      throw new WrongExpectedVersionError(append.streamId, expectedOf(append), revision);
    }
  }
  return null;
}
