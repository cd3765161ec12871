import type { StreamAppend } from './event-store.port.js';

/** Each stream once and none empty: what the port asks of its callers. */
export function checkAppends(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new RangeError('Nothing to append');
  const streams = new Set<string>();
  for (const { streamId, events } of appends) {
    if (events.length === 0) throw new RangeError(`Nothing to append to ${streamId}`);
    if (streams.has(streamId)) throw new RangeError(`Stream ${streamId} is given twice`);
    streams.add(streamId);
  }
}
