import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor, type ProjectionStatus } from '#projections';
import { READ_MODEL_POOL } from '../database/database.module.js';
import { REDIS } from '../redis/redis.module.js';
import { projectionsCheck, type ProjectionsCheck } from './projections-check.js';

export const CHECK_TIMEOUT_MS = 2000;

export interface DependencyCheck {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
  readonly reason?: string;
}

export interface Readiness {
  /** No check is down. */
  readonly ready: boolean;
  /** Ready, with a check degraded. */
  readonly degraded: boolean;
  readonly checks: {
    readonly postgres: DependencyCheck;
    readonly redis: DependencyCheck;
    readonly eventStore: DependencyCheck;
    readonly projections: ProjectionsCheck;
  };
}

class CheckTimedOut extends Error {}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut()), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** What /health/ready reports: each dependency answers within a bound, and no projection is halted. */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Readiness');

  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly monitor: ProjectionMonitor,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, redis, eventStore, projections] = await Promise.all([
      this.ping('postgres', () => this.pool.query('SELECT 1')),
      this.ping('redis', () => this.pingRedis()),
      this.ping('eventStore', () => this.store.ping()),
      this.projections(),
    ]);
    const checks = { postgres, redis, eventStore, projections };
    return {
      ready: Object.values(checks).every((check) => check.status !== 'down'),
      degraded: projections.status === 'degraded',
      checks,
    };
  }

  private async ping(name: string, probe: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      await withTimeout(probe(), CHECK_TIMEOUT_MS);
      return { status: 'up', latencyMs: latency() };
    } catch (error) {
      this.logger.warn({ err: error }, `${name} is not ready`);
      const reason =
        error instanceof CheckTimedOut ? `no answer within ${CHECK_TIMEOUT_MS} ms` : 'unreachable';
      return { status: 'down', latencyMs: latency(), reason };
    }
  }

  /** A disconnected client queues commands until it reconnects; say so at once instead of waiting. */
  private async pingRedis(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`redis connection is ${this.redis.status}`);
    await this.redis.ping();
  }

  private async projections(): Promise<ProjectionsCheck> {
    let statuses: ProjectionStatus[];
    try {
      statuses = await withTimeout(this.monitor.statuses(), CHECK_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'projection statuses are unavailable');
      // Slow under load is not halted: taking every api process out of rotation would turn a busy
      // database into an outage. A read that fails outright still says down.
      if (error instanceof CheckTimedOut)
        return {
          status: 'degraded',
          deadLetters: 0,
          projections: [],
          reason: `statuses not read within ${CHECK_TIMEOUT_MS} ms`,
        };
      return { status: 'down', deadLetters: 0, projections: [], reason: 'statuses unavailable' };
    }
    return projectionsCheck(statuses);
  }
}
