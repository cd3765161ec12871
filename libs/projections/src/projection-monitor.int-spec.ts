import { Registry } from 'prom-client';
import { ProjectionEngine } from '#projections';
import { ProjectionsHarness } from '../test-support/harness.js';
import { appendTallies, IGNORED, newEvent, TALLIED, talliesProjection } from '../test-support/tallies.js';

describe('ProjectionMonitor', () => {
  let harness: ProjectionsHarness;
  const projection = talliesProjection();

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('has passed the token of an event the projection does not handle once it moved beyond it', async () => {
    const monitor = harness.monitor([projection]);
    await harness.startEngine({ projections: [projection] });
    const { position: handled } = await harness.store.append('film-1', [newEvent(TALLIED)]);
    const { position: ignored } = await harness.store.append('film-2', [newEvent(IGNORED)]);

    expect(await monitor.waitFor(['tallies'], ignored, 5_000)).toBe(true);
    expect(await monitor.hasPassed(['tallies'], handled)).toBe(true);
    expect(await monitor.hasPassed(['tallies'], ignored)).toBe(true);
  });

  it('answers false for a token not reached yet, and for a projection it never heard of', async () => {
    const monitor = harness.monitor([projection]);
    const engine = await harness.startEngine({ projections: [projection] });
    const reached = await appendTallies(harness.store, ['film-1'], 1);
    expect(await monitor.waitFor(['tallies'], reached, 5_000)).toBe(true);
    await engine.stop();
    const { position: later } = await harness.store.append('film-2', [newEvent(IGNORED)]);

    expect(await monitor.hasPassed(['tallies'], later)).toBe(false);
    expect(await monitor.hasPassed(['tallies', 'never_started'], reached)).toBe(false);
  });

  it('gives up a wait at its bound', async () => {
    const monitor = harness.monitor([projection]);
    const position = await appendTallies(harness.store, ['film-1'], 1);
    const startedAt = Date.now();

    expect(await monitor.waitFor(['tallies'], position, 300)).toBe(false);
    const waited = Date.now() - startedAt;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(1_000);
  });

  it('wakes a wait on the checkpoint announcement, long before its polling fallback', async () => {
    const monitor = harness.monitor([projection], 60_000);
    const position = await appendTallies(harness.store, ['film-1'], 3);
    const waiting = monitor.waitFor(['tallies'], position, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    await harness.startEngine({ projections: [projection] });

    expect(await waiting).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('reports status, checkpoint, lag and dead letters of each projection', async () => {
    const monitor = harness.monitor([projection]);
    const engine = await harness.startEngine({ projections: [projection] });
    const reached = await appendTallies(harness.store, ['film-1'], 2);
    expect(await monitor.waitFor(['tallies'], reached, 5_000)).toBe(true);

    expect(await monitor.statuses()).toEqual([
      {
        name: 'tallies',
        version: 1,
        checkpoint: reached,
        lagEvents: 0,
        lagSeconds: 0,
        deadLetters: 0,
        status: 'running',
      },
    ]);

    await engine.stop();
    await appendTallies(harness.store, ['film-1'], 3);
    await harness.store.append('film-2', [newEvent(IGNORED)]);
    const [stopped] = await monitor.statuses();
    expect(stopped).toMatchObject({ checkpoint: reached, lagEvents: 3, status: 'stopped' });
    expect(stopped!.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('exposes the lag of each projection as Prometheus gauges', async () => {
    await appendTallies(harness.store, ['film-1'], 4);
    const registry = new Registry();
    new ProjectionEngine({
      store: harness.store,
      pool: harness.pool,
      projections: [projection],
      metrics: registry,
    });

    const metrics = await registry.metrics();
    expect(metrics).toContain('filmlog_projection_lag_events{projection="tallies"} 4');
    expect(metrics).toMatch(/filmlog_projection_lag_seconds\{projection="tallies"\} \d/);
  });
});
