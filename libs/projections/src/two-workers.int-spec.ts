import type { ProjectionEngine } from '#projections';
import { ProjectionsHarness } from '../test-support/harness.js';
import {
  appendTallies,
  eventually,
  readTallies,
  streamNames,
  talliesProjection,
} from '../test-support/tallies.js';

/** Two workers, each with its own pool and event store connection, on one database. */
describe('two workers running the same projection', () => {
  let harness: ProjectionsHarness;
  let workers: Record<'a' | 'b', ProjectionEngine>;
  const projection = talliesProjection();

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
    const start = (name: string) =>
      harness.startEngine({
        projections: [projection],
        pool: harness.newPool(`worker-${name}`),
        store: harness.newStore(`worker-${name}-store`),
        batchSize: 10,
      });
    workers = { a: await start('a'), b: await start('b') };
  });
  afterEach(async () => {
    await harness.close();
  });

  const stateOf = (worker: ProjectionEngine) => worker.states()['tallies'];
  const activeWorker = async (): Promise<'a' | 'b'> => {
    await eventually(
      () => stateOf(workers.a) === 'running' || stateOf(workers.b) === 'running',
      5_000,
      'an active worker',
    );
    return stateOf(workers.a) === 'running' ? 'a' : 'b';
  };
  const appendConcurrently = async (streams: readonly string[], perStream: number) => {
    const positions = await Promise.all(
      streams.map((stream) => appendTallies(harness.store, [stream], perStream)),
    );
    return positions.reduce((latest, position) =>
      harness.store.comparePositions(position, latest) > 0 ? position : latest,
    );
  };
  const expected = (streams: readonly string[], count: number) =>
    Object.fromEntries(streams.map((s) => [s, count]));

  it('applies each event once: one worker runs, the other stands by', async () => {
    const active = await activeWorker();
    const standby = active === 'a' ? 'b' : 'a';
    const streams = streamNames('together', 10);
    const last = await appendConcurrently(streams, 15);

    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 15_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(expected(streams, 15));
    expect(stateOf(workers[active])).toBe('running');
    expect(stateOf(workers[standby])).toBe('standby');
  });

  it('hands the projection to the standby when the active worker stops', async () => {
    const active = await activeWorker();
    const standby = active === 'a' ? 'b' : 'a';
    const streams = streamNames('handed-over', 6);
    const monitor = harness.monitor([projection]);
    expect(await monitor.waitFor(['tallies'], await appendConcurrently(streams, 5), 15_000)).toBe(true);

    await workers[active].stop();
    await eventually(() => stateOf(workers[standby]) === 'running', 5_000, 'the standby taking over');
    expect(await monitor.waitFor(['tallies'], await appendConcurrently(streams, 5), 15_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(expected(streams, 10));
  });

  it('applies each event once when the active worker loses its connections mid-stream', async () => {
    const active = await activeWorker();
    const streams = streamNames('severed', 8);
    const monitor = harness.monitor([projection]);
    const appending = appendConcurrently(streams, 25);
    await eventually(async () => (await harness.checkpointOf('tallies')) !== null, 10_000, 'a first batch');
    // What a crashed host looks like from the database: every session of the worker ends at once.
    const { rows } = await harness.pool.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1`,
      [`worker-${active}`],
    );
    expect(rows.length).toBeGreaterThan(0);

    expect(await monitor.waitFor(['tallies'], await appending, 20_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(expected(streams, 25));
    const states = [stateOf(workers.a), stateOf(workers.b)].sort();
    expect(states).toEqual(['running', 'standby']);
  });
});
