import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { EventStore, Position, RecordedEvent } from '#event-store';

/** What apply() gets: a query function bound to the batch's transaction, and table names. */
export interface ProjectionContext {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Physical (quoted) name of one of the projection's own tables: the live one, or the fresh copy during a rebuild. */
  table(logicalName: string): string;
  /**
   * True while a rebuild catches up a projection that has `summarize`: leave the tables that only
   * sum up the others alone; `summarize` fills them once the rebuild has caught up.
   */
  readonly summariesDeferred?: boolean;
}

export interface Projection {
  readonly name: string;
  /** Changing it triggers a blue/green rebuild. */
  readonly version: number;
  /** Event types it reads (the subscription's server-side filter). */
  readonly handles: readonly string[];
  /** Read-model tables it owns (copied and swapped on rebuild). */
  readonly tables: readonly string[];
  /**
   * Indexes of its tables that only queries read, never its own statements (neither unique nor a
   * constraint's). A rebuild leaves them off its fresh tables and builds each once, when it has
   * caught up, before the swap: one sorted build instead of an insert per row.
   */
  readonly indexesForReadersOnly?: readonly string[];
  /**
   * Fills from scratch the tables that only sum up its other tables. With it, a rebuild leaves
   * those tables alone while it catches up (see `ProjectionContext.summariesDeferred`) and then
   * runs this, in one transaction, before the swap: one set-based pass instead of an upsert per
   * batch. It runs again if a rebuild resumes in another process, so it must start from empty.
   */
  summarize?(context: ProjectionContext): Promise<void>;
  apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
  /** What to do with an event apply() still fails on after the retries (default 'park'). */
  readonly onPoisonEvent?: PoisonEventPolicy;
  /** This projection's own retry settings, over the engine's. */
  readonly retry?: RetrySettings;
}

/**
 * 'park': record the event in projection_dead_letters and go on with the next ones (for read
 * models whose damage stays with the event's own key). 'halt': never skip it; the checkpoint stays
 * just before it and the event is retried, with a capped backoff, until it applies.
 */
export type PoisonEventPolicy = 'park' | 'halt';

export interface RetrySettings {
  /** Attempts of a failing batch before it is split to find the event that fails (default 5). */
  readonly maxAttempts?: number;
  /** First pause between attempts, doubled each time (default 100 ms). */
  readonly retryBaseMs?: number;
  /** Longest pause between the attempts of a halted projection (default 30 s). */
  readonly maxRetryDelayMs?: number;
}

export type ProjectionState = 'running' | 'standby' | 'rebuilding' | 'stopped' | 'failing' | 'halted';

/** The event a 'halt' projection stopped before, and why. */
export interface HaltedAt {
  /** The live read model, or the fresh copy a rebuild fills. */
  readonly track: 'live' | 'rebuild';
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly position: Position;
  readonly error: string;
  /** Attempts at the event so far. */
  readonly attempts: number;
  /** When it first stopped there (ISO 8601). */
  readonly since: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: Position | null;
  lagEvents: number;
  lagSeconds: number;
  deadLetters: number;
  status: ProjectionState;
  /** Present while the projection is halted. */
  halted?: HaltedAt;
}

export interface ProjectionLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ProjectionEngineOptions {
  store: EventStore;
  /** Read-model database (DATABASE_URL). */
  pool: pg.Pool;
  projections: readonly Projection[];
  logger?: ProjectionLogger;
  /** Gauges and counters are registered here when given. */
  metrics?: Registry;
  /** Largest batch of the live track (default 500). */
  batchSize?: number;
  /** Largest batch of a rebuild (default 1,000). */
  rebuildBatchSize?: number;
  lockRetryMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Gathers statistics on the tables a projection fills while far behind the log (default true):
   * a rebuild's fresh tables, and the live ones on a first start over a long log. The planner then
   * does not keep choosing plans made for empty tables; false measures a catch-up without it.
   */
  analyzeWhileCatchingUp?: boolean;
}

export const silentLogger: ProjectionLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
