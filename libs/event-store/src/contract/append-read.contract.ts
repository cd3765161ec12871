import { WrongExpectedVersionError } from '../errors.js';
import type { EventStore } from '../event-store.port.js';
import { newEvent, readAll, rejectionOf, uniquePrefix } from './contract-support.js';

/** Appends, expectations and stream reads: the same answers from every adapter. */
export function appendAndReadContract(store: () => EventStore): void {
  let stream: string;
  beforeEach(() => {
    stream = `${uniquePrefix()}stream`;
  });

  const expectConflict = async (promise: Promise<unknown>, expected: unknown, actual: unknown) => {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: stream, expected, actual });
  };

  it('numbers revisions from 0 without gaps', async () => {
    const first = await store().append(stream, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
    const second = await store().append(stream, [newEvent()], { expectedRevision: 1n });
    expect(first.nextExpectedRevision).toBe(1n);
    expect(second.nextExpectedRevision).toBe(2n);
    expect((await readAll(store(), stream)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
  });

  it('no_stream: accepted for a new stream, refused once it exists', async () => {
    await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    await expectConflict(
      store().append(stream, [newEvent()], { expectedRevision: 'no_stream' }),
      'no_stream',
      0n,
    );
  });

  it('stream_exists: refused for a missing stream, accepted once it exists', async () => {
    await expectConflict(
      store().append(stream, [newEvent()], { expectedRevision: 'stream_exists' }),
      'stream_exists',
      'no_stream',
    );
    await store().append(stream, [newEvent()]);
    const result = await store().append(stream, [newEvent()], { expectedRevision: 'stream_exists' });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it('exact: accepted at the last revision, refused otherwise with expected and actual', async () => {
    await expectConflict(store().append(stream, [newEvent()], { expectedRevision: 0n }), 0n, 'no_stream');
    await store().append(stream, [newEvent(), newEvent()]);
    await expectConflict(store().append(stream, [newEvent()], { expectedRevision: 0n }), 0n, 1n);
    await expectConflict(store().append(stream, [newEvent()], { expectedRevision: 5n }), 5n, 1n);
    const result = await store().append(stream, [newEvent()], { expectedRevision: 1n });
    expect(result.nextExpectedRevision).toBe(2n);
  });

  it('any: appends whatever the stream holds', async () => {
    await store().append(stream, [newEvent()], { expectedRevision: 'any' });
    const result = await store().append(stream, [newEvent()], { expectedRevision: 'any' });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it('a retry of the same events with an exact revision succeeds without duplicating', async () => {
    await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    const events = [newEvent('Retried'), newEvent('Retried')];
    const first = await store().append(stream, events, { expectedRevision: 0n });
    const retry = await store().append(stream, events, { expectedRevision: 0n });
    expect(retry).toEqual(first);
    const read = await readAll(store(), stream);
    expect(read).toHaveLength(3);
    expect(read.slice(1).map((event) => event.metadata.eventId)).toEqual(
      events.map((event) => event.metadata.eventId),
    );
  });

  it('a retry of a first append with no_stream succeeds without duplicating', async () => {
    const events = [newEvent()];
    const first = await store().append(stream, events, { expectedRevision: 'no_stream' });
    expect(await store().append(stream, events, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await readAll(store(), stream)).toHaveLength(1);
  });

  it('refuses an empty append', async () => {
    expect(await rejectionOf(store().append(stream, []))).toBeInstanceOf(RangeError);
  });

  it('reads a missing stream as empty', async () => {
    expect(await readAll(store(), `${stream}-missing`)).toEqual([]);
  });

  it('reads back what was appended: type, data, metadata, stream, position', async () => {
    const event = newEvent('FilmChecked', { filmId: 'f-1', watchedOn: '2024-02-03', nested: { a: [1, 2] } });
    const result = await store().append(stream, [event]);
    const [read] = await readAll(store(), stream);
    expect(read).toMatchObject({
      streamId: stream,
      revision: 0n,
      type: 'FilmChecked',
      data: event.data,
      metadata: event.metadata,
      position: result.position,
    });
    expect(read!.recordedAt).toBeInstanceOf(Date);
  });

  it('reads forwards, backwards, from a revision and up to a count', async () => {
    const events = Array.from({ length: 5 }, (_, index) => newEvent('Numbered', { index }));
    await store().append(stream, events);
    const indexes = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await readAll(store(), stream, options)).map((event) => event.data.index);
    expect(await indexes({})).toEqual([0, 1, 2, 3, 4]);
    expect(await indexes({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
    expect(await indexes({ fromRevision: 2n })).toEqual([2, 3, 4]);
    expect(await indexes({ fromRevision: 2n, direction: 'backwards' })).toEqual([2, 1, 0]);
    expect(await indexes({ maxCount: 2 })).toEqual([0, 1]);
    expect(await indexes({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
    expect(await indexes({ fromRevision: 3n, maxCount: 1 })).toEqual([3]);
  });

  it('orders positions of later appends after earlier ones', async () => {
    const first = await store().append(stream, [newEvent()]);
    const second = await store().append(`${stream}-other`, [newEvent()]);
    expect(store().comparePositions(first.position, second.position)).toBeLessThan(0);
    expect(store().comparePositions(second.position, first.position)).toBeGreaterThan(0);
    expect(store().comparePositions(first.position, first.position)).toBe(0);
  });

  it('places the origin before every appended position', async () => {
    const appended = await store().append(stream, [newEvent()]);
    expect(store().comparePositions(store().origin, appended.position)).toBeLessThan(0);
    expect(store().comparePositions(store().origin, store().origin)).toBe(0);
  });
}
