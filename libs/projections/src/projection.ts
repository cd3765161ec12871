import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { EventStore, Position, RecordedEvent } from '#event-store';

/** What apply() gets: a query function bound to the batch's transaction, and table names. */
export interface ProjectionContext {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Physical (quoted) name of one of the projection's own tables: the live one, or the fresh copy during a rebuild. */
  table(logicalName: string): string;
}

export interface Projection {
  readonly name: string;
  /** Changing it triggers a blue/green rebuild. */
  readonly version: number;
  /** Event types it reads (the subscription's server-side filter). */
  readonly handles: readonly string[];
  /** Read-model tables it owns (copied and swapped on rebuild). */
  readonly tables: readonly string[];
  apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
}

export type ProjectionState = 'running' | 'standby' | 'rebuilding' | 'stopped' | 'failing';

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: Position | null;
  lagEvents: number;
  lagSeconds: number;
  deadLetters: number;
  status: ProjectionState;
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
  batchSize?: number;
  lockRetryMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
}

export const silentLogger: ProjectionLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
