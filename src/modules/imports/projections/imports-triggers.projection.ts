import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { enqueueJobs } from '../../../platform/jobs/job-outbox.js';
import { IMPORT_STREAM_PREFIX, type ImportEvent } from '../domain/import.events.js';

export const IMPORTS_QUEUE = 'imports';
export const RUN_IMPORT_JOB = 'run-import';

export interface RunImportJobData {
  readonly importId: string;
  readonly memberId: string;
}

type Started = Extract<ImportEvent, { type: 'ImportStarted' }>;

/**
 * Each started import becomes a run-import job, through the job outbox in the batch's own
 * transaction; the job id is the ImportStarted event id, so a replayed batch queues nothing new
 * (and a job run again for a finished import does nothing).
 */
export const importsTriggersProjection: Projection = {
  name: 'imports-triggers',
  version: 1,
  handles: ['ImportStarted'],
  tables: [],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await enqueueJobs(
      context,
      events.map((event) => ({
        queue: IMPORTS_QUEUE,
        name: RUN_IMPORT_JOB,
        jobId: event.metadata.eventId,
        data: {
          importId: event.streamId.slice(IMPORT_STREAM_PREFIX.length),
          memberId: (event.data as Started['data']).memberId,
        } satisfies RunImportJobData,
      })),
    );
  },
};
