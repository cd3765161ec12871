import { CheckpointStore } from './checkpoint-store.js';
import { measureLags } from './lag.js';
import {
  silentLogger,
  type Projection,
  type ProjectionEngineOptions,
  type ProjectionState,
} from './projection.js';
import { ProjectionMetrics } from './projection-metrics.js';
import { ProjectionRunner } from './projection-runner.js';

const DEFAULTS = {
  batchSize: 500,
  rebuildBatchSize: 1_000,
  lockRetryMs: 1_000,
  maxAttempts: 5,
  retryBaseMs: 100,
  maxRetryDelayMs: 30_000,
  analyzeWhileCatchingUp: true,
};

/** Runs the projections whose advisory lock this process holds; any number of processes may run one. */
export class ProjectionEngine {
  private readonly checkpoints: CheckpointStore;
  private readonly runners: ReadonlyMap<string, ProjectionRunner>;

  constructor(private readonly options: ProjectionEngineOptions) {
    assertDistinctNames(options.projections);
    this.checkpoints = new CheckpointStore(options.pool);
    const metrics = new ProjectionMetrics(options.metrics, () =>
      measureLags(options.store, this.checkpoints, options.projections),
    );
    const settings = { ...DEFAULTS, ...withoutUndefined(options) };
    this.runners = new Map(
      options.projections.map((projection) => [
        projection.name,
        new ProjectionRunner({
          ...settings,
          ...withoutUndefined(projection.retry ?? {}),
          store: options.store,
          pool: options.pool,
          projection,
          checkpoints: this.checkpoints,
          logger: options.logger ?? silentLogger,
          metrics,
        }),
      ]),
    );
  }

  /** Competes for each projection's advisory lock and runs those it holds, in the background. */
  async start(): Promise<void> {
    for (const runner of this.runners.values()) runner.start();
  }

  /** Graceful: the batch in progress commits, then locks are released and connections closed. */
  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** Asks whichever process holds the projection (this one or another) to rebuild it. */
  async requestRebuild(name: string): Promise<void> {
    const projection = this.options.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`No projection named ${name}`);
    await this.checkpoints.requestRebuild(name, projection.version);
  }

  /** What this process is doing with each projection. */
  states(): Record<string, ProjectionState> {
    return Object.fromEntries([...this.runners].map(([name, runner]) => [name, runner.state]));
  }
}

function assertDistinctNames(projections: readonly Projection[]): void {
  const names = projections.map((projection) => projection.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new Error(`Two projections are named ${repeated}`);
}

function withoutUndefined(
  options: Partial<Record<keyof typeof DEFAULTS, unknown>>,
): Partial<typeof DEFAULTS> {
  return Object.fromEntries(
    Object.keys(DEFAULTS)
      .map((key) => [key, options[key as keyof typeof DEFAULTS]])
      .filter(([, value]) => value !== undefined),
  );
}
