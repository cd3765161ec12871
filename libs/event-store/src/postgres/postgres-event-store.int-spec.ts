import { createTestDatabase, type TestDatabase } from '#testing';
import { newEvent, readAll, rejectionOf, uniquePrefix } from '../contract/contract-support.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import { PostgresEventStore } from './postgres-event-store.js';

// Behaviour the PostgreSQL adapter promises beyond the shared contract.
describe('PostgresEventStore', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 16 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('refuses an event id already used in another stream, forever', async () => {
    const event = newEvent();
    await store.append(`${uniquePrefix()}a`, [event]);
    const other = `${uniquePrefix()}b`;
    expect(await rejectionOf(store.append(other, [event]))).toBeInstanceOf(DuplicateEventIdError);
    expect(await readAll(store, other)).toEqual([]);
  });

  it('refuses a retry that only partly matches the earlier append', async () => {
    const stream = `${uniquePrefix()}s`;
    const first = newEvent();
    await store.append(stream, [first], { expectedRevision: 'no_stream' });
    const error = await rejectionOf(
      store.append(stream, [first, newEvent()], { expectedRevision: 'no_stream' }),
    );
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    expect(await readAll(store, stream)).toHaveLength(1);
  });

  it('keeps revisions gap-free under concurrent appends with no expectation', async () => {
    const stream = `${uniquePrefix()}busy`;
    await Promise.all(Array.from({ length: 30 }, () => store.append(stream, [newEvent()])));
    const revisions = (await readAll(store, stream)).map((event) => event.revision);
    expect(revisions).toEqual(Array.from({ length: 30 }, (_, index) => BigInt(index)));
  });

  it('lets exactly one of many concurrent appends at the same revision win', async () => {
    const stream = `${uniquePrefix()}race`;
    await store.append(stream, [newEvent()]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.append(stream, [newEvent()], { expectedRevision: 0n })),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((outcome) => outcome.reason instanceof WrongExpectedVersionError)).toBe(true);
    expect(lost.map((outcome) => outcome.reason.actual)).toEqual(lost.map(() => 1n));
    expect(await readAll(store, stream)).toHaveLength(2);
  });

  it('refuses a position it did not issue', async () => {
    const iterator = store.subscribe({ from: 'not-a-position' })[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow('Not a position of this event store');
  });
});
