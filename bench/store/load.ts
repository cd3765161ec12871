import { performance } from 'node:perf_hooks';
import type { BenchOptions } from './options.js';
import { summarizeLatencies, type LatencySummary } from './latency.js';

/** One append; `sequence` is unique across all writers of a run, to name distinct streams. */
export type AppendOperation = (sequence: number) => Promise<unknown>;

export interface AppendFigures extends LatencySummary {
  readonly appends: number;
  readonly seconds: number;
  readonly appendsPerSecond: number;
}

interface Phase {
  readonly record: boolean;
  readonly endsAt: number;
  readonly maxCount: number;
}

/**
 * Drives `append` from `writers` concurrent loops: a warm-up whose results are discarded, then
 * a measured phase that ends at a duration or a count. Every loop waits for its append before
 * starting the next, so concurrency is exactly `writers`.
 */
export async function measureAppends(
  append: AppendOperation,
  options: Pick<BenchOptions, 'writers' | 'warmUpMs' | 'appendMs' | 'appendCount'>,
): Promise<AppendFigures> {
  let sequence = 0;
  let started = 0;
  let failure: unknown = null;
  const latencies: number[] = [];
  // A benchmark of appends that fail would measure something else: stop and say so.
  const throwIfFailed = (): void => {
    if (failure) throw new Error(`An append failed: ${String(failure)}`, { cause: failure });
  };

  const runPhase = async (phase: Phase): Promise<void> => {
    const writer = async (): Promise<void> => {
      while (!failure && performance.now() < phase.endsAt && started < phase.maxCount) {
        started += 1;
        sequence += 1;
        const begin = performance.now();
        try {
          await append(sequence);
          if (phase.record) latencies.push(performance.now() - begin);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: options.writers }, writer));
  };

  await runPhase({ record: false, endsAt: performance.now() + options.warmUpMs, maxCount: Infinity });
  throwIfFailed();
  started = 0;
  const begin = performance.now();
  await runPhase({ record: true, endsAt: begin + options.appendMs, maxCount: options.appendCount });
  const seconds = (performance.now() - begin) / 1_000;
  throwIfFailed();
  return {
    appends: latencies.length,
    seconds,
    appendsPerSecond: latencies.length / seconds,
    ...summarizeLatencies(latencies),
  };
}
