import { FORWARDS, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { Lag, LagOptions, Position } from '../event-store.port.js';
import { decodePosition, isAfter } from './position.js';
import { acceptsEvent, serverFilter } from './subscription-filter.js';

const DEFAULT_CAP = 100_000;

/** Counts the matching events after `from` (up to the cap) and the age of the oldest of them. */
export async function measureLag(
  client: KurrentDBClient,
  from: Position | null,
  options: LagOptions,
): Promise<Lag> {
  const start = from === null ? null : decodePosition(from);
  const cap = options.cap ?? DEFAULT_CAP;
  const accepts = acceptsEvent(options.filter);
  let events = 0;
  let oldest: Date | null = null;
  if (cap <= 0) return { events, seconds: 0 };
  const filter = serverFilter(options.filter);
  const read = client.readAll({ direction: FORWARDS, fromPosition: start ?? START, filter });
  for await (const { event } of read) {
    // A read from a position includes the record at it; the lag starts strictly after.
    if (!event || !isAfter(event.position, start) || !accepts(event)) continue;
    oldest ??= event.created;
    events += 1;
    if (events >= cap) break;
  }
  const seconds = oldest === null ? 0 : Math.max(0, (Date.now() - oldest.getTime()) / 1000);
  return { events, seconds };
}
