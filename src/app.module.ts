import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
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
import { ActivityModule } from './modules/activity/activity.module.js';
import { FilmLogModule } from './modules/film-log/film-log.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { SocialModule } from './modules/social/social.module.js';
import { CatalogModule } from './modules/catalog/catalog.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { FestivalsModule } from './modules/festivals/festivals.module.js';
import { ListsModule } from './modules/lists/lists.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { ModerationJobsModule } from './modules/moderation/jobs/auto-hide.job.js';
import { ImportJobsModule } from './modules/imports/jobs/run-import.job.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { WebModule } from './web/web.module.js';

/** Infrastructure every role needs; health and metrics are served by workers too. */
const platformModules: Type[] = [
  LoggingModule,
  MetricsModule,
  DatabaseModule,
  RedisModule,
  EventStoreModule,
  CommandRunnerModule,
  ProjectionsModule,
  HealthModule,
  HttpDrainModule,
];

/** Feature modules with HTTP controllers, and the web pages over them (APP_ROLE api or all). */
const httpApiModules: Type[] = [
  IdentityModule,
  ProjectionsAdminModule,
  CatalogModule,
  FilmLogModule,
  SocialModule,
  ActivityModule,
  CommentsModule,
  ModerationModule,
  ListsModule,
  ImportsModule,
  FestivalsModule,
  WebModule,
];

/** Background work (APP_ROLE worker or all): projections, then the BullMQ processors. */
const workerModules: Type[] = [ProjectionWorkerModule, JobsModule, ModerationJobsModule, ImportJobsModule];

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
        ...(runsWorker(config) ? workerModules : []),
      ],
    };
  }
}
