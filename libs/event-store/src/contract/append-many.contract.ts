import { WrongExpectedVersionError } from '../errors.js';
import type { EventStore } from '../event-store.port.js';
import { newEvent, readAll, rejectionOf, uniquePrefix } from './contract-support.js';

/** Appends to several streams at once: all or nothing, the same answers from every adapter. */
export function appendManyContract(store: () => EventStore): void {
  let prefix: string;
  beforeEach(() => {
    prefix = uniquePrefix();
  });

  it('appends to every stream, each numbered on its own, with a position after them all', async () => {
    const [a, b, c] = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
    await store().append(b, [newEvent()]);
    const written = { a: [newEvent('One'), newEvent('Two')], b: [newEvent('Three')], c: [newEvent('Four')] };
    const result = await store().appendMany([
      { streamId: a, events: written.a, expectedRevision: 'no_stream' },
      { streamId: b, events: written.b, expectedRevision: 0n },
      { streamId: c, events: written.c },
    ]);
    expect(result.nextExpectedRevisions).toEqual([1n, 1n, 0n]);
    const read = { a: await readAll(store(), a), b: await readAll(store(), b), c: await readAll(store(), c) };
    expect(read.a.map((event) => [event.revision, event.type])).toEqual([
      [0n, 'One'],
      [1n, 'Two'],
    ]);
    expect(read.a.map((event) => event.metadata)).toEqual(written.a.map((event) => event.metadata));
    expect(read.b.map((event) => event.revision)).toEqual([0n, 1n]);
    expect(read.c.map((event) => event.data)).toEqual([written.c[0]!.data]);
    for (const event of [...read.a, read.b[1]!, ...read.c]) {
      expect(store().comparePositions(result.position, event.position)).toBeGreaterThanOrEqual(0);
    }
  });

  it('appends nothing when one stream is not as expected, and names that stream', async () => {
    const [fresh, taken] = [`${prefix}fresh`, `${prefix}taken`];
    await store().append(taken, [newEvent()]);
    const error = await rejectionOf(
      store().appendMany([
        { streamId: fresh, events: [newEvent()], expectedRevision: 'no_stream' },
        { streamId: taken, events: [newEvent()], expectedRevision: 'no_stream' },
      ]),
    );
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: taken, expected: 'no_stream', actual: 0n });
    expect(await readAll(store(), fresh)).toEqual([]);
    expect(await readAll(store(), taken)).toHaveLength(1);
  });

  it('refuses no streams, a stream without events and a stream given twice', async () => {
    const stream = `${prefix}s`;
    expect(await rejectionOf(store().appendMany([]))).toBeInstanceOf(RangeError);
    expect(await rejectionOf(store().appendMany([{ streamId: stream, events: [] }]))).toBeInstanceOf(
      RangeError,
    );
    expect(
      await rejectionOf(
        store().appendMany([
          { streamId: stream, events: [newEvent()] },
          { streamId: stream, events: [newEvent()] },
        ]),
      ),
    ).toBeInstanceOf(RangeError);
    expect(await readAll(store(), stream)).toEqual([]);
  });
}
