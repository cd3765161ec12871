import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { RecordedEvent } from '#event-store';
import { ProjectionsHarness } from '../test-support/harness.js';
import {
  appendTallies,
  eventually,
  readTallies,
  streamNames,
  talliesProjection,
} from '../test-support/tallies.js';

const WORKER = path.resolve(__dirname, '../test-support/slow-tallies-worker.cjs');
const WORKER_NAME = 'slow-tallies-worker';
const BATCH_SIZE = 40;

/** The killed worker ran in its own process; a crash must leave whole batches only. */
describe('a projection worker killed in the middle of a batch', () => {
  let harness: ProjectionsHarness;
  let worker: ChildProcess | null = null;
  const output: string[] = [];

  beforeAll(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await harness.close();
  });

  const batchesStarted = (): number => output.join('').split('batch started').length - 1;

  const openBatchTransactions = async (): Promise<number> => {
    const { rows } = await harness.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND backend_xid IS NOT NULL`,
      [WORKER_NAME],
    );
    return rows[0]!.open;
  };

  const eventsUpTo = async (checkpoint: string | null, streams: readonly string[]): Promise<number> => {
    if (checkpoint === null) return 0;
    const events: RecordedEvent[] = [];
    for (const stream of streams)
      for await (const event of harness.store.readStream(stream)) events.push(event);
    return events.filter((event) => harness.store.comparePositions(event.position, checkpoint) <= 0).length;
  };

  it('leaves the read model as if each event was applied exactly once', async () => {
    const streams = streamNames('killed', 8);
    const last = await appendTallies(harness.store, streams, 20);

    worker = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        DATABASE_URL: harness.database.url,
        APPLICATION_NAME: WORKER_NAME,
        BATCH_SIZE: `${BATCH_SIZE}`,
        PAUSE_MS: '15',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    worker.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    // The second batch has started, so the first has committed; kill while its transaction is open.
    await eventually(() => batchesStarted() >= 2, 20_000, 'a second batch');
    await eventually(async () => (await openBatchTransactions()) > 0, 5_000, 'an open batch transaction');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await openBatchTransactions()).toBeGreaterThan(0);
    const exited = once(worker, 'exit');
    worker.kill('SIGKILL');
    const [, signal] = await exited;
    worker = null;
    expect(signal).toBe('SIGKILL');

    // The server notices the dead client once its statement ends, and rolls the batch back.
    await eventually(
      async () => (await openBatchTransactions()) === 0,
      10_000,
      'the rollback of the killed batch',
    );
    const checkpoint = await harness.checkpointOf('tallies');
    const counted = Object.values(await readTallies(harness.pool)).reduce((sum, applied) => sum + applied, 0);
    expect(counted).toBeGreaterThanOrEqual(BATCH_SIZE);
    expect(counted % BATCH_SIZE).toBe(0);
    expect(counted).toBe(await eventsUpTo(checkpoint, streams));

    const projection = talliesProjection();
    await harness.startEngine({ projections: [projection], batchSize: BATCH_SIZE });
    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 20_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(
      Object.fromEntries(streams.map((stream) => [stream, 20])),
    );
  });
});
