import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SoakClient } from './http.js';

export interface RssSample {
  /** Seconds since the soak began. */
  readonly at: number;
  readonly apiMiB: number;
  readonly workerMiB: number;
}

export interface LagSample {
  readonly at: number;
  /** The projection furthest behind: age of its oldest event not applied yet, and how many there are. */
  readonly seconds: number;
  readonly events: number;
  readonly projection: string;
  readonly deadLetters: number;
  /** Projections not running, or failing. */
  readonly notRunning: readonly string[];
}

interface ProjectionStatus {
  readonly name: string;
  readonly lagEvents: number;
  readonly lagSeconds: number;
  readonly deadLetters: number;
  readonly status: string;
}

/** Resident memory of a process, from /proc (Linux); NaN when it has gone. */
export function residentMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kiB = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kiB === undefined ? Number.NaN : Number(kiB) / 1_024;
  } catch {
    return Number.NaN;
  }
}

/** The V8 heap in use, from the process's own /metrics (prom-client's default metrics); NaN when unread. */
export async function heapUsedMiB(client: SoakClient): Promise<number> {
  const metrics = await client.get('/metrics');
  const bytes = metrics === null ? undefined : /^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics)?.[1];
  return bytes === undefined ? Number.NaN : Number(bytes) / 2 ** 20;
}

/** Every projection's lag through GET /admin/projections (as an operator sees it); null when it failed. */
export async function readLag(client: SoakClient, adminToken: string, at: number): Promise<LagSample | null> {
  const body = await client.get('/api/v1/admin/projections', adminToken);
  const statuses = body === null ? [] : (JSON.parse(body) as ProjectionStatus[]);
  if (statuses.length === 0) return null;
  const furthest = statuses.reduce((worst, status) =>
    status.lagSeconds > worst.lagSeconds ? status : worst,
  );
  return {
    at,
    seconds: furthest.lagSeconds,
    events: Math.max(...statuses.map((status) => status.lagEvents)),
    projection: furthest.name,
    deadLetters: statuses.reduce((sum, status) => sum + status.deadLetters, 0),
    notRunning: statuses.filter((status) => status.status !== 'running').map((status) => status.name),
  };
}

const DRAIN_POLL_MS = 200;
const DRAIN_LIMIT_SECONDS = 60;

/** Until no projection has an event left to apply: Infinity when that takes past a minute. */
export async function drainSeconds(client: SoakClient, adminToken: string): Promise<number> {
  const begin = performance.now();
  for (;;) {
    const seconds = (performance.now() - begin) / 1_000;
    const lag = await readLag(client, adminToken, seconds);
    if (lag && lag.events === 0) return seconds;
    if (seconds > DRAIN_LIMIT_SECONDS) return Number.POSITIVE_INFINITY;
    await sleep(DRAIN_POLL_MS);
  }
}

/**
 * Samples both processes' memory and the projections' lag every `everySeconds` while the soak
 * runs; a lag reading still on its way when the next is due is not doubled.
 */
export class SoakMonitor {
  readonly rss: RssSample[] = [];
  readonly lag: LagSample[] = [];
  /** Lag readings that got no answer. */
  lagReadFailures = 0;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | null = null;
  private begin = 0;
  private stopped = false;

  constructor(
    private readonly client: SoakClient,
    private readonly adminToken: string,
    private readonly pids: { readonly api: number | undefined; readonly worker: number | undefined },
  ) {}

  start(everySeconds: number): void {
    this.begin = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), everySeconds * 1_000);
  }

  /** Seconds since start. */
  elapsed(): number {
    return (performance.now() - this.begin) / 1_000;
  }

  /** Takes a last sample, the first time. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await this.reading;
    this.sample();
    await this.reading;
  }

  private sample(): void {
    const at = this.elapsed();
    this.rss.push({ at, apiMiB: residentMiB(this.pids.api), workerMiB: residentMiB(this.pids.worker) });
    if (this.reading) return;
    this.reading = readLag(this.client, this.adminToken, at)
      .then((sample) => {
        if (sample) this.lag.push(sample);
        else this.lagReadFailures += 1;
      })
      .finally(() => {
        this.reading = null;
      });
  }
}
