import type pg from 'pg';
import { inTransaction } from '#projections';
import { openPool } from './databases.js';
import { EVENTS_PER_STREAM, type BenchOptions } from './options.js';
import { SAMPLE_DATA_SQL, SAMPLE_EVENT_TYPE, SAMPLE_METADATA_SQL } from './sample-event.js';

/** Inserts the rows numbered [first, last] (ten per stream, in order) in one transaction. */
export type ChunkInsert = (client: pg.PoolClient, first: number, last: number) => Promise<void>;

/** Row `n` of the prefill is revision `n % 10` of stream `film-<n / 10>`, with a fresh event id. */
export const PREFILL_ROWS_SQL = `SELECT n, gen_random_uuid() AS event_id FROM generate_series($1::bigint, $2::bigint) n`;

/**
 * Fills a log of `catchUpEvents` events in committed transactions of `prefillChunk` rows, then
 * vacuums and analyses the table so every store is read with hint bits set and fresh statistics.
 */
export async function prefillInChunks(
  url: string,
  table: string,
  options: Pick<BenchOptions, 'catchUpEvents' | 'prefillChunk'>,
  insertChunk: ChunkInsert,
): Promise<void> {
  const pool = openPool(url, 1, 'filmlog-bench-prefill');
  try {
    for (let first = 0; first < options.catchUpEvents; first += options.prefillChunk) {
      const last = Math.min(first + options.prefillChunk, options.catchUpEvents) - 1;
      await inTransaction(pool, (client) => insertChunk(client, first, last));
    }
    await pool.query(`VACUUM (ANALYZE) ${table}`);
  } finally {
    await pool.end();
  }
}

/** Our log, written by SQL straight into `events` (bypassing the port: it is not what is measured). */
export const prefillOurEvents = (url: string, options: BenchOptions): Promise<void> =>
  prefillInChunks(url, 'events', options, async (client, first, last) => {
    await client.query(
      `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
       SELECT 'film-' || n / ${EVENTS_PER_STREAM}, n % ${EVENTS_PER_STREAM}, event_id, '${SAMPLE_EVENT_TYPE}',
         ${SAMPLE_DATA_SQL}, ${SAMPLE_METADATA_SQL}
       FROM (${PREFILL_ROWS_SQL}) rows ORDER BY n`,
      [first, last],
    );
  });
