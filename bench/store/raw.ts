import { openPool } from './databases.js';
import { measureAppends, type AppendFigures } from './load.js';
import type { BenchOptions } from './options.js';
import { sampleEvent } from './sample-event.js';

/**
 * The baseline: a plain INSERT of the same row into a copy of our `events` table with the same
 * columns, defaults, constraints and indexes (`LIKE events INCLUDING ALL`), through a pg pool
 * of the same size. `url` is a migrated database of its own, so the copy shares nothing with
 * the table our store writes to.
 */
export async function measureRawAppends(
  url: string,
  options: Pick<BenchOptions, 'writers' | 'warmUpMs' | 'appendMs' | 'appendCount'>,
): Promise<AppendFigures> {
  const pool = openPool(url, options.writers, 'filmlog-bench-raw');
  try {
    await pool.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
    return await measureAppends((sequence) => {
      const event = sampleEvent();
      return pool.query(
        `INSERT INTO raw_events (stream_id, stream_revision, event_id, type, data, metadata)
         VALUES ($1, 0, $2, $3, $4, $5)`,
        [
          `film-${sequence}`,
          event.metadata.eventId,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        ],
      );
    }, options);
  } finally {
    await pool.end();
  }
}
