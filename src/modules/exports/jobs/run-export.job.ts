import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type pg from 'pg';
import { CommandRunner } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { JobWorkers } from '../../../platform/jobs/job-workers.js';
import { JobsModule } from '../../../platform/jobs/jobs.module.js';
import { ExportFiles } from '../export-files.js';
import {
  EXPORTS_QUEUE,
  RUN_EXPORT_JOB,
  type RunExportJobData,
} from '../projections/exports-triggers.projection.js';
import { ExportRunner, type ExportOutcome } from './export-runner.js';

/** Exports built at once in one worker process: each reads the whole event log once. */
const JOBS_AT_ONCE = 1;

/** How long an export waits for the read models to show what the member did before asking. */
const CATCH_UP_MS = 30_000;

const GAVE_UP = 'The export could not be finished (the server kept failing); ask for a new one.';

/**
 * Builds an export (the job id is its ExportRequested event id). A run that throws is retried by
 * BullMQ and writes the archive anew; when the last attempt fails, the export is marked failed.
 */
@Injectable()
export class RunExportJob {
  readonly exports: ExportRunner;

  constructor(
    runner: CommandRunner,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_POOL) pool: pg.Pool,
    files: ExportFiles,
    monitor: ProjectionMonitor,
  ) {
    this.exports = new ExportRunner({
      store,
      runner,
      pool,
      files,
      caughtUpWith: async (position) => {
        const names = (await monitor.statuses()).map((status) => status.name);
        // Past the bound the archive is made of what the read models show: late, never wrong.
        await monitor.waitFor(names, position, CATCH_UP_MS);
      },
    });
  }

  async run(
    job: Pick<Job<RunExportJobData>, 'id' | 'data' | 'attemptsMade' | 'opts'>,
  ): Promise<ExportOutcome> {
    const { exportId, memberId } = job.data;
    try {
      return await this.exports.run(exportId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        await this.exports.fail(exportId, memberId, job.id ?? null, GAVE_UP);
      throw error;
    }
  }
}

@Injectable()
class ExportJobsStarter implements OnApplicationBootstrap {
  constructor(
    private readonly workers: JobWorkers,
    private readonly job: RunExportJob,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.process(
      EXPORTS_QUEUE,
      { [RUN_EXPORT_JOB]: (job) => this.job.run(job as Job<RunExportJobData>) },
      JOBS_AT_ONCE,
    );
  }
}

/** The worker role's export jobs. */
@Module({
  imports: [JobsModule],
  providers: [RunExportJob, ExportJobsStarter, ExportFiles],
})
export class ExportJobsModule {}
