import type { ProjectionEngine } from '#projections';
import { ProjectionsHarness } from '../test-support/harness.js';
import {
  appendTallies,
  eventually,
  newEvent,
  readTallies,
  streamNames,
  TALLIED,
  talliesProjection,
} from '../test-support/tallies.js';

describe('rebuilding a projection (blue/green)', () => {
  let harness: ProjectionsHarness;
  const streams = streamNames('rebuilt', 4);
  const tallies = (perStream: number, first = perStream) =>
    Object.fromEntries(streams.map((stream, index) => [stream, index === 0 ? first : perStream]));

  beforeAll(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterAll(async () => {
    await harness.close();
  });

  const tableExists = async (name: string) =>
    (await harness.pool.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [name]))
      .rows[0]!.found;
  const indexNames = async () =>
    (
      await harness.pool.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'tallies' ORDER BY indexname`,
      )
    ).rows.map((row) => row.name);

  it('rebuilds from zero into fresh tables when the version changes; reads see the old model until the swap', async () => {
    const v1 = talliesProjection({ version: 1 });
    const first = await harness.startEngine({ projections: [v1] });
    expect(
      await harness
        .monitor([v1])
        .waitFor(['tallies'], await appendTallies(harness.store, streams, 15), 10_000),
    ).toBe(true);
    await first.stop();

    // Version 2 counts each event ten times, slowly, so the rebuild takes a while.
    const v2 = talliesProjection({
      version: 2,
      weight: 10,
      before: async (_events, context) => void (await context.query('SELECT pg_sleep(0.05)')),
    });
    const second = await harness.startEngine({ projections: [v2], batchSize: 3, rebuildBatchSize: 3 });
    const seen = await watchLiveTableUntil(async () => (await harness.storedVersion()) === 2, second);

    expect(seen.states).toContain('rebuilding');
    expect(seen.nextTableExisted).toBe(true);
    // Every read saw a complete model: the old one (plus the event appended meanwhile, which the
    // live table got from the new code, weight 10) or, right at the end, the swapped-in new one.
    expect(seen.reads.length).toBeGreaterThan(5);
    expect(seen.reads).toContainEqual(tallies(15, 25));
    for (const read of seen.reads)
      expect([tallies(15), tallies(15, 25), tallies(150, 160)]).toContainEqual(read);
    expect(await readTallies(harness.pool)).toEqual(tallies(150, 160));
    expect(await tableExists('tallies__next')).toBe(false);
    expect(await tableExists('tallies__old')).toBe(false);
    expect(await indexNames()).toEqual(['tallies_by_applied', 'tallies_pkey']);
    await second.stop();
  });

  it('rebuilds on request, with the same version, from any process', async () => {
    const v2 = talliesProjection({ version: 2, weight: 10 });
    const engine = await harness.startEngine({ projections: [v2] });
    await harness.pool.query(`UPDATE tallies SET applied = 0`);

    const requester = await harness.startEngine({ projections: [v2], pool: harness.newPool('requester') });
    await requester.requestRebuild('tallies');
    await eventually(
      async () => (await readTallies(harness.pool))[streams[1]!] === 150,
      10_000,
      'the rebuilt model',
    );

    expect(await readTallies(harness.pool)).toEqual(tallies(150, 160));
    const last = await appendTallies(harness.store, streams, 1);
    expect(await harness.monitor([v2]).waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual(tallies(160, 170));
    await Promise.all([engine.stop(), requester.stop()]);
  });

  it('is left alone by a worker that runs an older version of the code', async () => {
    const errors: object[] = [];
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (entry: object) => errors.push(entry),
    };
    await harness.startEngine({ projections: [talliesProjection({ version: 1 })], logger });
    await appendTallies(harness.store, streams, 1);

    await eventually(() => errors.length > 0, 5_000, 'the refusal');
    expect(errors[0]).toMatchObject({ projection: 'tallies', error: expect.stringContaining('version 2') });
    expect(await harness.storedVersion()).toBe(2);
    expect(await readTallies(harness.pool)).toEqual(tallies(160, 170));
  });

  /** Reads the live table until `done`, appending one event once the rebuild is under way. */
  async function watchLiveTableUntil(done: () => Promise<boolean>, engine: ProjectionEngine) {
    const seen = {
      reads: [] as Record<string, number>[],
      states: new Set<string>(),
      nextTableExisted: false,
    };
    let appended = false;
    while (!(await done())) {
      seen.reads.push(await readTallies(harness.pool));
      seen.states.add(engine.states()['tallies']!);
      if (await tableExists('tallies__next')) seen.nextTableExisted = true;
      if (seen.nextTableExisted && !appended) {
        await harness.store.append(streams[0]!, [newEvent(TALLIED)]);
        appended = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { ...seen, states: [...seen.states] };
  }
});
