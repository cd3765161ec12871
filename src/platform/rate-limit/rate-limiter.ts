import { HttpException, HttpStatus } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 60;

/** Where the 429's Retry-After goes: a Fastify reply, or anything else that takes headers the same way. */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(`Too many ${what}; try again in ${retryAfterSeconds} s.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

export interface RateLimitSettings {
  /** Namespaces the counters of this limit in Redis (the deployment's prefix included). */
  readonly keyPrefix: string;
  /** Allowed per minute and key; 0 turns the limit off. */
  readonly perMinute: number;
  /** What is counted, for the 429's detail: "attempts", "comments". */
  readonly what: string;
}

/**
 * A per-key limit per minute, counted in Redis so it holds across api processes. With Redis
 * unreachable each process falls back to counting in memory rather than letting everything
 * through unlimited or refusing every request.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterRedis | null;

  constructor(
    redis: Redis,
    private readonly settings: RateLimitSettings,
  ) {
    const { perMinute } = settings;
    this.limiter =
      perMinute === 0
        ? null
        : new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: settings.keyPrefix,
            points: perMinute,
            duration: WINDOW_SECONDS,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }),
          });
  }

  /** Counts one request of `key`; throws 429 (and sets Retry-After) once the key is over its limit. */
  async consume(key: string, response: HeaderSink): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.header('Retry-After', String(retryAfter));
      throw new TooManyRequestsException(retryAfter, this.settings.what);
    }
  }
}
