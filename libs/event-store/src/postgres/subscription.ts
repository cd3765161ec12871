import type { Position, SubscribeOptions, SubscriptionBatch } from '../event-store.port.js';
import type { ChangeNotifier } from './change-notifier.js';
import { Doorbell } from './doorbell.js';
import type { LogRead, LogReads } from './log-reads.js';
import { comparePositions, decodePosition, encodePosition, START } from './position.js';

export interface SubscriptionTiming {
  /** Longest sleep with nothing announced (the polling fallback). */
  readonly pollIntervalMs: number;
  /** First retry delay after a failed read; doubles up to `maxRetryDelayMs`. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Doorbell().wait(ms, signal);

export async function* subscribeToAll(
  reads: LogReads,
  notifier: ChangeNotifier,
  options: SubscribeOptions,
  timing: SubscriptionTiming,
): AsyncGenerator<SubscriptionBatch> {
  const { signal } = options;
  const batchSize = options.batchSize ?? 500;
  let checkpoint = options.from ?? encodePosition(START);
  decodePosition(checkpoint);
  const doorbell = new Doorbell();
  const stopListening = notifier.onChange(() => doorbell.ring());
  const read = (from: Position, tail: boolean): Promise<LogRead> => {
    doorbell.reset();
    const reading = reads.read(from, batchSize, options.filter, tail);
    // Awaited later (or dropped when the consumer stops): never an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let retryDelay = timing.retryDelayMs;
  let heldBackDelay = 1;
  let reportedCaughtUp = false;
  /** The last read reached the end of what is visible: the next reads the tail with the others. */
  let atTail = false;
  let prefetched: Promise<LogRead> | null = null;
  try {
    while (!signal?.aborted) {
      let result: LogRead;
      try {
        result = await (prefetched ?? read(checkpoint, atTail));
        retryDelay = timing.retryDelayMs;
      } catch {
        // A dropped connection or a restarting server: resume from the same checkpoint.
        await sleep(retryDelay, signal);
        retryDelay = Math.min(timing.maxRetryDelayMs, retryDelay * 2);
        continue;
      } finally {
        prefetched = null;
      }
      const { events, head, heldBack, exhausted: caughtUp, lastSeen } = result;
      // The head can lie behind the start while the events after it wait behind an open transaction.
      const headAhead = head !== null && comparePositions(head, checkpoint) > 0;
      const next = caughtUp ? (headAhead ? head : checkpoint) : (lastSeen ?? checkpoint);
      // Catching up: the server reads the next batch while the consumer handles this one.
      if (!caughtUp) prefetched = read(next, false);
      // Caught up only when no committed event waits behind an open transaction either: a reader
      // that stops there (an export of a member's events) must not stop before them.
      const reachedEnd = caughtUp && !heldBack;
      // A log that ends on a full batch is only known to be caught up by the next, empty read.
      if (events.length > 0 || comparePositions(next, checkpoint) > 0 || (reachedEnd && !reportedCaughtUp)) {
        checkpoint = next;
        reportedCaughtUp = reachedEnd;
        yield { events, checkpoint, caughtUp: reachedEnd };
      }
      atTail = caughtUp;
      if (!caughtUp) continue;
      // Events wait behind an open transaction: look again soon rather than at the next poll.
      heldBackDelay = heldBack ? Math.min(heldBackDelay * 2, 100) : 1;
      await doorbell.wait(heldBack ? heldBackDelay : timing.pollIntervalMs, signal);
    }
  } finally {
    stopListening();
  }
}
