import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { READ_MODEL_POOL } from '../database/database.module.js';
import { firstConnection, REDIS } from '../redis/redis.module.js';
import { bullPrefix } from './bullmq.js';
import { JobWorkers } from './job-workers.js';
import { OutboxRelay } from './outbox-relay.js';

/** Runs the outbox relay in a worker process, on a connection of its own that fails fast while Redis is down. */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | null = null;
  private connection: Redis | null = null;

  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('OutboxRelay');
  }

  async onApplicationBootstrap(): Promise<void> {
    const connection = this.redis.duplicate({ enableOfflineQueue: false });
    // Errors show as failed deliveries, logged once per outage by the relay.
    connection.on('error', () => undefined);
    this.connection = connection;
    // Waited for, so a start does not log a spurious outage.
    await firstConnection(connection);
    this.relay = new OutboxRelay({
      pool: this.pool,
      connection,
      prefix: bullPrefix(this.config.redisKeyPrefix),
      logger: this.logger,
    });
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    this.connection?.disconnect();
  }
}

/** The worker role's jobs: the outbox relay, and the BullMQ workers feature modules register with JobWorkers. */
@Module({
  providers: [OutboxRelayRunner, JobWorkers],
  exports: [JobWorkers],
})
export class JobsModule {}
