import { ProjectionsHarness } from '../test-support/harness.js';
import {
  appendTallies,
  eventually,
  readTallies,
  streamNames,
  talliesProjection,
} from '../test-support/tallies.js';

/** A table's indexes as `pg_indexes` shows them: name and full definition. */
const indexesOf = async (harness: ProjectionsHarness, table: string) =>
  (
    await harness.pool.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = $1
       ORDER BY indexname`,
      [table],
    )
  ).rows;

describe("a rebuild's indexes that only readers use", () => {
  let harness: ProjectionsHarness;
  const streams = streamNames('indexed', 4);
  const tallies = (each: number) => Object.fromEntries(streams.map((stream) => [stream, each]));

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
    const v1 = talliesProjection({ version: 1 });
    const engine = await harness.startEngine({ projections: [v1] });
    const last = await appendTallies(harness.store, streams, 20);
    expect(await harness.monitor([v1]).waitFor(['tallies'], last, 10_000)).toBe(true);
    await engine.stop();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** Version 2 counts ten per event, slowly, leaving the readers' index (and, asked to, the key) off. */
  const slowV2 = () =>
    talliesProjection({
      version: 2,
      weight: 10,
      // The primary key is a constraint: named here, it is kept all the same.
      indexesForReadersOnly: ['tallies_by_applied', 'tallies_pkey'],
      before: async (_events, context) => void (await context.query('SELECT pg_sleep(0.02)')),
    });

  it('are left off the fresh table and built before the swap, with the live names and definitions', async () => {
    const before = await indexesOf(harness, 'tallies');
    expect(before.map((index) => index.name)).toEqual(['tallies_by_applied', 'tallies_pkey']);

    const engine = await harness.startEngine({ projections: [slowV2()], rebuildBatchSize: 5 });
    await eventually(
      async () => Object.keys(await readTallies(harness.pool, 'tallies__next').catch(() => ({}))).length > 0,
      10_000,
      'the rebuild under way',
    );
    expect((await indexesOf(harness, 'tallies__next')).map((index) => index.name)).toEqual([
      'tallies__next_pkey',
    ]);

    await eventually(async () => (await harness.storedVersion()) === 2, 20_000, 'the swap');
    expect(await indexesOf(harness, 'tallies')).toEqual(before);
    expect(await readTallies(harness.pool)).toEqual(tallies(200));
    await engine.stop();
  });

  it('are built by a rebuild that resumes after its process stopped', async () => {
    const first = await harness.startEngine({ projections: [slowV2()], rebuildBatchSize: 5 });
    await eventually(
      async () => Object.keys(await readTallies(harness.pool, 'tallies__next').catch(() => ({}))).length > 0,
      10_000,
      'the rebuild under way',
    );
    await first.stop();
    expect(await harness.storedVersion()).toBe(1);

    const second = await harness.startEngine({ projections: [slowV2()], rebuildBatchSize: 50 });
    await eventually(async () => (await harness.storedVersion()) === 2, 20_000, 'the swap');
    expect((await indexesOf(harness, 'tallies')).map((index) => index.name)).toEqual([
      'tallies_by_applied',
      'tallies_pkey',
    ]);
    expect(await readTallies(harness.pool)).toEqual(tallies(200));
    await second.stop();
  });
});
