import { EVENTS_PER_STREAM, type BenchOptions } from './options.js';
import { PREFILL_ROWS_SQL, prefillInChunks } from './prefill.js';
import { SAMPLE_DATA_SQL, SAMPLE_EVENT_TYPE, SAMPLE_METADATA_SQL } from './sample-event.js';

const PARTITION = 'emt:default';

/**
 * Emmett's log, written by SQL into its own tables exactly as its `emt_append_to_stream`
 * function writes them: a stream row holding the stream's last position, and message rows with
 * 1-based stream positions, the global position from its sequence, the appending transaction's
 * id, kind 'E', schema version '1', and the metadata without the message id (kept in its
 * column). Appending a million events through its API would take longer than the benchmark.
 */
export const prefillEmmettMessages = (url: string, options: BenchOptions): Promise<void> =>
  prefillInChunks(url, 'emt_messages', options, async (client, first, last) => {
    await client.query(
      `INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived)
       SELECT 'film-' || s, ${EVENTS_PER_STREAM}, '${PARTITION}', 'film', '{}', false
       FROM generate_series($1::bigint / ${EVENTS_PER_STREAM}, $2::bigint / ${EVENTS_PER_STREAM}) s`,
      [first, last],
    );
    await client.query(
      `INSERT INTO emt_messages (stream_id, stream_position, partition, message_data, message_metadata,
         message_schema_version, message_type, message_kind, message_id, transaction_id)
       SELECT 'film-' || n / ${EVENTS_PER_STREAM}, n % ${EVENTS_PER_STREAM} + 1, '${PARTITION}',
         ${SAMPLE_DATA_SQL}, ${SAMPLE_METADATA_SQL}, '1', '${SAMPLE_EVENT_TYPE}', 'E', event_id::text,
         pg_current_xact_id()
       FROM (${PREFILL_ROWS_SQL}) rows ORDER BY n`,
      [first, last],
    );
  });
