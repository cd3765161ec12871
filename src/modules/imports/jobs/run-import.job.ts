import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type pg from 'pg';
import { CommandRunner } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { userFilmStateProjection } from '../../film-log/projections/user-film-state.projection.js';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { JobWorkers } from '../../../platform/jobs/job-workers.js';
import { JobsModule } from '../../../platform/jobs/jobs.module.js';
import {
  IMPORTS_QUEUE,
  RUN_IMPORT_JOB,
  type RunImportJobData,
} from '../projections/imports-triggers.projection.js';
import { ImportRunner, type ImportOutcome } from './import-runner.js';

/** Imports run at once in one worker process: each keeps the event store's connections busy itself. */
const JOBS_AT_ONCE = 2;

/** How long an import waits for the read model of marks before finding films on their streams. */
const CATCH_UP_MS = 30_000;

const GAVE_UP = 'The import could not be finished (the server kept failing); upload the file again.';

/**
 * Runs an import (the job id is its ImportStarted event id). A run that throws is retried by
 * BullMQ and adds nothing twice; when the last attempt fails, the import is marked failed rather
 * than left running.
 */
@Injectable()
export class RunImportJob {
  private readonly imports: ImportRunner;

  constructor(
    runner: CommandRunner,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_POOL) pool: pg.Pool,
    monitor: ProjectionMonitor,
  ) {
    this.imports = new ImportRunner({
      store,
      runner,
      pool,
      marksCaughtUpWith: async (position) => {
        await monitor.waitFor([userFilmStateProjection.name], position, CATCH_UP_MS);
      },
    });
  }

  async run(
    job: Pick<Job<RunImportJobData>, 'id' | 'data' | 'attemptsMade' | 'opts'>,
  ): Promise<ImportOutcome> {
    const { importId, memberId } = job.data;
    try {
      return await this.imports.run(importId);
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt)
        await this.imports.fail(
          importId,
          { actorId: memberId, correlationId: importId, causationId: job.id ?? null },
          GAVE_UP,
        );
      throw error;
    }
  }
}

@Injectable()
class ImportJobsStarter implements OnApplicationBootstrap {
  constructor(
    private readonly workers: JobWorkers,
    private readonly job: RunImportJob,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.process(
      IMPORTS_QUEUE,
      { [RUN_IMPORT_JOB]: (job) => this.job.run(job as Job<RunImportJobData>) },
      JOBS_AT_ONCE,
    );
  }
}

/** The worker role's import jobs. */
@Module({
  imports: [JobsModule],
  providers: [RunImportJob, ImportJobsStarter],
})
export class ImportJobsModule {}
