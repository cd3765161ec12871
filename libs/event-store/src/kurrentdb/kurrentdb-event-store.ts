import {
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  KurrentDBClient,
  START,
  type AppendResult as ClientAppendResult,
} from '@kurrent/kurrentdb-client';
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
import { checkAppends } from '../check-appends.js';
import { isKnownPosition, toEventData, toMultiAppendEventData, toRecordedEvent } from './events.js';
import { toStreamState, translateConflict } from './expected-revision.js';
import { guard, toStoreError } from './failures.js';
import { headOfLog } from './head-probe.js';
import { measureLag } from './lag.js';
import { comparePositions, encodePosition } from './position.js';
import { subscribeToAll } from './subscribe-to-all.js';
import type { SubscriptionFeed } from './subscription-feed.js';

export interface KurrentDbEventStoreOptions {
  /** e.g. kurrentdb://127.0.0.1:2113?tls=false (esdb:// works too). */
  readonly connectionString: string;
}

const isStreamNotFound = (error: unknown): boolean =>
  (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;

export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly closing = new AbortController();
  private readonly feeds = new Set<SubscriptionFeed>();

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`Nothing to append to ${streamId}`);
    const expected = options?.expectedRevision ?? 'any';
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      throw toStoreError(translateConflict(streamId, expected, error));
    }
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: await this.positionOfAppend(streamId, result),
    };
  }

  /** KurrentDB 25.1's multi-stream append: one transaction for every stream. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult> {
    checkAppends(appends);
    const expectedOf = (append: StreamAppend) => append.expectedRevision ?? 'any';
    let result: Awaited<ReturnType<KurrentDBClient['multiStreamAppend']>>;
    try {
      result = await this.client.multiStreamAppend(
        appends.map((append) => ({
          streamName: append.streamId,
          expectedState: toStreamState(expectedOf(append)),
          events: append.events.map(toMultiAppendEventData),
        })),
      );
    } catch (error) {
      // The server names the stream whose expectation failed.
      const refused = appends.find(
        ({ streamId }) => streamId === (error as { streamName?: unknown }).streamName,
      );
      throw toStoreError(refused ? translateConflict(refused.streamId, expectedOf(refused), error) : error);
    }
    const revisions = new Map(result.responses.map((response) => [response.streamName, response.revision]));
    return {
      nextExpectedRevisions: appends.map(({ streamId }) => revisions.get(streamId)!),
      position: encodePosition({ commit: result.position, prepare: result.position }),
    };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    const direction = options.direction ?? 'forwards';
    const events = this.client.readStream(streamId, {
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      fromRevision: options.fromRevision ?? (direction === 'forwards' ? START : END),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    try {
      for await (const resolved of events) {
        if (resolved.event) yield toRecordedEvent(resolved.event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw toStoreError(error);
    }
  }

  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionBatch> {
    return subscribeToAll({ client: this.client, feeds: this.feeds, closed: this.closing.signal }, options);
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  readonly origin = encodePosition({ commit: 0n, prepare: 0n });

  measureLag(from: Position | null, options: LagOptions = {}): Promise<Lag> {
    return guard(() => measureLag(this.client, from, options));
  }

  async ping(): Promise<void> {
    await guard(() => headOfLog(this.client));
  }

  /**
   * Cuts every live server subscription as a server-side failure would; each subscriber
   * resubscribes from its last checkpoint. For the contract suite, which checks exactly that.
   */
  async dropSubscriptions(): Promise<void> {
    for (const feed of this.feeds) feed.drop();
  }

  async close(): Promise<void> {
    this.closing.abort();
    for (const feed of this.feeds) feed.stop();
    await this.client.dispose();
  }

  /**
   * The server answers an append (or its idempotent retry) with the log position of the last
   * event, as the commit half of the pair; events appended outside explicit transactions are
   * read back with that position in both halves. When it cannot tell, read the event back.
   */
  private async positionOfAppend(streamId: string, result: ClientAppendResult): Promise<Position> {
    if (isKnownPosition(result.position)) {
      const { commit } = result.position;
      return encodePosition({ commit, prepare: commit });
    }
    for await (const event of this.readStream(streamId, {
      fromRevision: result.nextExpectedRevision,
      maxCount: 1,
    })) {
      return event.position;
    }
    throw new Error(
      `Stream ${streamId}: the appended revision ${result.nextExpectedRevision} cannot be read back`,
    );
  }
}
