import type { BenchOptions } from './options.js';

/** What the figures mean, written into the report next to them. */
export const describeMethod = (options: BenchOptions): string[] => [
  `Appends: ${options.writers} concurrent writers, each awaiting its append before the next, ` +
    `one event per append to a new stream (ours: expectedRevision 'no_stream'; Emmett: ` +
    `STREAM_DOES_NOT_EXIST); ${options.warmUpMs} ms warm-up discarded, then ${options.appendMs} ms or ` +
    `${options.appendCount} appends, whichever comes first. Every store gets a pg pool of ` +
    `${options.writers} connections and a fresh database. Percentiles are nearest-rank over every recorded latency.`,
  'Raw baseline: INSERT ... VALUES of the same row into raw_events (LIKE events INCLUDING ALL: same ' +
    'columns, defaults, unique constraints and indexes), autocommit, no RETURNING.',
  `Catch-up: a log of ${options.catchUpEvents} events (${options.catchUpEvents / 10} streams of 10) ` +
    `prefilled by SQL straight into the tables (bypassing both stores' append APIs) in committed ` +
    `transactions of ${options.prefillChunk} rows, then VACUUM (ANALYZE); the same JSON shape as the appended events.`,
  `Ours: store.subscribe({ from: null, batchSize: ${options.catchUpBatchSize} }) timed until all events ` +
    'were delivered (not until a caughtUp batch: after a full last batch the subscription yields none).',
  `Emmett: store.consumer({ pulling: { batchSize: ${options.catchUpBatchSize}, pullingFrequencyInMs: 0 }, ` +
    `stopWhen: { noMessagesLeft: true } }) with one core reactor that only counts (no checkpoint store), ` +
    'timed from start() until it returns.',
  `Either catch-up still reading after ${options.catchUpLimitMs} ms is stopped (ours: its query in flight ` +
    'is cancelled); its rate is then over the events read so far, marked incomplete.',
  'Emmett runs after our store because its connection library replaces pg type parsers process-wide.',
  'PostgreSQL runs on the same machine; the load generator and the server share its cores, and so does ' +
    'anything else running there (see loadAverage).',
];
