import type pg from 'pg';
import type { EventStore } from '#event-store';
import { AdvisoryLock } from './advisory-lock.js';
import { BatchApplier } from './batch-applier.js';
import type { CheckpointStore } from './checkpoint-store.js';
import type { Projection, ProjectionLogger, ProjectionState } from './projection.js';
import type { ProjectionMetrics } from './projection-metrics.js';
import { ProjectionSession } from './projection-session.js';
import { errorMessage, sleep } from './sql.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly pool: pg.Pool;
  readonly projection: Projection;
  readonly checkpoints: CheckpointStore;
  readonly logger: ProjectionLogger;
  readonly metrics: ProjectionMetrics;
  readonly batchSize: number;
  readonly rebuildBatchSize: number;
  readonly lockRetryMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly maxRetryDelayMs: number;
  readonly analyzeWhileCatchingUp: boolean;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Competes for one projection's advisory lock and, while it holds it, runs the projection.
 * Anything that goes wrong outside a batch (lost connection, lost lock) ends the session:
 * the lock is let go and the runner competes again after a growing pause.
 */
export class ProjectionRunner {
  private readonly stopping = new AbortController();
  private readonly applier: BatchApplier;
  private session: ProjectionSession | null = null;
  private competing = false;
  private done: Promise<void> | null = null;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.applier = new BatchApplier(options);
  }

  get state(): ProjectionState {
    if (this.session) {
      if (this.applier.halted) return 'halted';
      if (this.applier.failing) return 'failing';
      return this.session.rebuilding ? 'rebuilding' : 'running';
    }
    return this.competing ? 'standby' : 'stopped';
  }

  start(): void {
    this.done ??= this.loop();
  }

  /** Lets the batch in progress commit, then releases the lock and closes the connections. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.done;
  }

  private async loop(): Promise<void> {
    const { projection, logger, retryBaseMs } = this.options;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        await this.competeAndRun();
        failures = 0;
      } catch (error) {
        // The pause grows with failures in a row only: a session that got work done before it
        // failed starts the count again, or a long-lived process would wait ever longer.
        failures = this.applier.takeProgress() ? 1 : failures + 1;
        logger.error(
          { projection: projection.name, failures, error: errorMessage(error) },
          'projection stopped running',
        );
        await sleep(Math.min(MAX_RESTART_DELAY_MS, retryBaseMs * 2 ** (failures - 1)), this.stopping.signal);
      }
    }
  }

  private async competeAndRun(): Promise<void> {
    const { pool, projection, lockRetryMs, logger } = this.options;
    const lock = await AdvisoryLock.connect({ ...pool.options }, projection.name);
    this.competing = true;
    try {
      if (!(await lock.acquire(lockRetryMs, this.stopping.signal))) return;
      logger.info({ projection: projection.name }, 'projection lock taken; running');
      this.applier.reset();
      this.session = new ProjectionSession({
        ...this.options,
        applier: this.applier,
        rebuildPollMs: lockRetryMs,
      });
      await this.session.run(AbortSignal.any([this.stopping.signal, lock.lost]));
      if (lock.lost.aborted && !this.stopping.signal.aborted) {
        throw new Error(`the connection holding the lock of projection ${projection.name} was lost`);
      }
    } finally {
      this.session = null;
      this.competing = false;
      await lock.close();
    }
  }
}
