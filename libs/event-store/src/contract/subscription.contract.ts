import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { newEvent, RecordingSubscriber, sleep, uniquePrefix } from './contract-support.js';
import type { ContractSubject } from './event-store.contract.js';

const isStrictlyIncreasing = (store: EventStore, events: readonly RecordedEvent[]): boolean =>
  events.every(
    (event, index) => index === 0 || store.comparePositions(events[index - 1]!.position, event.position) < 0,
  );

/** Catch-up subscriptions: exclusive start, total order, filters, resumption, late commits. */
export function subscriptionContract(subject: () => ContractSubject): void {
  const subscribers: RecordingSubscriber[] = [];
  let prefix: string;
  const store = () => subject().store;
  const subscribe = (options: ConstructorParameters<typeof RecordingSubscriber>[1]) => {
    const subscriber = new RecordingSubscriber(store(), options);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeEach(() => {
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.stop()));
  });

  it('delivers every event once, in a total order matching the append positions', async () => {
    const appended = [];
    for (let index = 0; index < 6; index += 1) {
      appended.push(await store().append(`${prefix}${index % 3}`, [newEvent('Numbered', { index })]));
    }
    const subscriber = subscribe({ from: null, filter: { streamPrefixes: [prefix] } });
    const received = await subscriber.waitForCount(6);
    expect(received.map((event) => event.data.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(received.map((event) => event.position)).toEqual(appended.map((result) => result.position));
    expect(isStrictlyIncreasing(store(), received)).toBe(true);
    await sleep(200);
    expect(subscriber.events).toHaveLength(6);
  });

  it('starts strictly after the given position', async () => {
    const positions = [];
    for (let index = 0; index < 3; index += 1) {
      positions.push((await store().append(`${prefix}s`, [newEvent('Numbered', { index })])).position);
    }
    const subscriber = subscribe({ from: positions[0]!, filter: { streamPrefixes: [prefix] } });
    expect((await subscriber.waitForCount(2)).map((event) => event.data.index)).toEqual([1, 2]);
  });

  it('delivers events appended after it started, in batches no larger than asked', async () => {
    const subscriber = subscribe({ from: null, filter: { streamPrefixes: [prefix] }, batchSize: 2 });
    await sleep(100);
    for (let index = 0; index < 5; index += 1) {
      await store().append(`${prefix}live`, [newEvent('Numbered', { index })]);
    }
    expect((await subscriber.waitForCount(5)).map((event) => event.data.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('says it is caught up when the log ends on a full batch', async () => {
    await store().append(`${prefix}a`, [newEvent(), newEvent()]);
    const subscriber = subscribe({ from: null, filter: { streamPrefixes: [prefix] }, batchSize: 2 });
    await subscriber.waitForCount(2);
    const deadline = Date.now() + 10_000;
    while (!subscriber.caughtUpFlags.at(-1) && Date.now() < deadline) await sleep(50);
    expect(subscriber.caughtUpFlags.at(-1)).toBe(true);
  });

  it('filters by event type on the server', async () => {
    await store().append(`${prefix}a`, [
      newEvent('Wanted', { n: 1 }),
      newEvent('Unwanted'),
      newEvent('Wanted', { n: 2 }),
    ]);
    const subscriber = subscribe({
      from: null,
      filter: { streamPrefixes: [prefix], eventTypes: ['Wanted'] },
    });
    expect((await subscriber.waitForCount(2)).map((event) => event.data.n)).toEqual([1, 2]);
    await sleep(200);
    expect(subscriber.events.every((event) => event.type === 'Wanted')).toBe(true);
  });

  it('moves its checkpoint past the last event even when the filter leaves it out', async () => {
    await store().append(`${prefix}a`, [newEvent('Wanted')]);
    const last = await store().append(`${prefix}a`, [newEvent('Unwanted')]);
    const subscriber = subscribe({
      from: null,
      filter: { streamPrefixes: [prefix], eventTypes: ['Wanted'] },
    });
    await subscriber.waitForCount(1);
    const deadline = Date.now() + 10_000;
    const passed = () =>
      subscriber.checkpoints.some((checkpoint) => store().comparePositions(checkpoint, last.position) >= 0);
    while (!passed() && Date.now() < deadline) await sleep(50);
    expect(passed()).toBe(true);
  });

  it('resumes after its connection is dropped', async () => {
    const subscriber = subscribe({ from: null, filter: { streamPrefixes: [prefix] } });
    await store().append(`${prefix}a`, [newEvent('Numbered', { index: 0 })]);
    await subscriber.waitForCount(1);
    await subject().dropSubscriptions();
    await store().append(`${prefix}a`, [newEvent('Numbered', { index: 1 })]);
    await store().append(`${prefix}b`, [newEvent('Numbered', { index: 2 })]);
    const received = await subscriber.waitForCount(3, 15_000);
    expect(received.map((event) => event.data.index)).toEqual([0, 1, 2]);
    await sleep(200);
    expect(subscriber.events).toHaveLength(3);
  });

  it('never skips an event whose transaction commits late', async () => {
    const hold = subject().holdAppend;
    if (!hold) {
      // Appends of this adapter are atomic on the server: no transaction can commit late.
      console.info('late-commit case not applicable: the adapter has no client-held transactions');
      return;
    }
    const subscriber = subscribe({ from: null, filter: { streamPrefixes: [prefix] } });
    const early = await hold(`${prefix}early`, [newEvent('Numbered', { index: 0 })]);
    const later = await store().append(`${prefix}later`, [newEvent('Numbered', { index: 1 })]);
    await sleep(500);
    expect(subscriber.events).toEqual([]);
    await early.commit();
    const received = await subscriber.waitForCount(2);
    expect(received.map((event) => event.data.index)).toEqual([0, 1]);
    expect(received[1]!.position).toBe(later.position);
    expect(isStrictlyIncreasing(store(), received)).toBe(true);
  });

  it('never moves back before its start while later events wait behind an open transaction', async () => {
    const hold = subject().holdAppend;
    if (!hold) {
      console.info('held-back start case not applicable: the adapter has no client-held transactions');
      return;
    }
    await store().append(`${prefix}a`, [newEvent('Numbered', { index: 0 })]);
    const open = await hold(`${prefix}held`, [newEvent('Numbered', { index: 1 })]);
    const start = await store().append(`${prefix}b`, [newEvent('Numbered', { index: 2 })]);
    const subscriber = subscribe({ from: start.position, filter: { streamPrefixes: [prefix] } });
    await sleep(300);
    await open.commit();
    await store().append(`${prefix}c`, [newEvent('Numbered', { index: 3 })]);
    expect((await subscriber.waitForCount(1)).map((event) => event.data.index)).toEqual([3]);
    await sleep(300);
    expect(subscriber.events.map((event) => event.data.index)).toEqual([3]);
  });

  it('measures lag behind the head of the log', async () => {
    const first = await store().append(`${prefix}a`, [newEvent('Wanted')]);
    await store().append(`${prefix}a`, [newEvent('Wanted'), newEvent('Unwanted'), newEvent('Wanted')]);
    const filter = { streamPrefixes: [prefix], eventTypes: ['Wanted'] };
    expect((await store().measureLag(first.position, { filter })).events).toBe(2);
    expect((await store().measureLag(null, { filter })).events).toBe(3);
    expect((await store().measureLag(null, { filter, cap: 2 })).events).toBe(2);
    const caughtUp = await store().measureLag(
      (await store().append(`${prefix}b`, [newEvent('Wanted')])).position,
      { filter },
    );
    expect(caughtUp).toEqual({ events: 0, seconds: 0 });
  });
}
