import type pg from 'pg';
import type {
  Position,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionBatch,
  SubscriptionFilter,
} from '../event-store.port.js';
import type { ChangeNotifier } from './change-notifier.js';
import { Doorbell } from './doorbell.js';
import { comparePositions, decodePosition, encodePosition, START } from './position.js';
import { eventColumns, likePrefixes, toRecordedEvent, type EventRow } from './rows.js';

export interface SubscriptionTiming {
  /** Longest sleep with nothing announced (the polling fallback). */
  readonly pollIntervalMs: number;
  /** First retry delay after a failed read; doubles up to `maxRetryDelayMs`. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

export const filterClause = (filter: SubscriptionFilter | undefined, firstParam: number) => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter?.eventTypes) {
    params.push(filter.eventTypes);
    clauses.push(`AND e.type = ANY($${firstParam + params.length - 1}::text[])`);
  }
  if (filter?.streamPrefixes) {
    params.push(likePrefixes(filter.streamPrefixes));
    clauses.push(`AND e.stream_id LIKE ANY($${firstParam + params.length - 1}::text[])`);
  }
  const variant = `${filter?.eventTypes ? 't' : ''}${filter?.streamPrefixes ? 'p' : ''}` || 'all';
  return { sql: clauses.join(' '), params, variant };
};

/**
 * One statement, so one snapshot, answers three things: the next events in
 * (transaction_id, global_position) order among transactions that can no longer commit
 * (below the snapshot's xmin: reading past it would skip a transaction that commits late);
 * the last such event of any kind, where a caught-up subscriber may move its checkpoint; and
 * whether committed events wait behind a still-open transaction.
 */
const readQuery = (filterSql: string) => `
WITH bounds AS MATERIALIZED (
  SELECT snapshot.xmin, h.transaction_id AS head_transaction_id, h.global_position AS head_global_position,
    (SELECT p.transaction_id FROM events p WHERE p.transaction_id >= snapshot.xmin
      ORDER BY p.transaction_id LIMIT 1) IS NOT NULL AS held_back
  FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) snapshot
  LEFT JOIN LATERAL (
    SELECT transaction_id, global_position FROM events
    WHERE transaction_id < snapshot.xmin
    ORDER BY transaction_id DESC, global_position DESC LIMIT 1
  ) h ON true
)
SELECT bounds.head_transaction_id::text AS head_transaction_id,
  bounds.head_global_position::text AS head_global_position, bounds.held_back, b.*
FROM bounds
LEFT JOIN LATERAL (
  SELECT ${eventColumns('e')}
  FROM events e
  WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
    AND e.transaction_id < bounds.xmin ${filterSql}
  ORDER BY e.transaction_id, e.global_position
  LIMIT $3
) b ON true`;

interface ReadRow extends Partial<EventRow> {
  readonly head_transaction_id: string | null;
  readonly head_global_position: string | null;
  readonly held_back: boolean;
}

interface Read {
  readonly events: RecordedEvent[];
  /** The last event below xmin, whatever the filter: where a caught-up reader may move to. */
  readonly head: Position | null;
  readonly heldBack: boolean;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Doorbell().wait(ms, signal);

/** Orders unsigned decimal texts without parsing them. */
const compareDecimal = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

const inLogOrder = (a: EventRow, b: EventRow): number =>
  compareDecimal(a.transaction_id, b.transaction_id) || compareDecimal(a.global_position, b.global_position);

function toRead(rows: readonly ReadRow[]): Read {
  const bounds = rows[0]!;
  const eventRows = rows.filter((row): row is ReadRow & EventRow => row.stream_id != null);
  // The lateral join keeps the index order in practice; sorting guards the guarantee cheaply.
  if (eventRows.some((row, index) => index > 0 && inLogOrder(eventRows[index - 1]!, row) > 0)) {
    eventRows.sort(inLogOrder);
  }
  const events = eventRows.map(toRecordedEvent);
  const head = bounds.head_transaction_id
    ? encodePosition({
        transactionId: BigInt(bounds.head_transaction_id),
        globalPosition: BigInt(bounds.head_global_position!),
      })
    : null;
  return { events, head, heldBack: bounds.held_back };
}

export async function* subscribeToAll(
  pool: pg.Pool,
  notifier: ChangeNotifier,
  options: SubscribeOptions,
  timing: SubscriptionTiming,
): AsyncGenerator<SubscriptionBatch> {
  const { signal } = options;
  const batchSize = options.batchSize ?? 500;
  let checkpoint = options.from ?? encodePosition(START);
  decodePosition(checkpoint);
  const filter = filterClause(options.filter, 4);
  // Prepared once per connection: planning the statement cost more than running it.
  const statement = { name: `filmlog-subscribe-${filter.variant}`, text: readQuery(filter.sql) };
  const doorbell = new Doorbell();
  const stopListening = notifier.onChange(() => doorbell.ring());
  const read = (from: Position): Promise<Read> => {
    doorbell.reset();
    const { transactionId, globalPosition } = decodePosition(from);
    const values = [transactionId.toString(), globalPosition.toString(), batchSize, ...filter.params];
    const reading = pool.query<ReadRow>({ ...statement, values }).then(({ rows }) => toRead(rows));
    // Awaited later (or dropped when the consumer stops): never an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let retryDelay = timing.retryDelayMs;
  let heldBackDelay = 1;
  let reportedCaughtUp = false;
  let prefetched: Promise<Read> | null = null;
  try {
    while (!signal?.aborted) {
      let result: Read;
      try {
        result = await (prefetched ?? read(checkpoint));
        retryDelay = timing.retryDelayMs;
      } catch {
        // A dropped connection or a restarting server: resume from the same checkpoint.
        await sleep(retryDelay, signal);
        retryDelay = Math.min(timing.maxRetryDelayMs, retryDelay * 2);
        continue;
      } finally {
        prefetched = null;
      }
      const { events, head, heldBack } = result;
      const caughtUp = events.length < batchSize;
      // The head can lie behind the start while the events after it wait behind an open transaction.
      const headAhead = head !== null && comparePositions(head, checkpoint) > 0;
      const next = caughtUp && headAhead ? head : (events.at(-1)?.position ?? checkpoint);
      // Catching up: the server reads the next batch while the consumer handles this one.
      if (!caughtUp) prefetched = read(next);
      // A log that ends on a full batch is only known to be caught up by the next, empty read.
      if (events.length > 0 || comparePositions(next, checkpoint) > 0 || (caughtUp && !reportedCaughtUp)) {
        checkpoint = next;
        reportedCaughtUp = caughtUp;
        yield { events, checkpoint, caughtUp };
      }
      if (!caughtUp) continue;
      // Events wait behind an open transaction: look again soon rather than at the next poll.
      heldBackDelay = heldBack ? Math.min(heldBackDelay * 2, 100) : 1;
      await doorbell.wait(heldBack ? heldBackDelay : timing.pollIntervalMs, signal);
    }
  } finally {
    stopListening();
  }
}
