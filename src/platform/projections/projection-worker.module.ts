import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type pg from 'pg';
import type { Registry } from 'prom-client';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionEngine, type Projection } from '#projections';
import { READ_MODEL_POOL } from '../database/database.module.js';
import { METRICS_REGISTRY } from '../metrics/metrics.registry.js';
import { PROJECTIONS } from './projections.module.js';

/**
 * Runs the projection engine in a worker process. It stops before connections close
 * (beforeApplicationShutdown), so the batch in progress commits with its checkpoint.
 */
@Injectable()
export class ProjectionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly engine: ProjectionEngine;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_POOL) pool: pg.Pool,
    @Inject(PROJECTIONS) projections: readonly Projection[],
    @Inject(METRICS_REGISTRY) metrics: Registry,
    logger: PinoLogger,
  ) {
    logger.setContext('ProjectionEngine');
    this.engine = new ProjectionEngine({ store, pool, projections, metrics, logger });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}

@Module({ providers: [ProjectionWorker] })
export class ProjectionWorkerModule {}
