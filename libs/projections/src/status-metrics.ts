import { Gauge, type Registry } from 'prom-client';
import type { ProjectionState } from './projection.js';
import type { ProjectionCondition } from './projection-monitor.js';

/** The states the database can tell (standby is only known to the process that waits). */
const STATES: readonly ProjectionState[] = ['running', 'rebuilding', 'failing', 'halted', 'stopped'];

/**
 * Gauges read from the database at each scrape, so every process (api or worker, the one that
 * parked an event or not) reports the same. Any earlier gauge of the same name is replaced.
 */
export function registerStatusMetrics(
  registry: Registry,
  read: () => Promise<readonly ProjectionCondition[]>,
): void {
  // A scrape collects every gauge at once: the three share the read in flight, and nothing older.
  let reading: Promise<readonly ProjectionCondition[] | null> | null = null;
  const conditions = (): Promise<readonly ProjectionCondition[] | null> => {
    // With the database unreachable the series are left out rather than failing the whole scrape.
    reading ??= read()
      .catch(() => null)
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  gauge(registry, {
    name: 'filmlog_projection_dead_letters_parked',
    help: 'Events parked in projection_dead_letters, by projection',
    labelNames: ['projection'],
    set: (gauge, condition) => gauge.set({ projection: condition.name }, condition.deadLetters),
    conditions,
  });
  gauge(registry, {
    name: 'filmlog_projection_halted',
    help: '1 while the projection is halted before an event it cannot apply',
    labelNames: ['projection'],
    set: (gauge, condition) => gauge.set({ projection: condition.name }, condition.halted ? 1 : 0),
    conditions,
  });
  gauge(registry, {
    name: 'filmlog_projection_status',
    help: '1 for the status each projection is in (running, rebuilding, failing, halted, stopped)',
    labelNames: ['projection', 'status'],
    set: (gauge, condition) => {
      for (const status of STATES) {
        gauge.set({ projection: condition.name, status }, condition.status === status ? 1 : 0);
      }
    },
    conditions,
  });
}

interface GaugeDefinition<Label extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly Label[];
  readonly set: (gauge: Gauge<Label>, condition: ProjectionCondition) => void;
  readonly conditions: () => Promise<readonly ProjectionCondition[] | null>;
}

function gauge<Label extends string>(registry: Registry, definition: GaugeDefinition<Label>): void {
  const { name, help, labelNames, set, conditions } = definition;
  registry.removeSingleMetric(name);
  new Gauge<Label>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const condition of (await conditions()) ?? []) set(this, condition);
    },
  });
}
