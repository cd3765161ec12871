import type { Projection } from '#projections';
import { ProjectionsHarness } from '../test-support/harness.js';
import { addTallies, appendTallies, eventually, streamNames, TALLIED } from '../test-support/tallies.js';

/**
 * Tallies with a summary table, the sum of every stream's tally: kept by each batch, except while a
 * rebuild catches up, when `summarize` sums it once. Records what each batch was told.
 */
function summedTallies(version: number, seen: { deferred: boolean[]; summaries: number }): Projection {
  return {
    name: 'tallies',
    version,
    handles: [TALLIED],
    tables: ['tallies', 'tally_sum'],
    async apply(events, context) {
      seen.deferred.push(context.summariesDeferred ?? false);
      await context.query('SELECT pg_sleep(0.01)');
      await addTallies(events, context);
      if (context.summariesDeferred) return;
      await context.query(
        `INSERT INTO ${context.table('tally_sum')} AS s (id, total) VALUES (true, $1)
         ON CONFLICT (id) DO UPDATE SET total = s.total + EXCLUDED.total`,
        [events.length],
      );
    },
    async summarize(context) {
      seen.summaries += 1;
      await context.query(`TRUNCATE ${context.table('tally_sum')}`);
      await context.query(
        `INSERT INTO ${context.table('tally_sum')} (id, total)
         SELECT true, sum(applied) FROM ${context.table('tallies')} HAVING count(*) > 0`,
      );
    },
  };
}

describe('a rebuild that leaves summaries to the end', () => {
  let harness: ProjectionsHarness;
  const streams = streamNames('summed', 4);

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
    await harness.pool.query(`CREATE TABLE tally_sum (id boolean PRIMARY KEY, total integer NOT NULL)`);
  });
  afterEach(async () => {
    await harness.close();
  });

  const sum = async (table = 'tally_sum') =>
    (await harness.pool.query<{ total: number }>(`SELECT total FROM ${table}`)).rows[0]?.total ?? null;
  const tallied = async (table: string) =>
    Number(
      (await harness.pool.query<{ n: string }>(`SELECT coalesce(sum(applied), 0) AS n FROM ${table}`))
        .rows[0]!.n,
    );

  it('keeps the summary in each live batch, defers it while rebuilding and fills it before the swap', async () => {
    const live = { deferred: [] as boolean[], summaries: 0 };
    const v1 = summedTallies(1, live);
    const first = await harness.startEngine({ projections: [v1], batchSize: 10 });
    const last = await appendTallies(harness.store, streams, 20);
    expect(await harness.monitor([v1]).waitFor(['tallies'], last, 10_000)).toBe(true);
    await first.stop();
    expect(await sum()).toBe(80);
    expect(live).toEqual({ deferred: expect.arrayContaining([false]), summaries: 0 });
    expect(live.deferred).not.toContain(true);

    const rebuild = { deferred: [] as boolean[], summaries: 0 };
    const second = await harness.startEngine({
      projections: [summedTallies(2, rebuild)],
      rebuildBatchSize: 5,
    });
    // While it catches up the fresh summary stays empty, though the fresh tallies grow.
    await eventually(async () => (await tallied('tallies__next').catch(() => 0)) > 10, 10_000, 'tallies');
    expect(await sum('tally_sum__next')).toBeNull();

    await eventually(async () => (await harness.storedVersion()) === 2, 20_000, 'the swap');
    expect(await sum()).toBe(80);
    expect(rebuild.summaries).toBe(1);
    expect(rebuild.deferred.slice(0, 16)).toEqual(Array.from({ length: 16 }, () => true));

    // After the swap the live batches keep it again.
    const more = await appendTallies(harness.store, streams, 1);
    expect(await harness.monitor([summedTallies(2, rebuild)]).waitFor(['tallies'], more, 10_000)).toBe(true);
    expect(await sum()).toBe(84);
    expect(rebuild.deferred.at(-1)).toBe(false);
    await second.stop();
  });

  it('fills it again from scratch when a rebuild resumes in another process', async () => {
    const v1 = summedTallies(1, { deferred: [], summaries: 0 });
    const first = await harness.startEngine({ projections: [v1] });
    const last = await appendTallies(harness.store, streams, 20);
    expect(await harness.monitor([v1]).waitFor(['tallies'], last, 10_000)).toBe(true);
    await first.stop();

    const stopped = { deferred: [] as boolean[], summaries: 0 };
    const second = await harness.startEngine({
      projections: [summedTallies(2, stopped)],
      rebuildBatchSize: 5,
    });
    await eventually(async () => (await tallied('tallies__next').catch(() => 0)) > 10, 10_000, 'tallies');
    await second.stop();
    expect(await harness.storedVersion()).toBe(1);

    const resumed = { deferred: [] as boolean[], summaries: 0 };
    const third = await harness.startEngine({
      projections: [summedTallies(2, resumed)],
      rebuildBatchSize: 50,
    });
    await eventually(async () => (await harness.storedVersion()) === 2, 20_000, 'the swap');
    expect(resumed.summaries).toBe(1);
    expect(await sum()).toBe(80);
    expect(await tallied('tallies')).toBe(80);
    await third.stop();
  });
});
