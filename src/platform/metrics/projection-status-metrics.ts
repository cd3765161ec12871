import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ProjectionMonitor } from '#projections';
import { METRICS_REGISTRY } from './metrics.registry.js';

/**
 * Parked dead letters, halts and statuses of the projections, read from the database at each
 * scrape: every process reports them, including api processes, which run no projection.
 */
@Injectable()
export class ProjectionStatusMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, monitor: ProjectionMonitor) {
    monitor.registerMetrics(registry);
  }
}
