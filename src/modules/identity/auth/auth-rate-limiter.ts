import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 60;
/** Bound on waiting for a connection still being set up (right after start) before counting in memory. */
const CONNECTING_WAIT_MS = 1000;
const STARTING_STATES = new Set(['wait', 'connecting', 'connect']);

/** Resolves when Redis is ready, or after the bound; never rejects. */
function readyOrTimeout(redis: Redis): Promise<void> {
  if (!STARTING_STATES.has(redis.status)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, CONNECTING_WAIT_MS);
    redis.once('ready', done);
  });
}

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

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    perMinute: number,
  ) {
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
    // Otherwise the first attempts after a start would be counted per process, in memory.
    await readyOrTimeout(this.redis);
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
