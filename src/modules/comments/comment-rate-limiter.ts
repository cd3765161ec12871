import type { Redis } from 'ioredis';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter.js';

/** Comment posts per member, so one account cannot flood film pages. */
export class CommentRateLimiter extends RateLimiter {
  constructor(redis: Redis, keyPrefix: string, perMinute: number) {
    super(redis, { keyPrefix: `${keyPrefix}comment-posts`, perMinute, what: 'comments' });
  }
}
