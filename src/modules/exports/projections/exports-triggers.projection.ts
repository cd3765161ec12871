import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { enqueueJobs } from '../../../platform/jobs/job-outbox.js';
import { EXPORT_STREAM_PREFIX, type ExportEvent } from '../domain/export.events.js';

export const EXPORTS_QUEUE = 'exports';
export const RUN_EXPORT_JOB = 'run-export';

export interface RunExportJobData {
  readonly exportId: string;
  readonly memberId: string;
}

type Requested = Extract<ExportEvent, { type: 'ExportRequested' }>;

/**
 * Each requested export becomes a run-export job through the job outbox, in the batch's own
 * transaction; the job id is the ExportRequested event id, so a replayed batch queues nothing new.
 */
export const exportsTriggersProjection: Projection = {
  name: 'exports-triggers',
  version: 1,
  handles: ['ExportRequested'],
  tables: [],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await enqueueJobs(
      context,
      events.map((event) => ({
        queue: EXPORTS_QUEUE,
        name: RUN_EXPORT_JOB,
        jobId: event.metadata.eventId,
        data: {
          exportId: event.streamId.slice(EXPORT_STREAM_PREFIX.length),
          memberId: (event.data as Requested['data']).memberId,
        } satisfies RunExportJobData,
      })),
    );
  },
};
