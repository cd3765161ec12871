import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { httpModules, personalTextRules, projections, workerModules } from './features.js';
import { ConfigModule, runsWorker, servesHttpApi, type AppConfig } from './config/index.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { CommandRunnerModule } from './platform/commands/command-runner.module.js';
import { EventStoreModule } from './platform/event-store/event-store.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { HttpDrainModule } from './platform/http/http-drain.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { ProjectionWorkerModule } from './platform/projections/projection-worker.module.js';
import { ProjectionsAdminModule } from './platform/projections/projections-admin.controller.js';
import { ProjectionsModule } from './platform/projections/projections.module.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';

/** Infrastructure every role needs; health and metrics are served by workers too. */
const platformModules: (Type | DynamicModule)[] = [
  LoggingModule,
  MetricsModule,
  DatabaseModule,
  RedisModule,
  EventStoreModule.forRoot(personalTextRules),
  CommandRunnerModule,
  ProjectionsModule.forRoot(projections),
  HealthModule,
  HttpDrainModule,
];

/** The features' controllers and pages, and the projections admin API (APP_ROLE api or all). */
const httpApiModules: Type[] = [ProjectionsAdminModule, ...httpModules];

/** Background work (APP_ROLE worker or all): projections, then the BullMQ processors. */
const workerRoleModules: Type[] = [ProjectionWorkerModule, JobsModule, ...workerModules];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        ...platformModules,
        ...(servesHttpApi(config) ? httpApiModules : []),
        ...(runsWorker(config) ? workerRoleModules : []),
      ],
    };
  }
}
