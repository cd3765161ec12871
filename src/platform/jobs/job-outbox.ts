import type { ProjectionContext } from '#projections';

/** Channel the outbox relay listens on; a NOTIFY inside the writer's transaction rings at its commit. */
export const JOB_OUTBOX_CHANNEL = 'job_outbox';

/** A job decided from an event, waiting in `job_outbox` for the relay. */
export interface OutboxJob {
  readonly queue: string;
  readonly name: string;
  /** The triggering event's id: the same event never yields two jobs, in the outbox or in BullMQ. */
  readonly jobId: string;
  readonly data: Record<string, unknown>;
}

/**
 * Writes jobs in the caller's transaction (a projection's batch), so they exist exactly when the
 * batch's checkpoint does: a crash before the commit replays the batch and writes them again; a
 * replayed batch after the commit finds them (or their BullMQ jobs) already there.
 */
export async function enqueueJobs(
  context: Pick<ProjectionContext, 'query'>,
  jobs: readonly OutboxJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  await context.query(
    `INSERT INTO job_outbox (queue, name, job_id, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (job_id) DO NOTHING`,
    [
      jobs.map((job) => job.queue),
      jobs.map((job) => job.name),
      jobs.map((job) => job.jobId),
      jobs.map((job) => JSON.stringify(job.data)),
    ],
  );
  await context.query(`SELECT pg_notify($1, NULL)`, [JOB_OUTBOX_CHANNEL]);
}
