import pg from 'pg';
import { EventStoreUnavailableError } from '../errors.js';
import type {
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventStore,
  Lag,
  LagOptions,
  NewEvent,
  Position,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  SubscriptionBatch,
} from '../event-store.port.js';
import { appendToStream } from './append.js';
import { appendToStreams } from './append-many.js';
import { checkAppends } from '../check-appends.js';
import { ChangeNotifier } from './change-notifier.js';
import { comparePositions, decodePosition, encodePosition, START } from './position.js';
import { eventColumns, toRecordedEvent, type EventRow } from './rows.js';
import { filterClause, LogReads } from './log-reads.js';
import { subscribeToAll } from './subscription.js';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  readonly poolSize?: number;
  /** Polling fallback when no append is announced. */
  readonly pollIntervalMs?: number;
  /** Least time between two wake-up announcements from this process. */
  readonly announceIntervalMs?: number;
  readonly applicationName?: string;
}

const CHANNEL = 'filmlog_events';
const READ_PAGE = 1_000;
const APPEND_ATTEMPTS = 3;

/** Connection-level failures: the server is down, restarting or unreachable. */
const isUnavailable = (error: unknown): boolean => {
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'].includes(code) ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P03'
  );
};

const toStoreError = (error: unknown): unknown =>
  isUnavailable(error)
    ? new EventStoreUnavailableError('The PostgreSQL event store is unavailable', { cause: error })
    : error;

const readStreamSql = (forwards: boolean): string =>
  `SELECT ${eventColumns('e')} FROM events e WHERE e.stream_id = $1
     AND ($2::bigint IS NULL OR e.stream_revision ${forwards ? '>=' : '<='} $2::bigint)
   ORDER BY e.stream_revision ${forwards ? 'ASC' : 'DESC'} LIMIT $3`;
const READ_STREAM_FORWARDS = readStreamSql(true);
const READ_STREAM_BACKWARDS = readStreamSql(false);

export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly notifier: ChangeNotifier;
  private readonly pollIntervalMs: number;
  /** Shared by this store's subscriptions (ADR 0014). */
  readonly logReads: LogReads;

  constructor(options: PostgresEventStoreOptions) {
    const applicationName = options.applicationName ?? 'filmlog-event-store';
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: applicationName,
    });
    // An idle client whose connection dies is discarded by the pool; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.notifier = new ChangeNotifier({
      connectionString: options.connectionString,
      channel: CHANNEL,
      applicationName,
      announceIntervalMs: options.announceIntervalMs ?? 2,
    });
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.logReads = new LogReads(this.pool);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`Nothing to append to ${streamId}`);
    const expected = options?.expectedRevision ?? 'any';
    // A pooled connection may have died since its last use. Trying again is safe: an append
    // that did commit before its answer was lost is recognised by its event ids.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await appendToStream(this.pool, streamId, events, expected);
        this.notifier.announce();
        return result;
      } catch (error) {
        if (!isUnavailable(error) || attempt === APPEND_ATTEMPTS) throw toStoreError(error);
      }
    }
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult> {
    checkAppends(appends);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await appendToStreams(this.pool, appends);
        this.notifier.announce();
        return result;
      } catch (error) {
        if (!isUnavailable(error) || attempt === APPEND_ATTEMPTS) throw toStoreError(error);
      }
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from = options.fromRevision ?? (forwards ? 0n : null);
    while (remaining > 0) {
      const limit = Math.min(remaining, READ_PAGE);
      const { rows } = await this.guard(() =>
        // Named (one per direction), so each connection plans it once: every command reads its stream.
        this.pool.query<EventRow>({
          name: forwards ? 'filmlog-read-stream-forwards' : 'filmlog-read-stream-backwards',
          text: forwards ? READ_STREAM_FORWARDS : READ_STREAM_BACKWARDS,
          values: [streamId, from?.toString() ?? null, limit],
        }),
      );
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      const last = BigInt(rows.at(-1)!.stream_revision);
      if (!forwards && last === 0n) return;
      from = forwards ? last + 1n : last - 1n;
    }
  }

  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionBatch> {
    return subscribeToAll(this.logReads, this.notifier, options, {
      pollIntervalMs: this.pollIntervalMs,
      retryDelayMs: 50,
      maxRetryDelayMs: 5_000,
    });
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  readonly origin = encodePosition(START);

  async measureLag(from: Position | null, options: LagOptions = {}): Promise<Lag> {
    const start = from ? decodePosition(from) : START;
    const filter = filterClause(options.filter, 4);
    const { rows } = await this.guard(() =>
      this.pool.query<{ events: number; seconds: number }>(
        `SELECT count(*)::int AS events,
           coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS seconds
         FROM (
           SELECT e.created_at FROM events e
           WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) ${filter.sql}
           ORDER BY e.transaction_id, e.global_position LIMIT $3
         ) pending`,
        [
          start.transactionId.toString(),
          start.globalPosition.toString(),
          options.cap ?? 100_000,
          ...filter.params,
        ],
      ),
    );
    return { events: rows[0]!.events, seconds: Math.max(0, rows[0]!.seconds) };
  }

  async ping(): Promise<void> {
    await this.guard(() => this.pool.query('SELECT 1'));
  }

  async close(): Promise<void> {
    await this.notifier.close();
    await this.pool.end();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
