import { ProjectionsHarness } from '../test-support/harness.js';
import { appendTallies, readTallies, streamNames, talliesProjection } from '../test-support/tallies.js';

/** When the live table was last analyzed by hand (or by a rebuild), as the statistics views say. */
const lastAnalyzed = async (harness: ProjectionsHarness): Promise<Date | null> =>
  (
    await harness.pool.query<{ at: Date | null }>(
      `SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'tallies'`,
    )
  ).rows[0]!.at;

describe('statistics of the tables a projection fills while catching up', () => {
  let harness: ProjectionsHarness;
  const streams = streamNames('analyzed', 4);

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** Version 1 over 1,200 events, then a rebuild into version 2; answers the tables' last analysis. */
  async function rebuild(analyzeWhileCatchingUp: boolean): Promise<Date | null> {
    const last = await appendTallies(harness.store, streams, 300);
    const v1 = talliesProjection({ version: 1 });
    const first = await harness.startEngine({ projections: [v1], analyzeWhileCatchingUp: false });
    expect(await harness.monitor([v1]).waitFor(['tallies'], last, 20_000)).toBe(true);
    await first.stop();
    expect(await lastAnalyzed(harness)).toBeNull();

    const v2 = talliesProjection({ version: 2, weight: 2 });
    const second = await harness.startEngine({ projections: [v2], batchSize: 100, analyzeWhileCatchingUp });
    const deadline = Date.now() + 20_000;
    while ((await readTallies(harness.pool))[streams[0]!] !== 600 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await second.stop();
    expect(await readTallies(harness.pool)).toEqual(
      Object.fromEntries(streams.map((stream) => [stream, 600])),
    );
    return lastAnalyzed(harness);
  }

  it('gathers them while a rebuild’s fresh tables grow, so they come in with the swap', async () => {
    expect(await rebuild(true)).toBeInstanceOf(Date);
  });

  it('gathers none when told not to (as a rebuild did before)', async () => {
    expect(await rebuild(false)).toBeNull();
  });

  /** Version 1 from zero over 1,200 events; answers the live table's last analysis. */
  async function catchUp(options: { batchSize?: number }): Promise<Date | null> {
    const last = await appendTallies(harness.store, streams, 300);
    const projection = talliesProjection({ version: 1 });
    const engine = await harness.startEngine({ projections: [projection], ...options });
    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 20_000)).toBe(true);
    await engine.stop();
    expect(await readTallies(harness.pool)).toEqual(
      Object.fromEntries(streams.map((stream) => [stream, 300])),
    );
    return lastAnalyzed(harness);
  }

  it('gathers them on the live tables of a first start far behind the log', async () => {
    expect(await catchUp({ batchSize: 100 })).toBeInstanceOf(Date);
  });

  it('gathers none while every batch reaches the end of the log', async () => {
    expect(await catchUp({ batchSize: 2_000 })).toBeNull();
  });
});
