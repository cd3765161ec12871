import { ProjectionsHarness } from '../test-support/harness.js';
import { appendTallies, readTallies, streamNames, talliesProjection } from '../test-support/tallies.js';

/** When the live table was last analyzed by hand (or by a rebuild), as the statistics views say. */
const lastAnalyzed = async (harness: ProjectionsHarness): Promise<Date | null> =>
  (
    await harness.pool.query<{ at: Date | null }>(
      `SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'tallies'`,
    )
  ).rows[0]!.at;

describe('statistics of a rebuild’s fresh tables', () => {
  let harness: ProjectionsHarness;
  const streams = streamNames('analyzed', 4);

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** Version 1 over 1,200 events, then a rebuild into version 2; answers the tables' last analysis. */
  async function rebuild(analyzeWhileRebuilding: boolean): Promise<Date | null> {
    const last = await appendTallies(harness.store, streams, 300);
    const v1 = talliesProjection({ version: 1 });
    const first = await harness.startEngine({ projections: [v1] });
    expect(await harness.monitor([v1]).waitFor(['tallies'], last, 20_000)).toBe(true);
    await first.stop();
    expect(await lastAnalyzed(harness)).toBeNull();

    const v2 = talliesProjection({ version: 2, weight: 2 });
    const second = await harness.startEngine({ projections: [v2], batchSize: 100, analyzeWhileRebuilding });
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

  it('gathers them while the fresh tables grow, so they come in with the swap', async () => {
    expect(await rebuild(true)).toBeInstanceOf(Date);
  });

  it('gathers none when told not to (as a rebuild did before)', async () => {
    expect(await rebuild(false)).toBeNull();
  });
});
