import { collectDefaultMetrics, Registry } from 'prom-client';

/** The one prom-client registry of the process; the projection engine registers its gauges here too. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export const createMetricsRegistry = (): Registry => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
};
