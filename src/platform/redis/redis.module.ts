import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';

export const REDIS = Symbol('REDIS');

/** Bound on waiting for the first connection at start; past it the app starts anyway and readiness says Redis is down. */
const FIRST_CONNECTION_WAIT_MS = 2000;

/** Resolves once the client is ready (at once if it is), or after the bound; never rejects. */
export const firstConnection = (redis: Redis): Promise<void> =>
  new Promise((resolve) => {
    if (redis.status === 'ready') return resolve();
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, FIRST_CONNECTION_WAIT_MS);
    redis.once('ready', done);
  });

/** With Sentinel, REDIS_URL still gives the password, user and database number of the master. */
const credentialsOf = (url: string): { username?: string; password?: string; db?: number } => {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
  };
};

/**
 * Connected before anything uses it, so callers that refuse to queue behind a missing
 * connection (the rate limiter) do not take the first moments after a start for an outage.
 */
const createRedis = async (config: AppConfig): Promise<Redis> => {
  // BullMQ needs maxRetriesPerRequest: null: its blocking commands wait through reconnects.
  const redis = config.redisSentinels
    ? new Redis({
        ...credentialsOf(config.redisUrl),
        sentinels: [...config.redisSentinels.hosts],
        name: config.redisSentinels.master,
        maxRetriesPerRequest: null,
      })
    : new Redis(config.redisUrl, { maxRetriesPerRequest: null });
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
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRedis(config) },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
