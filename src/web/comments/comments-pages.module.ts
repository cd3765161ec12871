import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { CommentRateLimiter } from '../../modules/comments/comment-rate-limiter.js';
import { REDIS } from '../../platform/redis/redis.module.js';
import { CommentPagesController } from './comments-pages.controller.js';

/** Posting, editing, deleting and reporting comments from a film page. */
@Module({
  controllers: [CommentPagesController],
  providers: [
    // The API's limit on posts, counted in the same Redis keys: a member has one allowance, wherever they post.
    {
      provide: CommentRateLimiter,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new CommentRateLimiter(redis, config.redisKeyPrefix, config.rateLimits.commentPerMinute),
    },
  ],
})
export class CommentPagesModule {}
