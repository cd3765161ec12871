import { Queue, Worker, type DefaultJobOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

/** BullMQ's key prefix under the app's REDIS_KEY_PREFIX, so deployments and test suites sharing a Redis stay apart. */
export const bullPrefix = (redisKeyPrefix: string): string => `${redisKeyPrefix}bull`;

/**
 * Completed jobs are kept for a day (BullMQ refuses a second job with the id of one it still
 * holds, so a re-relayed outbox row is not run twice); failed ones a week, for inspection.
 * Retries with backoff cover a processor whose dependencies are briefly down.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Handlers of one queue's jobs, by job name. */
export type JobHandlers = Readonly<Record<string, (job: Job) => Promise<unknown>>>;

/** A queue on a connection the caller owns (BullMQ leaves a passed-in connection open on close). */
export const createQueue = (name: string, connection: Redis, prefix: string): Queue =>
  new Queue(name, { connection, prefix, defaultJobOptions: JOB_DEFAULTS });

/** A worker dispatching by job name; an unknown name fails the job rather than passing silently. */
export const createWorker = (
  name: string,
  handlers: JobHandlers,
  connection: Redis,
  prefix: string,
  concurrency = 4,
): Worker =>
  new Worker(
    name,
    async (job: Job) => {
      const handle = handlers[job.name];
      if (!handle) throw new Error(`No handler for job ${job.name} on queue ${name}`);
      return handle(job);
    },
    { connection, prefix, concurrency },
  );
