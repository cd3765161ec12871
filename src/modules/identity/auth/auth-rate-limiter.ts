import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 60;
export class TooManyRequestsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} s.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Sign-in and registration attempts per client address, counted in Redis so the limit holds
 * across api processes. With Redis unreachable each process falls back to counting in memory
 * rather than letting guesses through unlimited or refusing every sign-in.
 */
export class AuthRateLimiter {
  private readonly limiter: RateLimiterRedis | null;

  constructor(redis: Redis, keyPrefix: string, perMinute: number) {
    this.limiter =
      perMinute === 0
        ? null
        : new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: `${keyPrefix}auth-attempts`,
            points: perMinute,
            duration: WINDOW_SECONDS,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }),
          });
  }

  /** Counts one attempt; throws 429 (and sets Retry-After) once the address is over its limit. */
  async consume(clientAddress: string, response: Response): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(clientAddress);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(retryAfter));
      throw new TooManyRequestsException(retryAfter);
    }
  }
}
