import { Global, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ProjectionMonitor, type Projection } from '#projections';
import { EVENT_STORE, type EventStore } from '#event-store';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { QUERY_POOL, READ_MODEL_POOL } from '../database/database.module.js';

/** The projection list as a provider, so a test can run the application with projections of its own. */
export const PROJECTIONS = Symbol('PROJECTIONS');

const REPLICA_POLL_MS = 20;

@Injectable()
class ProjectionMonitorCloser implements OnApplicationShutdown {
  constructor(private readonly monitor: ProjectionMonitor) {}

  async onApplicationShutdown(): Promise<void> {
    await this.monitor.close();
  }
}

/** Read side of the projections, for any role: how far each one is (health, admin, X-Consistent-With). */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionMonitor,
      inject: [EVENT_STORE, READ_MODEL_POOL, QUERY_POOL, PROJECTIONS, APP_CONFIG],
      useFactory: (
        store: EventStore,
        pool: pg.Pool,
        queryPool: pg.Pool,
        list: readonly Projection[],
        config: AppConfig,
      ) =>
        config.databaseReadUrl === config.databaseUrl
          ? new ProjectionMonitor({ store, pool, projections: list })
          : // A replica applies a checkpoint after the primary announced it: poll it more often.
            new ProjectionMonitor({
              store,
              pool,
              projections: list,
              checkpointsPool: queryPool,
              pollIntervalMs: REPLICA_POLL_MS,
            }),
    },
    ProjectionMonitorCloser,
  ],
  exports: [PROJECTIONS, ProjectionMonitor],
})
export class ProjectionsModule {
  /** The composition root passes the features' projections; the platform names none. */
  static forRoot(projections: readonly Projection[]): DynamicModule {
    return { module: ProjectionsModule, providers: [{ provide: PROJECTIONS, useValue: projections }] };
  }
}
