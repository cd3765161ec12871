import { performance } from 'node:perf_hooks';
import { PostgresEventStore, type Position } from '#event-store';
import { progress, timed } from '../shared/bench-cli.js';
import { memberStreams } from '../shared/events.js';
import { insertAccounts, type BenchMember } from './members.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { FilmLogHistory } from '../film-log/streams.js';

export interface AppendRunFigures {
  readonly writers: number;
  readonly streams: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly appendsPerSecond: number;
  /** Per append (one new stream's events). */
  readonly latency: LatencySummary;
}

/**
 * Appends each generated stream through the event store port, `writers` at a time, each a new
 * stream with `expectedRevision: 'no_stream'`; generation runs in the same loop and is timed with
 * it. `after` is the position the log had reached; the returned head is the last event's.
 */
export async function appendStreams(
  url: string,
  label: string,
  streams: Iterable<FilmLogHistory>,
  options: { readonly writers: number; readonly expectedStreams: number; readonly after: Position | null },
): Promise<{ figures: AppendRunFigures; head: Position }> {
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: options.writers,
    applicationName: 'filmlog-bench-prefill',
  });
  const iterator = streams[Symbol.iterator]();
  const latencies: number[] = [];
  let head: Position = options.after ?? store.origin;
  let events = 0;
  let reported = 0;
  const writer = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const begin = performance.now();
      const { position } = await store.append(next.value.streamId, next.value.events, {
        expectedRevision: 'no_stream',
      });
      latencies.push(performance.now() - begin);
      events += next.value.events.length;
      if (store.comparePositions(position, head) > 0) head = position;
      if (latencies.length >= reported + options.expectedStreams / 5) {
        reported = latencies.length;
        progress(`  ${label}: ${reported.toLocaleString('en-US')} streams`);
      }
    }
  };
  try {
    const begin = performance.now();
    await Promise.all(Array.from({ length: options.writers }, writer));
    const seconds = (performance.now() - begin) / 1_000;
    return {
      figures: {
        writers: options.writers,
        streams: latencies.length,
        events,
        seconds,
        eventsPerSecond: events / seconds,
        appendsPerSecond: latencies.length / seconds,
        latency: summarizeLatencies(latencies),
      },
      head,
    };
  } finally {
    await store.close();
  }
}

/**
 * The members' account rows and their member streams (the first member an admin), as
 * registration leaves them: the start of every bench that serves signed-in members.
 */
export async function registerMembers(
  url: string,
  members: readonly BenchMember[],
  writers: number,
): Promise<{ figures: AppendRunFigures; head: Position }> {
  await timed(`${members.length} accounts rows`, () => insertAccounts(url, members));
  return timed(`append ${members.length} member streams`, () =>
    appendStreams(url, 'members', memberStreams(members, 'admin'), {
      writers,
      expectedStreams: members.length,
      after: null,
    }),
  );
}
