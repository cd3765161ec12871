import { Registry } from 'prom-client';
import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { ProjectionsHarness } from '../test-support/harness.js';
import { eventually, newEvent, readTallies, TALLIED, talliesProjection } from '../test-support/tallies.js';

const POISON_ERROR = 'cannot count a poisoned event';

/** Tallies with policy 'halt', throwing for poisoned events while `cause.present` holds. */
function haltingTallies(cause: { present: boolean; liveOnly?: boolean; tries: number }): Projection {
  return {
    ...talliesProjection({
      async before(events: readonly RecordedEvent[], context: ProjectionContext) {
        if (!events.some((event) => event.data['poison'] === true)) return;
        cause.tries += 1;
        const live = context.table('tallies') === '"tallies"';
        if (cause.present && (live || !cause.liveOnly)) throw new Error(POISON_ERROR);
      },
    }),
    onPoisonEvent: 'halt',
    retry: { maxAttempts: 3, retryBaseMs: 10, maxRetryDelayMs: 100 },
  };
}

async function eventsOf(harness: ProjectionsHarness, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of harness.store.readStream(stream)) events.push(event);
  return events;
}

const metricLine = (metrics: string, name: string, labels: string): string | undefined =>
  metrics.split('\n').find((line) => line.startsWith(`${name}{${labels}}`));

describe("a 'halt' projection and an event it cannot apply", () => {
  let harness: ProjectionsHarness;

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** Two healthy events, then a good and a poisoned one on one stream, then one more healthy event. */
  async function appendAroundPoison() {
    await harness.store.append('healthy', [newEvent(TALLIED), newEvent(TALLIED)]);
    const poisoned = newEvent(TALLIED, { poison: true });
    const { position: poisonedAt } = await harness.store.append('poisoned', [newEvent(TALLIED), poisoned]);
    const { position: last } = await harness.store.append('healthy', [newEvent(TALLIED)]);
    const [good] = await eventsOf(harness, 'poisoned');
    return { poisonedId: poisoned.metadata.eventId, poisonedAt, goodAt: good!.position, last };
  }

  it('stops just before it: the checkpoint does not pass it, nothing is parked, the status is halted', async () => {
    const cause = { present: true, tries: 0 };
    const projection = haltingTallies(cause);
    const engine = await harness.startEngine({ projections: [projection], batchSize: 50 });
    const { poisonedId, poisonedAt, goodAt } = await appendAroundPoison();
    const monitor = harness.monitor([projection]);
    const registry = new Registry();
    monitor.registerMetrics(registry);

    await eventually(
      async () => (await monitor.statuses())[0]!.status === 'halted',
      10_000,
      'the halted status',
    );
    const [halted] = await monitor.statuses();
    expect(halted).toMatchObject({
      status: 'halted',
      checkpoint: goodAt,
      lagEvents: 2,
      deadLetters: 0,
      halted: {
        track: 'live',
        eventId: poisonedId,
        eventType: TALLIED,
        streamId: 'poisoned',
        position: poisonedAt,
        error: POISON_ERROR,
        since: expect.any(String),
      },
    });
    expect(halted!.halted!.attempts).toBeGreaterThanOrEqual(4);
    expect(engine.states()['tallies']).toBe('halted');
    expect(await readTallies(harness.pool)).toEqual({ healthy: 2, poisoned: 1 });
    const { rows } = await harness.pool.query('SELECT 1 FROM projection_dead_letters');
    expect(rows).toEqual([]);

    // It keeps trying, with the checkpoint still where it stopped.
    const triesAtHalt = cause.tries;
    await eventually(() => cause.tries >= triesAtHalt + 3, 5_000, 'three more rounds');
    const [later] = await monitor.statuses();
    expect(later!.halted!.attempts).toBeGreaterThan(halted!.halted!.attempts);
    expect(later!.halted!.since).toBe(halted!.halted!.since);
    expect(await harness.checkpointOf('tallies')).toBe(goodAt);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 2, poisoned: 1 });

    const metrics = await registry.metrics();
    expect(metricLine(metrics, 'filmlog_projection_halted', 'projection="tallies"')).toMatch(/ 1$/);
    expect(metricLine(metrics, 'filmlog_projection_status', 'projection="tallies",status="halted"')).toMatch(
      / 1$/,
    );
    expect(metricLine(metrics, 'filmlog_projection_dead_letters_parked', 'projection="tallies"')).toMatch(
      / 0$/,
    );
  });

  it('resumes by itself once the event applies, and applies every event once', async () => {
    const cause = { present: true, tries: 0 };
    const projection = haltingTallies(cause);
    const engine = await harness.startEngine({ projections: [projection], batchSize: 50 });
    const { last } = await appendAroundPoison();
    const monitor = harness.monitor([projection]);
    const registry = new Registry();
    monitor.registerMetrics(registry);
    await eventually(() => engine.states()['tallies'] === 'halted', 10_000, 'the halt');
    expect(await monitor.waitFor(['tallies'], last, 300)).toBe(false);

    cause.present = false;

    expect(await monitor.waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 3, poisoned: 2 });
    const [resumed] = await monitor.statuses();
    expect(resumed).toMatchObject({ status: 'running', checkpoint: last, lagEvents: 0, deadLetters: 0 });
    expect(resumed!.halted).toBeUndefined();
    expect(engine.states()['tallies']).toBe('running');
    const { rows } = await harness.pool.query(
      `SELECT last_error, halted FROM projection_checkpoints WHERE projection = 'tallies'`,
    );
    expect(rows).toEqual([{ last_error: null, halted: null }]);
    expect(metricLine(await registry.metrics(), 'filmlog_projection_halted', 'projection="tallies"')).toMatch(
      / 0$/,
    );

    const { position: after } = await harness.store.append('healthy', [newEvent(TALLIED)]);
    expect(await monitor.waitFor(['tallies'], after, 5_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 4, poisoned: 2 });
  });

  it('stays halted with no process running it, and an instance with fixed code carries on', async () => {
    const cause = { present: true, tries: 0 };
    const broken = await harness.startEngine({ projections: [haltingTallies(cause)], batchSize: 50 });
    const { goodAt, last } = await appendAroundPoison();
    await eventually(() => broken.states()['tallies'] === 'halted', 10_000, 'the halt');
    await broken.stop();

    const monitor = harness.monitor([haltingTallies(cause)]);
    expect((await monitor.statuses())[0]).toMatchObject({ status: 'halted', checkpoint: goodAt });

    const fixed = haltingTallies({ present: false, tries: 0 });
    await harness.startEngine({ projections: [fixed], batchSize: 50 });
    expect(await monitor.waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 3, poisoned: 2 });
    expect((await monitor.statuses())[0]).toMatchObject({ status: 'running', deadLetters: 0 });
  });

  it('does not hold up a rebuild, whose swap gets the live tables past the event', async () => {
    const cause = { present: true, liveOnly: true, tries: 0 };
    const projection = haltingTallies(cause);
    const engine = await harness.startEngine({ projections: [projection], batchSize: 50 });
    const { last } = await appendAroundPoison();
    const monitor = harness.monitor([projection]);
    await eventually(() => engine.states()['tallies'] === 'halted', 10_000, 'the halt');

    await engine.requestRebuild('tallies');

    expect(await monitor.waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 3, poisoned: 2 });
    await eventually(
      async () => (await monitor.statuses())[0]!.status === 'running',
      5_000,
      'the running status',
    );
    expect(engine.states()['tallies']).toBe('running');
    const { position: after } = await harness.store.append('healthy', [newEvent(TALLIED)]);
    expect(await monitor.waitFor(['tallies'], after, 5_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 4, poisoned: 2 });
  });
});
