/**
 * The event store port. Both adapters (postgres, kurrentdb) implement it and are held to
 * the same contract suite (libs/event-store/src/contract).
 */

/** Every event carries this metadata; `eventId` is the identity used for de-duplication. */
export interface EventMetadata {
  readonly eventId: string;
  readonly actorId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** ISO 8601 UTC: when the fact happened in the domain (may precede the append, e.g. imports). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

export type EventPayload = Readonly<Record<string, unknown>>;

/** An event about to be appended. */
export interface NewEvent<Type extends string = string, Data extends EventPayload = EventPayload> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/**
 * An opaque, totally ordered token naming a point in the global log. It is what the store
 * hands out as a checkpoint and what command responses return as `position`. Compare two of
 * them only with `EventStore.comparePositions`.
 */
export type Position = string;

/** An event as read back from the store. */
export interface RecordedEvent<
  Type extends string = string,
  Data extends EventPayload = EventPayload,
> extends NewEvent<Type, Data> {
  readonly streamId: string;
  /** 0-based, gap-free within the stream. */
  readonly revision: bigint;
  readonly position: Position;
  readonly recordedAt: Date;
}

/** `any`: no check; `no_stream`: must not exist; `stream_exists`: must exist; bigint: last revision must equal it. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** What a stream actually is when an expectation fails. */
export type ActualRevision = 'no_stream' | bigint;

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: bigint;
  /** Position of the last appended event; equals that event's `position` when read back. */
  readonly position: Position;
}

/** One stream's part of an `appendMany`. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendManyResult {
  /** Each stream's revision after the append, in the order the streams were given. */
  readonly nextExpectedRevisions: readonly bigint[];
  /** At or after every appended event: what a reader waits for to see them all. */
  readonly position: Position;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive revision to start at; default the first (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: ReadDirection;
  readonly maxCount?: number;
}

/** Server-side filter. An event passes when it matches every given criterion. */
export interface SubscriptionFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive start: the first batch holds events strictly after it; `null` means from the beginning. */
  readonly from: Position | null;
  readonly filter?: SubscriptionFilter;
  /** Largest number of events in one batch (default 500). */
  readonly batchSize?: number;
  /** Ends the iteration (the iterator returns) when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * What a subscription yields. `checkpoint` is where to resume from after this batch. When
 * the subscriber is caught up it may yield a batch with no events whose checkpoint moved past
 * events the filter left out, so a consumer's checkpoint can pass any token the store issued,
 * or only to say that it is now caught up.
 */
export interface SubscriptionBatch {
  readonly events: readonly RecordedEvent[];
  readonly checkpoint: Position;
  /** True when this batch reached the end of what is committed and visible right now. */
  readonly caughtUp: boolean;
}

export interface LagOptions {
  readonly filter?: SubscriptionFilter;
  /** Stop counting past this many events (lag is then reported as at least `cap`). */
  readonly cap?: number;
}

export interface Lag {
  /** Events committed after `from` that match the filter (up to the cap). */
  readonly events: number;
  /** Age in seconds of the oldest of those events; 0 when there are none. */
  readonly seconds: number;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Several streams at once, all or nothing: when one stream is not as expected nothing is
   * appended and the WrongExpectedVersionError names that stream. Each stream once, none empty.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult>;
  /** A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Catch-up subscription to all streams: total order, exclusive start, resumes after drops. */
  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionBatch>;
  /** Negative, zero or positive as `a` is before, equal to or after `b`. */
  comparePositions(a: Position, b: Position): number;
  /** The position before every event: the token of a command that changed nothing in an empty stream. */
  readonly origin: Position;
  /** How far `from` is behind the head of the log (for health and metrics). */
  measureLag(from: Position | null, options?: LagOptions): Promise<Lag>;
  /** Round-trip to the backing server; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
