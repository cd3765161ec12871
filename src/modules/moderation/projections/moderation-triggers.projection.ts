import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { enqueueJobs } from '../../../platform/jobs/job-outbox.js';

export const MODERATION_QUEUE = 'moderation';
export const AUTO_HIDE_JOB = 'auto-hide';

/** The comment or the review reported; jobs queued before reviews name a comment only. */
export type AutoHideJobData = { readonly commentId: string } | { readonly reviewId: string };

const PREFIXES = { CommentReported: 'comment-', ReviewReported: 'review-' } as const;

const jobData = (event: RecordedEvent): AutoHideJobData =>
  event.type === 'ReviewReported'
    ? { reviewId: event.streamId.slice(PREFIXES.ReviewReported.length) }
    : { commentId: event.streamId.slice(PREFIXES.CommentReported.length) };

/**
 * Turns each report into an auto-hide job, through the job outbox, in the batch's own
 * transaction: the job exists exactly when the report has been seen, whatever crashes when. The
 * job id is the report's event id, so a replayed batch (or a rebuild) queues nothing new.
 */
export const moderationTriggersProjection: Projection = {
  name: 'moderation-triggers',
  version: 1,
  handles: Object.keys(PREFIXES),
  tables: [],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await enqueueJobs(
      context,
      events.map((event) => ({
        queue: MODERATION_QUEUE,
        name: AUTO_HIDE_JOB,
        jobId: event.metadata.eventId,
        data: jobData(event),
      })),
    );
  },
};
