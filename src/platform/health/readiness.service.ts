import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor, type HaltedAt, type ProjectionStatus } from '#projections';
import { READ_MODEL_POOL } from '../database/database.module.js';
import { REDIS } from '../redis/redis.module.js';

const CHECK_TIMEOUT_MS = 2000;

export interface DependencyCheck {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
  readonly reason?: string;
}

/** A projection as readiness shows it: the error and stream of a halt are for admins and logs. */
export interface ProjectionReadiness extends Omit<ProjectionStatus, 'halted'> {
  readonly halted?: Pick<HaltedAt, 'eventId' | 'eventType' | 'position' | 'attempts' | 'since'>;
}

/**
 * 'down' while a projection is halted or a batch of one is being retried: reads of it stay behind
 * every write from then on. 'degraded' while events are parked: the service is right apart from
 * what those events would have changed, so it stays ready.
 */
export interface ProjectionsCheck {
  readonly status: 'up' | 'degraded' | 'down';
  /** Events parked in projection_dead_letters, every projection together. */
  readonly deadLetters: number;
  readonly projections: readonly ProjectionReadiness[];
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

/** What /health/ready reports: each dependency answers within a bound, and no projection is halted or failing. */
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
      return { status: 'down', deadLetters: 0, projections: [], reason: 'statuses unavailable' };
    }
    const projections = statuses.map(forReadiness);
    const deadLetters = statuses.reduce((sum, projection) => sum + projection.deadLetters, 0);
    const named = (status: string): string[] =>
      statuses.filter((projection) => projection.status === status).map((projection) => projection.name);
    const stopped = (['halted', 'failing'] as const)
      .map((status) => [status, named(status)] as const)
      .filter(([, names]) => names.length > 0);
    if (stopped.length > 0) {
      const reason = stopped.map(([status, names]) => `${status}: ${names.join(', ')}`).join('; ');
      return { status: 'down', deadLetters, projections, reason };
    }
    if (deadLetters > 0) {
      const parked = statuses
        .filter((projection) => projection.deadLetters > 0)
        .map((projection) => `${projection.name} (${projection.deadLetters})`);
      return { status: 'degraded', deadLetters, projections, reason: `dead letters: ${parked.join(', ')}` };
    }
    return { status: 'up', deadLetters, projections };
  }
}

function forReadiness({ halted, ...status }: ProjectionStatus): ProjectionReadiness {
  if (!halted) return status;
  const { eventId, eventType, position, attempts, since } = halted;
  return { ...status, halted: { eventId, eventType, position, attempts, since } };
}
