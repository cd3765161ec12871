import { PassThrough } from 'node:stream';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  KurrentDBClient,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
// The client's own subscription stream, fed by a scripted server: what these specs check is
// how our feed reads that stream, and no KurrentDB server can run where the unit specs run.
import { Subscription } from '@kurrent/kurrentdb-client/dist/streams/utils/Subscription.js';
import type { SubscriptionBatch } from '../event-store.port.js';
import { BatchAssembler, type FeedSource } from './batch-assembler.js';
import { toRecordedEvent } from './events.js';
import { subscribeToAll } from './subscribe-to-all.js';
import { SubscriptionFeed } from './subscription-feed.js';
import type { CheckpointListener } from './subscription-filter.js';

type ServerMessage = Record<string, () => unknown>;

const event = (n: number): ServerMessage => ({ hasEvent: () => true, getEvent: () => n });
const checkpoint = (n: number): ServerMessage => ({
  hasCheckpoint: () => true,
  getCheckpoint: () => ({ getCommitPosition: () => String(n), getPreparePosition: () => String(n) }),
});
const caughtUp = (): ServerMessage => ({
  hasCaughtUp: () => true,
  getCaughtUp: () => ({ hasTimestamp: () => false }),
});

const resolved = (n: number): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: `film-${n}`,
      id: `id-${n}`,
      isJson: true,
      revision: 0n,
      type: 'FilmChecked',
      created: new Date(),
      data: { n },
      metadata: { eventId: `id-${n}` },
      position: { commit: BigInt(n), prepare: BigInt(n) },
    },
  }) as unknown as AllStreamResolvedEvent;

/** A server side of one subscription: messages written to it reach the client's stream. */
function scriptedSubscription(onCheckpoint: CheckpointListener | undefined, highWaterMark: number) {
  const server = Object.assign(new PassThrough({ objectMode: true }), {
    cancel: () => server.end(),
  });
  const subscription = new Subscription<AllStreamResolvedEvent>(
    () => Promise.resolve(server as never),
    resolved as never,
    { highWaterMark },
    onCheckpoint,
  ) as unknown as AllStreamSubscription;
  return { server, subscription };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const positionsOf = (batches: SubscriptionBatch[]) =>
  batches.flatMap((batch) => batch.events.map((e) => e.position));

describe('kurrentdb subscription feed over the client stream', () => {
  it('never lets a checkpoint overtake events buffered under backpressure', async () => {
    let server!: PassThrough;
    const assembler = new BatchAssembler(null, 1);
    const feed = new SubscriptionFeed(
      (onCheckpoint) => {
        const scripted = scriptedSubscription(onCheckpoint, 2);
        server = scripted.server;
        return scripted.subscription;
      },
      (signal, waiting) => assembler.signal(signal, waiting),
    );
    await settle();
    const script = [
      event(10),
      event(20),
      event(30),
      event(40),
      event(50),
      checkpoint(55),
      caughtUp(),
      event(60),
    ];
    for (const message of script) server.write(message);
    await settle();
    const source: FeedSource = {
      take: () => {
        const next = feed.take();
        return next && { position: next.event!.position, event: toRecordedEvent(next.event!) };
      },
      get waiting() {
        return feed.waiting;
      },
    };
    const batches: SubscriptionBatch[] = [];
    for (let round = 0; round < 20; round += 1) {
      const batch = assembler.assemble(source);
      if (batch) batches.push(batch);
      else await settle();
    }
    expect(positionsOf(batches)).toEqual(['10/10', '20/20', '30/30', '40/40', '50/50', '60/60']);
    expect(batches.map((batch) => batch.checkpoint)).toEqual([
      '10/10',
      '20/20',
      '30/30',
      '40/40',
      '55/55',
      '60/60',
    ]);
    expect(batches.at(-1)?.caughtUp).toBe(true);
    feed.stop();
  });
});

describe('kurrentdb subscribeToAll', () => {
  it('resubscribes from the last yielded checkpoint after a drop, delivering each event once', async () => {
    const requested: (SubscribeToAllOptions['fromPosition'] | undefined)[] = [];
    const servers: PassThrough[] = [];
    const client = {
      subscribeToAll: (options: SubscribeToAllOptions) => {
        requested.push(options.fromPosition);
        const scripted = scriptedSubscription(options.filter?.checkpointReached, 16);
        servers.push(scripted.server);
        return scripted.subscription;
      },
      readAll: async function* () {},
    } as unknown as KurrentDBClient;
    const context = { client, feeds: new Set<SubscriptionFeed>(), closed: new AbortController().signal };
    const stop = new AbortController();
    const batches: SubscriptionBatch[] = [];
    const consuming = (async () => {
      for await (const batch of subscribeToAll(context, { from: '5/5', signal: stop.signal }))
        batches.push(batch);
    })();

    await settle();
    servers[0]!.write(event(10));
    servers[0]!.write(event(20));
    await settle();
    for (const feed of context.feeds) feed.drop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(servers).toHaveLength(2);
    servers[1]!.write(event(30));
    servers[1]!.write(caughtUp());
    await settle();
    stop.abort();
    await consuming;

    expect(requested).toEqual([
      { commit: 5n, prepare: 5n },
      { commit: 20n, prepare: 20n },
    ]);
    expect(positionsOf(batches)).toEqual(['10/10', '20/20', '30/30']);
    expect(batches.at(-1)).toMatchObject({ checkpoint: '30/30', caughtUp: true });
    expect(context.feeds.size).toBe(0);
  });
});
