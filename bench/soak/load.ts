import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import { NO_ANSWER, type SoakClient } from './http.js';
import type { SoakMix } from './mix.js';

/** Answers by status ("200", "503"), with "no answer" and "not sent" (too many in flight already). */
export type StatusCounts = Record<string, number>;

export const NOT_SENT = 'not sent';

const statusKey = (status: number): string => (status === NO_ANSWER ? 'no answer' : String(status));

/** Latencies and statuses since the last look, and per kind of request since the start. */
export class Tally {
  private latencies: number[] = [];
  private statuses: StatusCounts = {};
  private readonly kinds = new Map<string, { latencies: number[]; statuses: StatusCounts }>();

  record(kind: string, status: number | typeof NOT_SENT, latencyMs: number): void {
    const key = status === NOT_SENT ? NOT_SENT : statusKey(status);
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    let perKind = this.kinds.get(kind);
    if (!perKind) this.kinds.set(kind, (perKind = { latencies: [], statuses: {} }));
    perKind.statuses[key] = (perKind.statuses[key] ?? 0) + 1;
    if (status === NOT_SENT) return;
    this.latencies.push(latencyMs);
    perKind.latencies.push(latencyMs);
  }

  /** What was answered since the last call. */
  take(): { latencies: number[]; statuses: StatusCounts } {
    const taken = { latencies: this.latencies, statuses: this.statuses };
    this.latencies = [];
    this.statuses = {};
    return taken;
  }

  byKind(): Record<string, { latency: LatencySummary; statuses: StatusCounts }> {
    return Object.fromEntries(
      [...this.kinds]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, { latencies, statuses }]) => [
          kind,
          { latency: summarizeLatencies(latencies), statuses },
        ]),
    );
  }
}

export interface CalibrationFigures {
  readonly connections: number;
  /** Measured after the first quarter, which warms the service up. */
  readonly seconds: number;
  readonly requests: number;
  readonly maxRps: number;
  readonly latency: LatencySummary;
  readonly statuses: StatusCounts;
  /** The kinds of request that got anything but a 2xx, with those answers. */
  readonly failedByKind: Readonly<Record<string, StatusCounts>>;
}

/**
 * The maximum: `connections` requests of the mix always in flight, each sent as soon as the one
 * before it is answered, so the service runs as fast as it can.
 */
export async function calibrate(
  client: SoakClient,
  mix: SoakMix,
  connections: number,
  seconds: number,
): Promise<CalibrationFigures> {
  const begin = performance.now();
  const measuredFrom = begin + seconds * 250;
  const end = begin + seconds * 1_000;
  const tally = new Tally();
  const connection = async (): Promise<void> => {
    while (performance.now() < end) {
      const request = mix.next();
      const sent = performance.now();
      const status = await client.send(request);
      if (sent >= measuredFrom) tally.record(request.kind, status, performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  const measured = (performance.now() - measuredFrom) / 1_000;
  const { latencies, statuses } = tally.take();
  const failedByKind = Object.entries(tally.byKind()).flatMap(([kind, figures]) => {
    const failed = Object.entries(figures.statuses).filter(([status]) => !status.startsWith('2'));
    return failed.length > 0 ? [[kind, Object.fromEntries(failed)] as const] : [];
  });
  return {
    connections,
    seconds: measured,
    requests: latencies.length,
    maxRps: latencies.length / measured,
    latency: summarizeLatencies(latencies),
    statuses,
    failedByKind: Object.fromEntries(failedByKind),
  };
}

export interface OpenLoopFigures {
  readonly rps: number;
  readonly seconds: number;
  readonly scheduled: number;
  /** The most any request left after its scheduled time: the generator keeping up, or not. */
  readonly maxSendDelayMs: number;
}

/**
 * A fixed rate whatever the answers: request i is due at i / rate seconds and goes out then, however
 * many are still unanswered, and its latency runs from when it was due. A slow answer cannot hold
 * the next requests back and so hide itself (coordinated omission). Past `maxInFlight` unanswered
 * a request is counted as not sent, a failure.
 */
export async function runOpenLoop(
  client: SoakClient,
  mix: SoakMix,
  tally: Tally,
  options: { readonly rps: number; readonly seconds: number; readonly maxInFlight: number },
): Promise<OpenLoopFigures> {
  const interval = 1_000 / options.rps;
  const total = Math.round(options.rps * options.seconds);
  const pending = new Set<Promise<void>>();
  const begin = performance.now();
  let maxSendDelayMs = 0;
  for (let index = 0; index < total;) {
    const now = performance.now();
    for (; index < total && begin + index * interval <= now; index += 1) {
      const due = begin + index * interval;
      maxSendDelayMs = Math.max(maxSendDelayMs, now - due);
      const request = mix.next();
      if (pending.size >= options.maxInFlight) {
        tally.record(request.kind, NOT_SENT, 0);
        continue;
      }
      const answered = client.send(request).then((status) => {
        tally.record(request.kind, status, performance.now() - due);
        pending.delete(answered);
      });
      pending.add(answered);
    }
    if (index < total) await sleep(Math.max(0, begin + index * interval - performance.now()));
  }
  await Promise.all(pending);
  return {
    rps: options.rps,
    seconds: (performance.now() - begin) / 1_000,
    scheduled: total,
    maxSendDelayMs,
  };
}
