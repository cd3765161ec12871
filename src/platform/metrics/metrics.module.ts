import { Global, Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { ProjectionStatusMetrics } from './projection-status-metrics.js';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics.registry.js';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
    HttpMetrics,
    AppMetrics,
    ProjectionStatusMetrics,
  ],
  exports: [METRICS_REGISTRY, HttpMetrics, AppMetrics],
})
export class MetricsModule {}
