import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { EventStore, Position } from '#event-store';
import { heldLockCondition } from './advisory-lock.js';
import { CheckpointListener } from './checkpoint-listener.js';
import { type CheckpointRow, CheckpointStore } from './checkpoint-store.js';
import { countDeadLetters } from './dead-letters.js';
import { measureLags } from './lag.js';
import type { HaltedAt, Projection, ProjectionState, ProjectionStatus } from './projection.js';
import { sleep } from './sql.js';
import { registerStatusMetrics } from './status-metrics.js';

export interface ProjectionMonitorOptions {
  store: EventStore;
  pool: pg.Pool;
  projections: readonly Projection[];
  /** Polling fallback of waitFor, for announcements that got lost (default 250 ms). */
  pollIntervalMs?: number;
  /**
   * Where waitFor reads checkpoints: the replica that queries read (default `pool`). A checkpoint
   * commits with its rows, so once the replica shows it, the replica has the rows too.
   * Announcements still come from `pool`, since a standby cannot LISTEN.
   */
  checkpointsPool?: pg.Pool;
}

/** What the database says of a projection, without its lag: cheap enough for every scrape. */
export interface ProjectionCondition {
  readonly name: string;
  readonly status: ProjectionState;
  /** Events parked in projection_dead_letters. */
  readonly deadLetters: number;
  readonly halted?: HaltedAt;
}

/** Read side, usable from any process (api or worker): reads checkpoints from the database. */
export class ProjectionMonitor {
  private readonly checkpoints: CheckpointStore;
  private readonly awaitedCheckpoints: CheckpointStore;
  private readonly listener: CheckpointListener;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: ProjectionMonitorOptions) {
    this.checkpoints = new CheckpointStore(options.pool);
    this.awaitedCheckpoints = new CheckpointStore(options.checkpointsPool ?? options.pool);
    this.listener = new CheckpointListener({ ...options.pool.options });
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const { store, pool, projections } = this.options;
    const names = projections.map((projection) => projection.name);
    const [lags, deadLetters, running] = await Promise.all([
      measureLags(store, this.checkpoints, projections),
      countDeadLetters(pool, names),
      this.runningProjections(names),
    ]);
    return projections.map((projection) => {
      const { row, checkpoint, lag } = lags.get(projection.name)!;
      return {
        name: projection.name,
        version: row?.version ?? projection.version,
        checkpoint,
        lagEvents: lag.events,
        lagSeconds: lag.seconds,
        deadLetters: deadLetters.get(projection.name) ?? 0,
        status: stateOf(row, running.has(projection.name)),
        ...(row?.halted ? { halted: row.halted } : {}),
      };
    });
  }

  /** Status, dead letters and halt of each projection, from its row and lock only. */
  async conditions(): Promise<ProjectionCondition[]> {
    const names = this.options.projections.map((projection) => projection.name);
    const [rows, deadLetters, running] = await Promise.all([
      this.checkpoints.readMany(names),
      countDeadLetters(this.options.pool, names),
      this.runningProjections(names),
    ]);
    const byName = new Map(rows.map((row) => [row.projection, row]));
    return names.map((name) => {
      const row = byName.get(name);
      return {
        name,
        status: stateOf(row, running.has(name)),
        deadLetters: deadLetters.get(name) ?? 0,
        ...(row?.halted ? { halted: row.halted } : {}),
      };
    });
  }

  /** Gauges of parked dead letters, halts and statuses, read from the database at each scrape. */
  registerMetrics(registry: Registry): void {
    registerStatusMetrics(registry, () => this.conditions());
  }

  /** True once every named projection's checkpoint is at or past `position`. */
  async hasPassed(names: readonly string[], position: Position): Promise<boolean> {
    // Every projection has passed the origin, even one that has applied nothing yet.
    if (this.options.store.comparePositions(position, this.options.store.origin) <= 0) return true;
    const rows = await this.awaitedCheckpoints.readMany(names);
    const passed = new Set(
      rows
        .filter(
          (row) =>
            row.checkpoint !== null && this.options.store.comparePositions(row.checkpoint, position) >= 0,
        )
        .map((row) => row.projection),
    );
    return names.every((name) => passed.has(name));
  }

  /** Waits (LISTEN on checkpoint changes, with polling fallback) up to timeoutMs; false when the bound passed. */
  async waitFor(names: readonly string[], position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    if (await this.hasPassed(names, position)) return true;
    let moved = new AbortController();
    const stopListening = await this.listener.onChange((projection) => {
      if (names.includes(projection)) moved.abort();
    });
    try {
      for (;;) {
        // Again once listening: the checkpoint may have moved while the LISTEN was set up.
        if (await this.hasPassed(names, position)) return true;
        const remaining = deadline - Date.now();
        if (remaining <= 0) return false;
        await sleep(Math.min(remaining, this.pollIntervalMs), moved.signal);
        moved = new AbortController();
      }
    } finally {
      stopListening();
    }
  }

  /**
   * Asks whichever process holds the projection to rebuild it into fresh tables and swap when
   * caught up; false when no projection has that name.
   */
  async requestRebuild(name: string): Promise<boolean> {
    const projection = this.options.projections.find((candidate) => candidate.name === name);
    if (!projection) return false;
    await this.checkpoints.requestRebuild(name, projection.version);
    return true;
  }

  /** Closes the connection waitFor listens on. */
  async close(): Promise<void> {
    await this.listener.close();
  }

  /** Projections whose advisory lock some process holds right now. */
  private async runningProjections(names: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.options.pool.query<{ name: string }>(
      `SELECT name FROM unnest($1::text[]) AS name
       WHERE EXISTS (SELECT 1 FROM pg_locks WHERE ${heldLockCondition('name')})`,
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }
}

/** A halt outlives the process that ran into it: until the event applies, the projection is behind. */
function stateOf(row: CheckpointRow | undefined, running: boolean): ProjectionState {
  if (row?.halted) return 'halted';
  if (!running) return 'stopped';
  if (row?.lastError) return 'failing';
  return row?.rebuildVersion != null ? 'rebuilding' : 'running';
}
