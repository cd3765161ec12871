import { Registry } from 'prom-client';
import { ProjectionsHarness } from '../test-support/harness.js';
import { eventually, newEvent, readTallies, TALLIED, talliesProjection } from '../test-support/tallies.js';

describe('an event a projection cannot apply', () => {
  let harness: ProjectionsHarness;

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  const metricValue = async (registry: Registry, name: string): Promise<number | undefined> => {
    const metric = (await registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
    return metric?.values.find((value) => value.labels['projection'] === 'tallies')?.value;
  };

  it('shows the projection as failing while its batch is retried', async () => {
    const projection = talliesProjection({
      async before() {
        throw new Error('read model unavailable');
      },
    });
    const engine = await harness.startEngine({
      projections: [projection],
      maxAttempts: 3,
      retryBaseMs: 5_000,
    });
    await harness.store.append('retried', [newEvent(TALLIED)]);

    const monitor = harness.monitor([projection]);
    await eventually(
      async () => (await monitor.statuses())[0]!.status === 'failing',
      10_000,
      'the failing status',
    );
    expect(engine.states()['tallies']).toBe('failing');
    expect((await monitor.statuses())[0]).toMatchObject({ lagEvents: 1 });
    await engine.stop();
    expect(engine.states()['tallies']).toBe('stopped');
    expect(await readTallies(harness.pool)).toEqual({});
  });

  it('is parked in projection_dead_letters after the retries, and later events are still applied', async () => {
    const projection = talliesProjection({
      async before(events) {
        if (events.some((event) => event.data['poison'] === true))
          throw new Error('cannot count a poisoned event');
      },
    });
    const registry = new Registry();
    await harness.startEngine({
      projections: [projection],
      metrics: registry,
      maxAttempts: 3,
      batchSize: 50,
    });
    await harness.store.append('healthy', [newEvent(TALLIED), newEvent(TALLIED)]);
    const poisoned = newEvent(TALLIED, { poison: true });
    const { position: poisonedAt } = await harness.store.append('poisoned', [newEvent(TALLIED), poisoned]);
    const { position: last } = await harness.store.append('healthy', [newEvent(TALLIED)]);

    expect(await harness.monitor([projection]).waitFor(['tallies'], last, 10_000)).toBe(true);
    expect(await readTallies(harness.pool)).toEqual({ healthy: 3, poisoned: 1 });
    const { rows } = await harness.pool.query(
      `SELECT projection, position, event_id, event_type, stream_id, error, attempts, dead_lettered_at
       FROM projection_dead_letters`,
    );
    expect(rows).toEqual([
      {
        projection: 'tallies',
        position: poisonedAt,
        event_id: poisoned.metadata.eventId,
        event_type: TALLIED,
        stream_id: 'poisoned',
        error: 'cannot count a poisoned event',
        attempts: 4,
        dead_lettered_at: expect.any(Date),
      },
    ]);
    expect(await metricValue(registry, 'filmlog_projection_dead_letters_total')).toBe(1);
    expect(await metricValue(registry, 'filmlog_projection_events_applied_total')).toBe(4);
    expect(await metricValue(registry, 'filmlog_projection_lag_events')).toBe(0);
    expect(await metricValue(registry, 'filmlog_projection_lag_seconds')).toBe(0);

    // Read from the table: a process that never ran the projection reports the same.
    const monitor = harness.monitor([projection]);
    const elsewhere = new Registry();
    monitor.registerMetrics(elsewhere);
    expect(await metricValue(elsewhere, 'filmlog_projection_dead_letters_parked')).toBe(1);
    expect(await metricValue(elsewhere, 'filmlog_projection_halted')).toBe(0);
    expect((await monitor.statuses())[0]).toMatchObject({ deadLetters: 1, status: 'running' });
  });
});
