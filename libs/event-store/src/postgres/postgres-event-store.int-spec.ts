import pg from 'pg';
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
  it('answers a retry of a whole appendMany with the first result, appending nothing twice', async () => {
    const appends = [
      {
        streamId: `${uniquePrefix()}x`,
        events: [newEvent(), newEvent()],
        expectedRevision: 'no_stream' as const,
      },
      { streamId: `${uniquePrefix()}y`, events: [newEvent()], expectedRevision: 'no_stream' as const },
    ];
    const first = await store.appendMany(appends);
    expect(await store.appendMany(appends)).toEqual(first);
    expect(await readAll(store, appends[0]!.streamId)).toHaveLength(2);
    expect(await readAll(store, appends[1]!.streamId)).toHaveLength(1);
  });

  it('lets one of two appendMany racing for a new stream through, whole, and refuses the other whole', async () => {
    const shared = `${uniquePrefix()}shared`;
    const racer = (name: string) =>
      store.appendMany([
        { streamId: `${uniquePrefix()}${name}`, events: [newEvent()], expectedRevision: 'no_stream' },
        { streamId: shared, events: [newEvent(name)], expectedRevision: 'no_stream' },
      ]);
    const outcomes = await Promise.allSettled([racer('left'), racer('right')]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(await readAll(store, shared)).toHaveLength(1);
  });
  it('says caught up only once no committed event waits behind an older open transaction', async () => {
    const stream = `${uniquePrefix()}late`;
    const older = new pg.Client({ connectionString: database.url });
    await older.connect();
    await older.query('BEGIN');
    await older.query('SELECT pg_current_xact_id()');
    // Committed, but behind the open transaction: a subscriber may not deliver it yet.
    const appended = await store.append(stream, [newEvent()]);
    const ending = new Promise((resolve) => setTimeout(resolve, 300))
      .then(() => older.query('COMMIT'))
      .then(() => older.end());
    const seen: string[] = [];
    for await (const batch of store.subscribe({ from: null })) {
      seen.push(...batch.events.filter((event) => event.streamId === stream).map((event) => event.position));
      if (batch.caughtUp) break;
    }
    await ending;
    expect(seen).toEqual([appended.position]);
  });
});
