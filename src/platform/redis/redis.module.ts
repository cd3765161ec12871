import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';

export const REDIS = Symbol('REDIS');

/** Bound on waiting for the first connection at start; past it the app starts anyway and readiness says Redis is down. */
const FIRST_CONNECTION_WAIT_MS = 2000;

/** Resolves once the client is ready, or after the bound; never rejects. */
const firstConnection = (redis: Redis): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, FIRST_CONNECTION_WAIT_MS);
    redis.once('ready', done);
  });

/**
 * Connected before anything uses it, so callers that refuse to queue behind a missing
 * connection (the rate limiter) do not take the first moments after a start for an outage.
 */
const createRedis = async (url: string): Promise<Redis> => {
  // BullMQ needs maxRetriesPerRequest: null: its blocking commands wait through reconnects.
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const logger = new Logger('Redis');
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
  await firstConnection(redis);
  return redis;
};

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') {
      await this.redis.quit();
    } else {
      this.redis.disconnect();
    }
  }
}

@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRedis(config.redisUrl) },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
