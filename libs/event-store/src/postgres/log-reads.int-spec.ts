import { createTestDatabase, testEvent, type TestDatabase } from '#testing';
import type { SubscriptionBatch, SubscriptionFilter } from '../event-store.port.js';
import { PostgresEventStore } from './postgres-event-store.js';

describe('LogReads', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    // x-1: A B C, y-1: A B C, x-2: A B C, y-2: A
    for (const stream of ['x-1', 'y-1', 'x-2']) {
      await store.append(stream, [testEvent('A'), testEvent('B'), testEvent('C')]);
    }
    await store.append('y-2', [testEvent('A')]);
    // Reads stop below the oldest open transaction of the whole server: other suites' may hold them back.
    const deadline = Date.now() + 10_000;
    while ((await store.logReads.read(store.origin, 500, undefined, false)).events.length < 10) {
      if (Date.now() > deadline) throw new Error('the appended events never became readable');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const filters: readonly (SubscriptionFilter | undefined)[] = [
    { eventTypes: ['A'] },
    { eventTypes: ['B', 'C'] },
    { streamPrefixes: ['y-'] },
    { eventTypes: ['A'], streamPrefixes: ['x-'] },
    undefined,
  ];

  it('answers tail reads from one position with one statement, each as its own filtered read would be', async () => {
    const before = store.logReads.statements;
    const shared = await Promise.all(
      filters.map((filter) => store.logReads.read(store.origin, 500, filter, true)),
    );
    expect(store.logReads.statements - before).toBe(1);
    const alone = await Promise.all(
      filters.map((filter) => store.logReads.read(store.origin, 500, filter, false)),
    );
    expect(store.logReads.statements - before).toBe(1 + filters.length);
    expect(shared).toEqual(alone.map((read) => ({ ...read, lastSeen: shared[0]!.lastSeen })));
    expect(shared.map((read) => read.events.map((event) => `${event.streamId}:${event.type}`))).toEqual([
      ['x-1:A', 'y-1:A', 'x-2:A', 'y-2:A'],
      ['x-1:B', 'x-1:C', 'y-1:B', 'y-1:C', 'x-2:B', 'x-2:C'],
      ['y-1:A', 'y-1:B', 'y-1:C', 'y-2:A'],
      ['x-1:A', 'x-2:A'],
      ['x-1:A', 'x-1:B', 'x-1:C', 'y-1:A', 'y-1:B', 'y-1:C', 'x-2:A', 'x-2:B', 'x-2:C', 'y-2:A'],
    ]);
    expect(shared.every((read) => read.exhausted && read.head === alone[4]!.events.at(-1)!.position)).toBe(
      true,
    );
  });

  it('cuts a full shared page so that no subscriber skips what lies past it', async () => {
    const [few, many] = await Promise.all([
      store.logReads.read(store.origin, 2, { eventTypes: ['A'] }, true),
      store.logReads.read(store.origin, 5, { eventTypes: ['B'] }, true),
    ]);
    const all = (await store.logReads.read(store.origin, 500, undefined, false)).events;
    // The page holds the first five events: x-1 A B C, y-1 A B.
    expect(few!.events.map((event) => event.streamId)).toEqual(['x-1', 'y-1']);
    expect(few).toMatchObject({ exhausted: false, lastSeen: all[3]!.position });
    expect(many!.events.map((event) => event.streamId)).toEqual(['x-1', 'y-1']);
    expect(many).toMatchObject({ exhausted: false, lastSeen: all[4]!.position });
  });

  it('reads alone whoever asks from another position', async () => {
    const all = (await store.logReads.read(store.origin, 500, undefined, false)).events;
    const before = store.logReads.statements;
    const [fromStart, fromMiddle] = await Promise.all([
      store.logReads.read(store.origin, 500, { eventTypes: ['C'] }, true),
      store.logReads.read(all[5]!.position, 500, { eventTypes: ['C'] }, true),
    ]);
    expect(store.logReads.statements - before).toBe(2);
    expect(fromStart!.events).toHaveLength(3);
    expect(fromMiddle!.events.map((event) => event.streamId)).toEqual(['x-2']);
  });

  it('keeps subscriptions with different filters exact when they read the tail together', async () => {
    const controller = new AbortController();
    const received = new Map<string, string[]>();
    const caughtUp: Promise<void>[] = [];
    const follow = async (name: string, filter: SubscriptionFilter, onCaughtUp: () => void) => {
      const seen: string[] = [];
      received.set(name, seen);
      const batches = store.subscribe({ from: null, filter, signal: controller.signal });
      for await (const batch of batches as AsyncIterable<SubscriptionBatch>) {
        seen.push(...batch.events.map((event) => `${event.streamId}:${event.type}`));
        if (batch.caughtUp) onCaughtUp();
      }
    };
    const running = filters.slice(0, 4).map((filter, index) => {
      let resolve!: () => void;
      caughtUp.push(new Promise<void>((done) => (resolve = done)));
      return follow(String(index), filter!, resolve);
    });
    await Promise.all(caughtUp);
    const before = store.logReads.statements;
    for (let round = 0; round < 20; round += 1) {
      await store.append(round % 2 === 0 ? 'x-3' : 'y-3', [testEvent('A'), testEvent('B')]);
    }
    const expected = [4 + 20, 6 + 20, 4 + 20, 2 + 10];
    const deadline = Date.now() + 10_000;
    while (
      Date.now() < deadline &&
      filters.slice(0, 4).some((_, i) => received.get(String(i))!.length < expected[i]!)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    await Promise.all(running);
    expect(filters.slice(0, 4).map((_, i) => received.get(String(i))!.length)).toEqual(expected);
    expect(received.get('3')!.slice(2)).toEqual(Array.from({ length: 10 }, () => 'x-3:A'));
    // Four subscribers waking on the same announcements read together: at most about one
    // statement per append (each reading alone, they sent 72 in a trial run).
    expect(store.logReads.statements - before).toBeLessThan(30);
  });
});
