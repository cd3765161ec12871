import { Counter, Gauge, type Registry } from 'prom-client';
import type { ProjectionLag } from './lag.js';

const LABELS = ['projection'] as const;
/** Both lag gauges are read in one scrape: measure once for the two. */
const LAG_REUSE_MS = 1_000;

/** Prometheus metrics of the projections; every method is a no-op without a registry. */
export class ProjectionMetrics {
  private readonly applied?: Counter<'projection'>;
  private readonly deadLetters?: Counter<'projection'>;
  private lastLag: { at: number; lags: Promise<Map<string, ProjectionLag>> } | null = null;

  constructor(registry: Registry | undefined, measure: () => Promise<Map<string, ProjectionLag>>) {
    if (!registry) return;
    this.applied = counter(
      registry,
      'filmlog_projection_events_applied_total',
      'Events applied by each projection',
    );
    this.deadLetters = counter(
      registry,
      'filmlog_projection_dead_letters_total',
      'Events parked as dead letters',
    );
    const lags = (): Promise<Map<string, ProjectionLag>> => {
      if (!this.lastLag || Date.now() - this.lastLag.at > LAG_REUSE_MS) {
        this.lastLag = { at: Date.now(), lags: measure() };
      }
      return this.lastLag.lags;
    };
    lagGauge(
      registry,
      'filmlog_projection_lag_events',
      'Handled events not yet applied',
      lags,
      (l) => l.lag.events,
    );
    lagGauge(
      registry,
      'filmlog_projection_lag_seconds',
      'Age of the oldest event not yet applied',
      lags,
      (l) => l.lag.seconds,
    );
  }

  eventsApplied(projection: string, count: number): void {
    if (count > 0) this.applied?.inc({ projection }, count);
  }

  deadLettered(projection: string, count: number): void {
    if (count > 0) this.deadLetters?.inc({ projection }, count);
  }
}

function counter(registry: Registry, name: string, help: string): Counter<'projection'> {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing as Counter<'projection'>;
  return new Counter({ name, help, labelNames: LABELS, registers: [registry] });
}

/** Replaces any earlier gauge of that name, whose callback would read a stopped engine. */
function lagGauge(
  registry: Registry,
  name: string,
  help: string,
  lags: () => Promise<Map<string, ProjectionLag>>,
  pick: (lag: ProjectionLag) => number,
): void {
  registry.removeSingleMetric(name);
  new Gauge({
    name,
    help,
    labelNames: LABELS,
    registers: [registry],
    async collect() {
      for (const [projection, lag] of await lags()) this.set({ projection }, pick(lag));
    },
  });
}
