import type { Redis } from 'ioredis';
import { RateLimiter } from '../../../platform/rate-limit/rate-limiter.js';

/** Sign-in and registration attempts per client address, so passwords cannot be guessed at speed. */
export class AuthRateLimiter extends RateLimiter {
  constructor(redis: Redis, keyPrefix: string, perMinute: number) {
    super(redis, { keyPrefix: `${keyPrefix}auth-attempts`, perMinute, what: 'attempts' });
  }
}
