import type pg from 'pg';
import type { Position, RecordedEvent, SubscriptionFilter } from '../event-store.port.js';
import { decodePosition, encodePosition } from './position.js';
import { eventColumns, likePrefixes, toRecordedEvent, type EventRow } from './rows.js';

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
const readQueryText = (filterSql: string) => `
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

const readQueries = new Map<string, string>();
const readQuery = (filterSql: string): string => {
  let text = readQueries.get(filterSql);
  if (text === undefined) readQueries.set(filterSql, (text = readQueryText(filterSql)));
  return text;
};

interface ReadRow extends Partial<EventRow> {
  readonly head_transaction_id: string | null;
  readonly head_global_position: string | null;
  readonly held_back: boolean;
}

/** One read of the log after a position, for one subscriber. */
export interface LogRead {
  /** The subscriber's next events, in log order. */
  readonly events: RecordedEvent[];
  /** The last event below xmin, whatever the filter: where a caught-up reader may move to. */
  readonly head: Position | null;
  readonly heldBack: boolean;
  /** Nothing the subscriber wants lies between its last event and `head`. */
  readonly exhausted: boolean;
  /** When not exhausted: the last position this read looked at, where the next one starts. */
  readonly lastSeen: Position | null;
}

/** Orders unsigned decimal texts without parsing them. */
const compareDecimal = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

const inLogOrder = (a: EventRow, b: EventRow): number =>
  compareDecimal(a.transaction_id, b.transaction_id) || compareDecimal(a.global_position, b.global_position);

interface Page {
  readonly events: RecordedEvent[];
  readonly head: Position | null;
  readonly heldBack: boolean;
}

function toPage(rows: readonly ReadRow[]): Page {
  const bounds = rows[0]!;
  const eventRows = rows.filter((row): row is ReadRow & EventRow => row.stream_id != null);
  // The lateral join keeps the index order in practice; sorting guards the guarantee cheaply.
  if (eventRows.some((row, index) => index > 0 && inLogOrder(eventRows[index - 1]!, row) > 0)) {
    eventRows.sort(inLogOrder);
  }
  const head = bounds.head_transaction_id
    ? encodePosition({
        transactionId: BigInt(bounds.head_transaction_id),
        globalPosition: BigInt(bounds.head_global_position!),
      })
    : null;
  return { events: eventRows.map(toRecordedEvent), head, heldBack: bounds.held_back };
}

const matcher = (filter: SubscriptionFilter | undefined): ((event: RecordedEvent) => boolean) => {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : null;
  const prefixes = filter?.streamPrefixes ?? null;
  return (event) =>
    (types === null || types.has(event.type)) &&
    (prefixes === null || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
};

interface Request {
  readonly batchSize: number;
  readonly filter: SubscriptionFilter | undefined;
  resolve(read: LogRead): void;
  reject(error: unknown): void;
}

/**
 * Reads of the log for subscriptions. Caught-up subscribers of one process wake on the same
 * announcement and sit at the same head, so their reads asked in the same turn of the event loop
 * from the same position are answered by one unfiltered statement, each taking what its filter
 * wants: a dozen projections then cost one read per append instead of a dozen. Subscribers that
 * are catching up read alone, filtered in the database, so a sparse filter skips what it need not see.
 */
export class LogReads {
  private waiting = new Map<Position, Request[]>();
  private flushScheduled = false;
  /** Statements sent, for tests and the bench. */
  statements = 0;

  constructor(private readonly pool: pg.Pool) {}

  /** `tail`: the subscriber was caught up at `from`, so it may share its read. */
  read(
    from: Position,
    batchSize: number,
    filter: SubscriptionFilter | undefined,
    tail: boolean,
  ): Promise<LogRead> {
    if (!tail) return this.readAlone(from, batchSize, filter);
    return new Promise<LogRead>((resolve, reject) => {
      const requests = this.waiting.get(from);
      if (requests) requests.push({ batchSize, filter, resolve, reject });
      else this.waiting.set(from, [{ batchSize, filter, resolve, reject }]);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const groups = this.waiting;
    this.waiting = new Map();
    this.flushScheduled = false;
    for (const [from, requests] of groups) {
      const answered =
        requests.length === 1
          ? this.readAlone(from, requests[0]!.batchSize, requests[0]!.filter).then((read) => [read])
          : this.readShared(from, requests);
      answered.then(
        (reads) => requests.forEach((request, index) => request.resolve(reads[index]!)),
        (error: unknown) => requests.forEach((request) => request.reject(error)),
      );
    }
  }

  private async readAlone(
    from: Position,
    batchSize: number,
    filter: SubscriptionFilter | undefined,
  ): Promise<LogRead> {
    const page = await this.query(from, batchSize, filter);
    const exhausted = page.events.length < batchSize;
    return { ...page, exhausted, lastSeen: page.events.at(-1)?.position ?? null };
  }

  /** One unfiltered page, cut for each subscriber as its own filtered read at that snapshot would be. */
  private async readShared(from: Position, requests: readonly Request[]): Promise<LogRead[]> {
    const limit = Math.max(...requests.map((request) => request.batchSize));
    const page = await this.query(from, limit, undefined);
    const pageExhausted = page.events.length < limit;
    return requests.map(({ batchSize, filter }) => {
      const wanted = page.events.filter(matcher(filter));
      if (wanted.length >= batchSize) {
        const events = wanted.slice(0, batchSize);
        return {
          events,
          head: page.head,
          heldBack: page.heldBack,
          exhausted: false,
          lastSeen: events.at(-1)!.position,
        };
      }
      return {
        events: wanted,
        head: page.head,
        heldBack: page.heldBack,
        exhausted: pageExhausted,
        lastSeen: page.events.at(-1)?.position ?? null,
      };
    });
  }

  private async query(from: Position, limit: number, filter: SubscriptionFilter | undefined): Promise<Page> {
    const clause = filterClause(filter, 4);
    const { transactionId, globalPosition } = decodePosition(from);
    this.statements += 1;
    const { rows } = await this.pool.query<ReadRow>({
      // Prepared once per connection: planning the statement cost more than running it.
      name: `filmlog-subscribe-${clause.variant}`,
      text: readQuery(clause.sql),
      values: [transactionId.toString(), globalPosition.toString(), limit, ...clause.params],
    });
    return toPage(rows);
  }
}
