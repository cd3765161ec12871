import {
  START,
  type AllStreamResolvedEvent,
  type KurrentDBClient,
  type Position as LogPosition,
} from '@kurrent/kurrentdb-client';
import type { SubscribeOptions, SubscriptionBatch } from '../event-store.port.js';
import { BatchAssembler, type FeedItem, type FeedSource } from './batch-assembler.js';
import { toRecordedEvent } from './events.js';
import { isPermanent, toStoreError } from './failures.js';
import { quietHead } from './head-probe.js';
import { decodePosition } from './position.js';
import { SubscriptionFeed } from './subscription-feed.js';
import { acceptsEvent, serverFilter } from './subscription-filter.js';

export interface SubscriptionContext {
  readonly client: KurrentDBClient;
  /** The feeds currently open, so the store can stop (or drop) them. */
  readonly feeds: Set<SubscriptionFeed>;
  /** Aborted when the store closes. */
  readonly closed: AbortSignal;
}

const DEFAULT_BATCH_SIZE = 500;
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 5_000;
/** A live, quiet subscription looks for a head it may move to, at growing intervals. */
const FIRST_PROBE_MS = 50;
const MAX_PROBE_MS = 1_000;

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** Catch-up subscription to $all that resubscribes from its last yielded checkpoint when dropped. */
export async function* subscribeToAll(
  context: SubscriptionContext,
  options: SubscribeOptions,
): AsyncGenerator<SubscriptionBatch> {
  const signal = options.signal ? AbortSignal.any([options.signal, context.closed]) : context.closed;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const accepts = acceptsEvent(options.filter);
  const toItem = ({ event }: AllStreamResolvedEvent): FeedItem => ({
    position: event?.position ?? null,
    event: event && accepts(event) ? toRecordedEvent(event) : null,
  });
  const probeFilter = serverFilter(options.filter);
  let checkpoint: LogPosition | null = options.from === null ? null : decodePosition(options.from);
  let retryDelay = FIRST_RETRY_MS;

  while (!signal.aborted) {
    const assembler = new BatchAssembler(checkpoint, batchSize);
    const feed = new SubscriptionFeed(
      (onCheckpoint) =>
        context.client.subscribeToAll(
          { fromPosition: checkpoint ?? START, filter: serverFilter(options.filter, onCheckpoint) },
          { highWaterMark: batchSize },
        ),
      (feedSignal, waiting) => assembler.signal(feedSignal, waiting),
    );
    const source: FeedSource = {
      take: () => {
        const resolved = feed.take();
        return resolved && toItem(resolved);
      },
      get waiting() {
        return feed.waiting;
      },
    };
    const probe = (from: LogPosition) => quietHead(context.client, probeFilter, from);
    context.feeds.add(feed);
    try {
      for await (const batch of relay(feed, assembler, source, probe, signal)) {
        checkpoint = decodePosition(batch.checkpoint);
        yield batch;
      }
    } finally {
      context.feeds.delete(feed);
      feed.stop();
    }
    if (signal.aborted) return;
    if (isPermanent(feed.failure)) throw toStoreError(feed.failure);
    if (feed.heardFromServer) retryDelay = FIRST_RETRY_MS;
    await pause(retryDelay, signal);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  }
}

/** Batches from one feed until it ends, fails or `signal` is aborted. */
async function* relay(
  feed: SubscriptionFeed,
  assembler: BatchAssembler,
  source: FeedSource,
  probe: (from: LogPosition) => Promise<LogPosition | null>,
  signal: AbortSignal,
): AsyncGenerator<SubscriptionBatch> {
  let probeDelay = FIRST_PROBE_MS;
  while (!signal.aborted) {
    const batch = assembler.assemble(source);
    if (batch) {
      if (batch.events.length > 0) probeDelay = FIRST_PROBE_MS;
      yield batch;
      continue;
    }
    if (feed.state !== 'open') return;
    const active = await feed.waitForActivity(signal, assembler.isLive ? probeDelay : null);
    const from = assembler.position;
    if (active || signal.aborted || !assembler.isLive || from === null) continue;
    // A failed probe changes nothing: the feed reports an unreachable server itself.
    const head = await probe(from).catch(() => null);
    if (head) assembler.advanceTo(head);
    probeDelay = Math.min(probeDelay * 2, MAX_PROBE_MS);
  }
}
