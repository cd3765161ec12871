import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { HttpRequestSpec } from './closed-loop.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';

export interface OpenLoopFigures {
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly sent: number;
  /** Answers other than 2xx, and requests that failed outright. */
  readonly failed: number;
  /** From the instant each request was due, so a stalled server is not hidden by a waiting client. */
  readonly latency: LatencySummary;
}

const TICK_MS = 1;

/**
 * A fixed arrival rate whatever the server does (an open loop): request i is due at
 * start + i / rate and its latency counts from then, not from when a socket was free, so queueing
 * behind a slow answer shows in the figures (no coordinated omission).
 */
export async function driveOpenLoop(
  baseUrls: string | readonly string[],
  ratePerSecond: number,
  seconds: number,
  next: (index: number) => HttpRequestSpec,
): Promise<OpenLoopFigures> {
  const urls = (typeof baseUrls === 'string' ? [baseUrls] : baseUrls).map((base) => new URL(base));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const total = Math.round(ratePerSecond * seconds);
  const intervalMs = 1_000 / ratePerSecond;
  const start = performance.now();
  const outstanding = new Set<Promise<void>>();

  const fire = (index: number): void => {
    const dueAt = start + index * intervalMs;
    const spec = next(index);
    const url = urls[index % urls.length]!;
    const done = new Promise<void>((resolve) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          agent,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if ((response.statusCode ?? 0) >= 300) failed += 1;
            latencies.push(performance.now() - dueAt);
            resolve();
          });
        },
      );
      request.on('error', () => {
        failed += 1;
        resolve();
      });
      request.end();
    });
    outstanding.add(done);
    void done.then(() => outstanding.delete(done));
  };

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (sent < due) fire(sent++);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  await Promise.all(outstanding);
  agent.destroy();
  return {
    ratePerSecond,
    seconds,
    sent,
    failed,
    latency: summarizeLatencies(latencies),
  };
}
