import type { SubscriptionBatch } from '#event-store';
import { ProjectionsHarness } from '../test-support/harness.js';
import {
  appendTallies,
  eventually,
  readTallies,
  streamNames,
  talliesProjection,
} from '../test-support/tallies.js';
import { BatchApplier } from './batch-applier.js';
import { CheckpointMovedError, CheckpointStore } from './checkpoint-store.js';
import { silentLogger } from './projection.js';
import { ProjectionMetrics } from './projection-metrics.js';

describe('ProjectionEngine', () => {
  let harness: ProjectionsHarness;

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  const expectedTallies = (streams: readonly string[], count: number) =>
    Object.fromEntries(streams.map((stream) => [stream, count]));

  it('applies each batch once and stores the checkpoint it reached', async () => {
    const projection = talliesProjection();
    const engine = await harness.startEngine({ projections: [projection], batchSize: 7 });
    const streams = streamNames('applied', 3);
    const last = await appendTallies(harness.store, streams, 20);

    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(expectedTallies(streams, 20));
    expect(
      harness.store.comparePositions((await harness.checkpointOf('tallies'))!, last),
    ).toBeGreaterThanOrEqual(0);
    await engine.stop();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    const projection = talliesProjection();
    const monitor = harness.monitor([projection]);
    const streams = streamNames('resumed', 4);
    const first = await harness.startEngine({ projections: [projection], batchSize: 5 });
    const before = await appendTallies(harness.store, streams, 10);
    expect(await monitor.waitFor(['tallies'], before, 10_000)).toBe(true);
    await first.stop();

    const after = await appendTallies(harness.store, streams, 10);
    const second = await harness.startEngine({ projections: [projection], batchSize: 5 });
    expect(await monitor.waitFor(['tallies'], after, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(expectedTallies(streams, 20));
    await second.stop();
  });

  it('rolls back a failed batch with its writes, so the retry counts each event once', async () => {
    // Counted per throw: another suite's open transaction may split the events into two batches.
    let failuresThrown = 0;
    const projection = talliesProjection({
      async before(events, context) {
        await context.query(
          `INSERT INTO ${context.table('tallies')} (stream_id, applied) VALUES ('written-before-failing', 1)`,
        );
        if (failuresThrown < 2) {
          failuresThrown += 1;
          throw new Error('read model briefly unavailable');
        }
        await context.query(
          `DELETE FROM ${context.table('tallies')} WHERE stream_id = 'written-before-failing'`,
        );
      },
    });
    const streams = streamNames('retried', 2);
    const last = await appendTallies(harness.store, streams, 5);
    const engine = await harness.startEngine({ projections: [projection], batchSize: 100, maxAttempts: 5 });

    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(failuresThrown).toBe(2);
    expect(await readTallies(harness.pool)).toEqual(expectedTallies(streams, 5));
    expect((await harness.pool.query('SELECT * FROM projection_dead_letters')).rows).toEqual([]);
    await engine.stop();
  });

  it('stops gracefully: the batch in progress commits, then the lock is let go', async () => {
    let batchStarted = false;
    const projection = talliesProjection({
      async before(_events, context) {
        batchStarted = true;
        await context.query('SELECT pg_sleep(0.3)');
      },
    });
    // One append, so one transaction: the first batch holds all of it.
    const streams = streamNames('stopped', 1);
    const last = await appendTallies(harness.store, streams, 3);
    const engine = await harness.startEngine({ projections: [projection] });
    await eventually(() => batchStarted, 5_000, 'a batch in progress');

    await engine.stop();
    expect(await readTallies(harness.pool)).toEqual(expectedTallies(streams, 3));
    expect(await harness.checkpointOf('tallies')).toBe(last);
    expect(engine.states()).toEqual({ tallies: 'stopped' });
    expect((await harness.monitor([projection]).statuses())[0]!.status).toBe('stopped');
  });

  it('moves the checkpoint only from where it found it (compare-and-set)', async () => {
    const projection = talliesProjection();
    const checkpoints = new CheckpointStore(harness.pool);
    await checkpoints.ensure(projection.name, projection.version);
    const streams = streamNames('contended', 3);
    await appendTallies(harness.store, streams, 4);
    const batch = await firstBatch(harness, projection.handles);
    const applier = () =>
      new BatchApplier({
        pool: harness.pool,
        checkpoints,
        projection,
        logger: silentLogger,
        metrics: new ProjectionMetrics(undefined, async () => new Map()),
        maxAttempts: 1,
        retryBaseMs: 1,
        maxRetryDelayMs: 1,
      });

    const signal = new AbortController().signal;
    const outcomes = await Promise.allSettled([
      applier().apply(batch, null, 'live', signal),
      applier().apply(batch, null, 'live', signal),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(CheckpointMovedError);
    const countedOnce: Record<string, number> = {};
    for (const event of batch.events) countedOnce[event.streamId] = (countedOnce[event.streamId] ?? 0) + 1;
    expect(batch.events.length).toBeGreaterThan(0);
    expect(await readTallies(harness.pool)).toEqual(countedOnce);
    expect(await harness.checkpointOf('tallies')).toBe(batch.checkpoint);
  });
});

async function firstBatch(
  harness: ProjectionsHarness,
  eventTypes: readonly string[],
): Promise<SubscriptionBatch> {
  const controller = new AbortController();
  for await (const batch of harness.store.subscribe({
    from: null,
    filter: { eventTypes },
    signal: controller.signal,
  })) {
    // Another suite's open transaction may hide the events at first: wait for a batch holding them.
    if (batch.events.length === 0) continue;
    controller.abort();
    return batch;
  }
  throw new Error('the subscription ended without a batch');
}
