import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PostgresEventStore, type Position } from '#event-store';
import pg from 'pg';
import { fillSearchCatalogue } from '../catalogue/search-catalogue.js';
import { progress } from '../shared/bench-cli.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { FilmLogBenchOptions } from './options.js';
import { FilmLogHistories, type FilmLogTotals } from './streams.js';

export interface FilmsFigures {
  readonly films: number;
  readonly seconds: number;
}

export interface PrefillFigures {
  readonly writers: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly appends: number;
  readonly appendsPerSecond: number;
  /** Per append (one stream's whole history). */
  readonly latency: LatencySummary;
  readonly totals: FilmLogTotals;
}

/** The catalogue's films, written straight with SQL (the catalogue is not event-sourced); their ids. */
export async function fillFilms(
  url: string,
  films: number,
): Promise<{ ids: string[]; figures: FilmsFigures }> {
  const begin = performance.now();
  await fillSearchCatalogue(url, films);
  const seconds = (performance.now() - begin) / 1_000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM films ORDER BY slug');
    return { ids: rows.map((row) => row.id), figures: { films: rows.length, seconds } };
  } finally {
    await client.end();
  }
}

/** The load members first (the most active, see FilmLogHistories), then made-up ids for the rest. */
export const prefillMembers = (loadMemberIds: readonly string[], members: number): string[] => [
  ...loadMemberIds,
  ...Array.from({ length: members - loadMemberIds.length }, () => randomUUID()),
];

/**
 * Writes the generated histories through the event store port, `prefillWriters` appends at a
 * time, each a new stream's whole history with `expectedRevision: 'no_stream'`. Generation runs
 * in the same loop and is timed with it. Returns the figures and the position of the last event.
 */
export async function prefillFilmLog(
  url: string,
  options: Pick<FilmLogBenchOptions, 'events' | 'prefillWriters'>,
  memberIds: readonly string[],
  filmIds: readonly string[],
): Promise<{ figures: PrefillFigures; head: Position }> {
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: options.prefillWriters,
    applicationName: 'filmlog-bench-prefill',
  });
  const histories = new FilmLogHistories(options.events, memberIds, filmIds);
  const iterator = histories[Symbol.iterator]();
  const latencies: number[] = [];
  let head: Position = store.origin;
  let reported = 0;
  const writer = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const begin = performance.now();
      const { position } = await store.append(next.value.streamId, next.value.events, {
        expectedRevision: 'no_stream',
      });
      latencies.push(performance.now() - begin);
      if (store.comparePositions(position, head) > 0) head = position;
      if (histories.totals.events >= reported + options.events / 10) {
        reported = histories.totals.events;
        progress(`  prefill: ${reported.toLocaleString('en-US')} events generated`);
      }
    }
  };
  try {
    const begin = performance.now();
    await Promise.all(Array.from({ length: options.prefillWriters }, writer));
    const seconds = (performance.now() - begin) / 1_000;
    const totals = { ...histories.totals };
    return {
      figures: {
        writers: options.prefillWriters,
        seconds,
        eventsPerSecond: totals.events / seconds,
        appends: latencies.length,
        appendsPerSecond: latencies.length / seconds,
        latency: summarizeLatencies(latencies),
        totals,
      },
      head,
    };
  } finally {
    await store.close();
  }
}

/** What autovacuum would do after a bulk load: hint bits set and statistics fresh (not timed). */
export async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

/**
 * Before a measured load: VACUUM (ANALYZE) for what the catch-ups wrote, and a CHECKPOINT, so the
 * bulk writes before it do not have the load pay for their checkpoint (neither is timed).
 */
export async function settle(url: string): Promise<void> {
  await vacuumAnalyze(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
