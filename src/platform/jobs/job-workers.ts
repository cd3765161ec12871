import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { REDIS } from '../redis/redis.module.js';
import { bullPrefix, createWorker, type JobHandlers } from './bullmq.js';

/** Longest wait for the jobs in progress at shutdown (the app's own shutdown bound is larger). */
const CLOSE_BOUND_MS = 5000;

/**
 * BullMQ workers of this process. Each gets a connection of its own (a worker blocks on it while
 * waiting for jobs); all are closed before the app's Redis and database connections, so the jobs
 * in progress finish first.
 */
@Injectable()
export class JobWorkers implements BeforeApplicationShutdown {
  private readonly running: { worker: Worker; connection: Redis }[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('JobWorkers');
  }

  /** Starts processing a queue's jobs with the handlers for its job names. */
  process(queue: string, handlers: JobHandlers, concurrency?: number): Worker {
    const connection = this.redis.duplicate();
    const worker = createWorker(
      queue,
      handlers,
      connection,
      bullPrefix(this.config.redisKeyPrefix),
      concurrency,
    );
    worker.on('error', (error) => this.logger.warn({ err: error, queue }, 'job worker error'));
    worker.on('failed', (job, error) =>
      this.logger.warn(
        { err: error, queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade },
        'job failed',
      ),
    );
    this.running.push({ worker, connection });
    return worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Without Redis there is nothing to finish: a graceful close would wait for a connection forever.
    const closing = Promise.allSettled(
      this.running.map(({ worker, connection }) => worker.close(connection.status !== 'ready')),
    );
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_BOUND_MS);
    });
    await Promise.race([closing, bound]);
    clearTimeout(timer);
    for (const { connection } of this.running.splice(0)) connection.disconnect();
  }
}
