import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '#event-store';
import pg from 'pg';
import type { BenchOptions } from './options.js';

export interface CatchUpFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** False when the reader was stopped at its time limit before it had read the whole log. */
  readonly complete: boolean;
}

const APPLICATION = 'filmlog-bench-catch-up';

/** Cancels the subscription's query in flight, so that a stopped catch-up does not wait for it. */
async function cancelReads(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND state = 'active'`,
      [APPLICATION],
    );
  } finally {
    await client.end();
  }
}

/**
 * Times one subscription from the beginning of a log of `catchUpEvents` events until it has
 * delivered all of them, or until `catchUpLimitMs`.
 */
export async function measureOurCatchUp(url: string, options: BenchOptions): Promise<CatchUpFigures> {
  const store = new PostgresEventStore({ connectionString: url, applicationName: APPLICATION });
  try {
    let events = 0;
    const begin = performance.now();
    const signal = AbortSignal.timeout(options.catchUpLimitMs);
    let cancelled = Promise.resolve();
    signal.addEventListener(
      'abort',
      // Should cancelling fail, the batch in flight merely finishes before the loop ends.
      () => (cancelled = cancelReads(url).catch(() => undefined)),
      { once: true },
    );
    for await (const batch of store.subscribe({ from: null, batchSize: options.catchUpBatchSize, signal })) {
      events += batch.events.length;
      // Not `batch.caughtUp`: after a full last batch the subscription only says so with the next event.
      if (events >= options.catchUpEvents) break;
    }
    const seconds = (performance.now() - begin) / 1_000;
    await cancelled;
    if (events > options.catchUpEvents) {
      throw new Error(`The subscription delivered ${events} events of ${options.catchUpEvents}`);
    }
    return { events, seconds, eventsPerSecond: events / seconds, complete: events === options.catchUpEvents };
  } finally {
    await store.close();
  }
}
