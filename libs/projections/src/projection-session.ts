import type pg from 'pg';
import type { EventStore, Position, SubscriptionBatch } from '#event-store';
import { ProjectionHaltedError, type BatchApplier } from './batch-applier.js';
import {
  CheckpointMovedError,
  type CheckpointRow,
  type CheckpointStore,
  type Track,
} from './checkpoint-store.js';
import { Gate, Mutex } from './coordination.js';
import type { Projection, ProjectionLogger } from './projection.js';
import {
  analyzeTables,
  buildDeferredIndexes,
  createNextTables,
  nextTablesExist,
  swapTables,
} from './rebuild-tables.js';
import { inTransaction, sleep } from './sql.js';

/** A swap that cannot lock the live tables by then fails; the rebuild resumes and tries again. */
const SWAP_LOCK_TIMEOUT = '5s';
/**
 * Events a track applies while catching up before it first gathers statistics on its tables; then
 * at each doubling.
 */
const FIRST_ANALYZE_AT = 1_000;
/** Memory for each sort that builds a rebuild's deferred index (PostgreSQL's default is 64MB). */
const DEFERRED_INDEX_MEMORY = '256MB';

export interface ProjectionSessionOptions {
  readonly store: EventStore;
  readonly pool: pg.Pool;
  readonly projection: Projection;
  readonly checkpoints: CheckpointStore;
  readonly applier: BatchApplier;
  readonly logger: ProjectionLogger;
  readonly batchSize: number;
  /** A rebuild's batches: nothing reads its tables until the swap, so larger ones cost no one a wait. */
  readonly rebuildBatchSize: number;
  /** How often to look for a rebuild requested by another process. */
  readonly rebuildPollMs: number;
  /**
   * Gathers statistics on the tables a track fills while it catches up: a rebuild's fresh tables,
   * and the live tables of a projection far behind the log (a first start on a long log).
   */
  readonly analyzeWhileCatchingUp: boolean;
}

/** This instance runs older code than the one that last wrote the projection. */
export class StaleProjectionVersionError extends Error {
  override readonly name = 'StaleProjectionVersionError';

  constructor(projection: Projection, row: CheckpointRow) {
    const stored = Math.max(row.version, row.rebuildVersion ?? 0);
    super(
      `Projection ${projection.name} is at version ${stored}; this code is version ${projection.version}`,
    );
  }
}

/**
 * What the instance holding a projection's lock does: follow the log into the live tables
 * and, when asked or when the code's version changed, rebuild fresh tables next to them and
 * swap them in once they caught up. Batches of the two tracks never overlap.
 */
export class ProjectionSession {
  private readonly mutex = new Mutex();
  /** Closed while a caught-up rebuild overtakes the live checkpoint before the swap. */
  private readonly liveGate = new Gate();
  private liveRestart = new AbortController();
  rebuilding = false;

  constructor(private readonly options: ProjectionSessionOptions) {}

  /** Runs until `signal` aborts; throws when either track fails. */
  async run(signal: AbortSignal): Promise<void> {
    const { projection, checkpoints } = this.options;
    const row = await checkpoints.ensure(projection.name, projection.version);
    if (Math.max(row.version, row.rebuildVersion ?? 0) > projection.version) {
      throw new StaleProjectionVersionError(projection, row);
    }
    const failed = new AbortController();
    const session = AbortSignal.any([signal, failed.signal]);
    const stopOnFailure = (error: unknown): never => {
      failed.abort();
      throw error;
    };
    const [live, rebuilds] = await Promise.allSettled([
      this.followLive(session).catch(stopOnFailure),
      this.rebuildWhenNeeded(session).catch(stopOnFailure),
    ]);
    const failure = [live, rebuilds].find((result) => result.status === 'rejected');
    if (failure && !signal.aborted) throw failure.reason;
  }

  private async followLive(session: AbortSignal): Promise<void> {
    while (!session.aborted) {
      this.liveRestart = new AbortController();
      try {
        await this.followLiveOnce(AbortSignal.any([session, this.liveRestart.signal]), session);
      } catch (error) {
        if (await waitedOutHalt(error, session)) continue;
        if (!(error instanceof CheckpointMovedError)) throw error;
        this.options.logger.warn(
          { projection: this.options.projection.name, error: error.message },
          'projection checkpoint moved by another instance; restarting from the stored checkpoint',
        );
      }
    }
  }

  private async followLiveOnce(iteration: AbortSignal, session: AbortSignal): Promise<void> {
    const { checkpoints, projection, applier } = this.options;
    let from = (await checkpoints.read(projection.name))?.checkpoint ?? null;
    const statistics = this.statisticsWhileCatchingUp('live');
    for await (const batch of this.subscribe(from, iteration, 'live')) {
      await this.liveGate.pass(iteration);
      const applied = await this.mutex.run(async () => {
        if (iteration.aborted) return false;
        await applier.apply(batch, from, 'live', session);
        return true;
      });
      if (!applied) return;
      from = batch.checkpoint;
      await statistics(batch);
    }
  }

  /**
   * Tables filled from far behind the log have statistics from when they were small, or none, and
   * nothing else may gather them in time (autovacuum may be off, or slower than a catch-up): the
   * planner then keeps plans made for empty tables, such as a merge join that reads a whole table
   * to delete a batch's few keys. So each track counts the events it applies short of the log's
   * end and analyzes its tables at 1,000 and at each doubling after: a few sampled analyses in all,
   * and none while the track keeps up.
   */
  private statisticsWhileCatchingUp(track: Track): (batch: SubscriptionBatch) => Promise<void> {
    const { projection, pool, analyzeWhileCatchingUp } = this.options;
    let applied = 0;
    let analyzeAt = FIRST_ANALYZE_AT;
    return async (batch) => {
      if (!analyzeWhileCatchingUp || batch.caughtUp) return;
      applied += batch.events.length;
      if (applied < analyzeAt) return;
      await analyzeTables(pool, projection, track);
      analyzeAt = applied * 2;
    };
  }

  private async rebuildWhenNeeded(session: AbortSignal): Promise<void> {
    const { checkpoints, projection, rebuildPollMs } = this.options;
    while (!session.aborted) {
      const row = (await checkpoints.read(projection.name))!;
      const wanted = row.version !== projection.version || row.rebuildRequested;
      const unfinished = row.rebuildVersion === projection.version;
      if (!wanted && !unfinished) {
        await sleep(rebuildPollMs, session);
        continue;
      }
      try {
        await this.rebuild(row, session);
      } catch (error) {
        // A halted rebuild resumes from its own checkpoint on the next turn.
        if (!(await waitedOutHalt(error, session))) throw error;
      }
    }
  }

  private async rebuild(row: CheckpointRow, session: AbortSignal): Promise<void> {
    const { projection, pool, checkpoints, logger, applier } = this.options;
    const resume =
      row.rebuildVersion === projection.version &&
      !row.rebuildRequested &&
      (await nextTablesExist(pool, projection.tables));
    if (!resume) {
      await inTransaction(pool, async (client) => {
        await createNextTables(client, projection);
        await checkpoints.beginRebuild(client, projection.name, projection.version);
      });
    }
    logger.info(
      { projection: projection.name, version: projection.version, resume },
      'projection rebuild started',
    );
    this.rebuilding = true;
    // Also after a resume: summaries a process wrote before it stopped are filled again from scratch.
    applier.rebuildSummariesDeferred = projection.summarize !== undefined;
    try {
      let from = resume ? row.rebuildCheckpoint : null;
      const statistics = this.statisticsWhileCatchingUp('rebuild');
      for await (const batch of this.subscribe(from, session, 'rebuild')) {
        await this.mutex.run(() => applier.apply(batch, from, 'rebuild', session));
        from = batch.checkpoint;
        await statistics(batch);
        if (!batch.caughtUp) continue;
        if (applier.rebuildSummariesDeferred) await this.mutex.run(() => applier.summarizeRebuild());
        // Outside the mutex: the live track goes on while the indexes build.
        const built = await buildDeferredIndexes(pool, projection, DEFERRED_INDEX_MEMORY);
        if (built > 0)
          logger.info({ projection: projection.name, built }, 'projection rebuild built its indexes');
        if (await this.trySwap(from)) return;
      }
    } finally {
      this.rebuilding = false;
      applier.rebuildSummariesDeferred = false;
      this.liveGate.open();
    }
  }

  /** Swaps once the rebuild is at or past the live checkpoint; until then the live track waits. */
  private async trySwap(rebuilt: Position): Promise<boolean> {
    const { projection, pool, checkpoints, store, logger } = this.options;
    this.liveGate.close();
    const swapped = await this.mutex.run(async () => {
      const live = (await checkpoints.read(projection.name))?.checkpoint ?? null;
      if (live !== null && store.comparePositions(rebuilt, live) < 0) return false;
      await inTransaction(pool, async (client) => {
        // Renaming waits for reads of the live tables, and reads queue behind it: keep that short.
        await client.query(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT}'`);
        if (!(await checkpoints.promoteRebuild(client, projection.name, rebuilt))) {
          throw new CheckpointMovedError(projection.name, 'rebuild', rebuilt);
        }
        await swapTables(client, projection.tables);
      });
      // Inside the mutex, so a live batch read before the swap is dropped rather than tried.
      this.liveRestart.abort();
      // The rebuilt tables are past any event the live track had halted at.
      this.options.applier.clearHalt('live');
      return true;
    });
    if (!swapped) return false;
    await checkpoints.announce(projection.name).catch(() => undefined);
    logger.info(
      { projection: projection.name, version: projection.version, checkpoint: rebuilt },
      'projection rebuilt and swapped in',
    );
    return true;
  }

  private subscribe(
    from: Position | null,
    signal: AbortSignal,
    track: Track,
  ): AsyncIterable<SubscriptionBatch> {
    const { store, projection } = this.options;
    const batchSize = track === 'live' ? this.options.batchSize : this.options.rebuildBatchSize;
    return store.subscribe({ from, filter: { eventTypes: projection.handles }, batchSize, signal });
  }
}

/**
 * For a track halted before an event: pauses (outside the mutex, so the other track goes on) and
 * answers true, after which the track resubscribes from its stored checkpoint and tries again.
 */
async function waitedOutHalt(error: unknown, session: AbortSignal): Promise<boolean> {
  if (!(error instanceof ProjectionHaltedError)) return false;
  await sleep(error.retryInMs, session);
  return true;
}
