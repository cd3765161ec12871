import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';

export const REDIS = Symbol('REDIS');

const createRedis = (url: string): Redis => {
  // BullMQ needs maxRetriesPerRequest: null: its blocking commands wait through reconnects.
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const logger = new Logger('Redis');
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
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
