import { randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
} from '#event-store';
import { createTestDatabase, testEvent, type TestDatabase } from '#testing';
import {
  DomainRuleViolation,
  runCommand,
  StreamFolds,
  unreachable,
  type CommandContext,
  type Decider,
  type EventUpcasters,
  type RunCommandOptions,
} from '#decider';

type ListCommand =
  | {
      readonly type: 'AddFilmToList';
      readonly filmId: string;
      readonly rank?: number;
      readonly addedAt?: string;
    }
  | { readonly type: 'RemoveFilmFromList'; readonly filmId: string };

type ListEvent =
  | {
      readonly type: 'FilmAddedToList';
      readonly data: { readonly filmId: string; readonly rank: number };
      readonly occurredAt?: string;
    }
  | { readonly type: 'FilmRemovedFromList'; readonly data: { readonly filmId: string } };

interface ListState {
  readonly films: readonly string[];
}

const rankedList: Decider<ListCommand, ListEvent, ListState> = {
  initialState: { films: [] },
  decide(command, { films }) {
    switch (command.type) {
      case 'AddFilmToList': {
        if (films.includes(command.filmId)) return [];
        const rank = command.rank ?? films.length + 1;
        if (rank < 1 || rank > films.length + 1)
          throw new DomainRuleViolation('rank-out-of-range', `No rank ${rank}`);
        const occurredAt = command.addedAt === undefined ? {} : { occurredAt: command.addedAt };
        return [{ type: 'FilmAddedToList', data: { filmId: command.filmId, rank }, ...occurredAt }];
      }
      case 'RemoveFilmFromList':
        return films.includes(command.filmId)
          ? [{ type: 'FilmRemovedFromList', data: { filmId: command.filmId } }]
          : [];
      default:
        return unreachable(command);
    }
  },
  evolve({ films }, event) {
    switch (event.type) {
      case 'FilmAddedToList':
        return { films: films.toSpliced(event.data.rank - 1, 0, event.data.filmId) };
      case 'FilmRemovedFromList':
        return { films: films.filter((filmId) => filmId !== event.data.filmId) };
      default:
        return unreachable(event);
    }
  },
};

// Version 1 of FilmAddedToList said { film, position }.
const upcasters: EventUpcasters = {
  FilmAddedToList: [({ film, position }) => ({ filmId: film, rank: position })],
};

/** The real store, remembering what the runner asked of it. */
class RecordingStore extends PostgresEventStore {
  readonly appends: { streamId: string; options: AppendOptions | undefined }[] = [];

  override append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.appends.push({ streamId, options });
    return super.append(streamId, events, options);
  }

  appendsTo(streamId: string) {
    return this.appends.filter((append) => append.streamId === streamId);
  }
}

/** The real store, where another writer always gets in just before each of our appends. */
class ContestedStore extends PostgresEventStore {
  attempts = 0;

  override async append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.attempts += 1;
    const rival = addedEvent(2, { filmId: `rival-${this.attempts}`, rank: this.attempts });
    await super.append(streamId, [rival], { expectedRevision: 'any' });
    return super.append(streamId, events, options);
  }
}

/** A FilmAddedToList written by someone else, or by older code when `schemaVersion` is old. */
const addedEvent = (schemaVersion: number, data: Record<string, unknown>): NewEvent =>
  testEvent('FilmAddedToList', data, { occurredAt: '2020-01-01T00:00:00.000Z', schemaVersion });

const NOW = new Date('2024-05-01T10:00:00.000Z');
const context: CommandContext = {
  actorId: 'member-7',
  correlationId: randomUUID(),
  causationId: randomUUID(),
};
const stampedNow = (eventId: string | undefined) => ({
  eventId,
  ...context,
  occurredAt: NOW.toISOString(),
  schemaVersion: 2,
});

async function readAll(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

let database: TestDatabase;
let store: RecordingStore;
let issuedIds: string[];

type Overrides = Partial<RunCommandOptions<ListCommand, ListEvent, ListState>>;
const run = (streamId: string, command: ListCommand, overrides: Overrides = {}) =>
  runCommand({
    store,
    clock: () => NOW,
    ids: () => issuedIds[issuedIds.push(randomUUID()) - 1]!,
    decider: rankedList,
    upcasters,
    streamId,
    command,
    context,
    ...overrides,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  store = new RecordingStore({ connectionString: database.url });
});
afterAll(async () => {
  await store.close();
  await database.drop();
});
beforeEach(() => {
  issuedIds = [];
});

const newListStream = () => `list-${randomUUID()}`;

describe('runCommand against the PostgreSQL event store', () => {
  it('appends the decided events with the revision it read and stamps their metadata', async () => {
    const streamId = newListStream();
    const first = await run(streamId, { type: 'AddFilmToList', filmId: 'ran' });
    const second = await run(streamId, { type: 'AddFilmToList', filmId: 'ikiru', rank: 1 });

    expect(store.appendsTo(streamId).map((append) => append.options)).toEqual([
      { expectedRevision: 'no_stream' },
      { expectedRevision: 0n },
    ]);
    const stored = await readAll(store, streamId);
    expect(stored.map(({ type, data, metadata }) => ({ type, data, metadata }))).toEqual([
      { type: 'FilmAddedToList', data: { filmId: 'ran', rank: 1 }, metadata: stampedNow(issuedIds[0]) },
      { type: 'FilmAddedToList', data: { filmId: 'ikiru', rank: 1 }, metadata: stampedNow(issuedIds[1]) },
    ]);
    expect(first).toMatchObject({
      events: [{ type: 'FilmAddedToList', data: { filmId: 'ran', rank: 1 } }],
      state: { films: ['ran'] },
      revision: 0n,
    });
    expect(second).toMatchObject({ state: { films: ['ikiru', 'ran'] }, revision: 1n });
    expect(store.comparePositions(first.position!, stored[0]!.position)).toBe(0);
    expect(store.comparePositions(second.position!, stored[1]!.position)).toBe(0);
  });

  it('keeps the occurredAt a decision supplies (imports) instead of the clock', async () => {
    const streamId = newListStream();
    await run(streamId, { type: 'AddFilmToList', filmId: 'ran', addedAt: '2019-03-02T20:15:00+01:00' });
    const [stored] = await readAll(store, streamId);
    expect(stored!.metadata.occurredAt).toBe('2019-03-02T19:15:00.000Z');
    expect(stored!.data).toEqual({ filmId: 'ran', rank: 1 });
  });

  it('a command that changes nothing appends nothing and answers the position of the stream', async () => {
    const streamId = newListStream();
    const added = await run(streamId, { type: 'AddFilmToList', filmId: 'ran' });
    const again = await run(streamId, { type: 'AddFilmToList', filmId: 'ran' });

    expect(again).toEqual({ events: [], state: { films: ['ran'] }, position: added.position, revision: 0n });
    expect(store.appendsTo(streamId)).toHaveLength(1);
    expect(await readAll(store, streamId)).toHaveLength(1);
  });

  it('a command that changes nothing on an empty stream answers no position', async () => {
    const streamId = newListStream();
    const result = await run(streamId, { type: 'RemoveFilmFromList', filmId: 'ran' });
    expect(result).toEqual({ events: [], state: { films: [] }, position: null, revision: null });
    expect(store.appendsTo(streamId)).toHaveLength(0);
  });

  it('a refused command appends nothing and is not retried', async () => {
    const streamId = newListStream();
    await expect(run(streamId, { type: 'AddFilmToList', filmId: 'ran', rank: 3 })).rejects.toMatchObject({
      constructor: DomainRuleViolation,
      code: 'rank-out-of-range',
    });
    expect(store.appendsTo(streamId)).toHaveLength(0);
  });

  it('concurrent commands on one stream all succeed through retries, each deciding on fresh state', async () => {
    const streamId = newListStream();
    const films = Array.from({ length: 20 }, (_, index) => `film-${index}`);
    // Every conflict means another command's append succeeded since our read, so with 20
    // commands none can lose more than 19 times: 20 attempts are always enough.
    const results = await Promise.all(
      films.map((filmId) => run(streamId, { type: 'AddFilmToList', filmId }, { maxAttempts: 20 })),
    );

    const stored = await readAll(store, streamId);
    expect(stored.map((event) => event.revision)).toEqual(films.map((_, index) => BigInt(index)));
    expect(stored.map((event) => event.data.rank)).toEqual(films.map((_, index) => index + 1));
    expect(stored.map((event) => event.data.filmId).sort()).toEqual([...films].sort());
    expect(results.map((result) => result.revision).sort((a, b) => Number(a! - b!))).toEqual(
      stored.map((event) => event.revision),
    );
    expect(store.appendsTo(streamId).length).toBeGreaterThan(films.length);
  });

  it('gives up after maxAttempts and rethrows the conflict', async () => {
    const contested = new ContestedStore({ connectionString: database.url });
    const streamId = newListStream();
    try {
      const failure = run(
        streamId,
        { type: 'AddFilmToList', filmId: 'ran' },
        { store: contested, maxAttempts: 3 },
      );
      await expect(failure).rejects.toThrow(WrongExpectedVersionError);
      await expect(failure).rejects.toMatchObject({ streamId, expected: 1n, actual: 2n });
      expect(contested.attempts).toBe(3);
      const stored = await readAll(store, streamId);
      expect(stored.map((event) => event.data.filmId)).toEqual(['rival-1', 'rival-2', 'rival-3']);
    } finally {
      await contested.close();
    }
  });

  it('upgrades old schema versions read from the stream before folding them', async () => {
    const streamId = newListStream();
    await store.append(streamId, [addedEvent(1, { film: 'ran', position: 1 })]);

    const again = await run(streamId, { type: 'AddFilmToList', filmId: 'ran' });
    expect(again).toMatchObject({ events: [], state: { films: ['ran'] } });
    const next = await run(streamId, { type: 'AddFilmToList', filmId: 'ikiru' });
    expect(next).toMatchObject({
      events: [{ data: { filmId: 'ikiru', rank: 2 } }],
      state: { films: ['ran', 'ikiru'] },
    });

    const stored = await readAll(store, streamId);
    expect(stored.map((event) => [event.metadata.schemaVersion, event.data])).toEqual([
      [1, { film: 'ran', position: 1 }],
      [2, { filmId: 'ikiru', rank: 2 }],
    ]);
  });
});

describe('runCommand with folds kept between commands', () => {
  /** The real store, counting the events it hands back. */
  class CountingStore extends RecordingStore {
    eventsRead = 0;

    override async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
      for await (const event of super.readStream(streamId, options)) {
        this.eventsRead += 1;
        yield event;
      }
    }
  }

  let counting: CountingStore;
  beforeAll(() => {
    counting = new CountingStore({ connectionString: database.url });
  });
  afterAll(() => counting.close());

  const runFolded = (
    streamId: string,
    command: ListCommand,
    folds: StreamFolds<ListState>,
    overrides: Overrides = {},
  ) => run(streamId, command, { store: counting, folds, ...overrides });

  it('reads only the events after the kept fold, and decides as a whole replay would', async () => {
    const streamId = newListStream();
    const folds = new StreamFolds<ListState>();
    for (const filmId of ['ran', 'ikiru', 'ugetsu'])
      await runFolded(streamId, { type: 'AddFilmToList', filmId }, folds);
    counting.eventsRead = 0;

    const result = await runFolded(streamId, { type: 'AddFilmToList', filmId: 'yojimbo', rank: 2 }, folds);

    expect(counting.eventsRead).toBe(0);
    expect(result).toMatchObject({ state: { films: ['ran', 'yojimbo', 'ikiru', 'ugetsu'] }, revision: 3n });
    expect(folds.get(streamId)).toMatchObject({
      state: result.state,
      revision: 3n,
      position: result.position,
    });
    const replayed = await run(streamId, { type: 'AddFilmToList', filmId: 'ran' });
    expect(replayed.state).toEqual(result.state);
  });

  it('a fold made stale by another writer (another process) is caught up from the stream, not trusted', async () => {
    const streamId = newListStream();
    const folds = new StreamFolds<ListState>();
    await runFolded(streamId, { type: 'AddFilmToList', filmId: 'ran' }, folds);
    await run(streamId, { type: 'AddFilmToList', filmId: 'ikiru', rank: 1 });
    counting.eventsRead = 0;

    const result = await runFolded(streamId, { type: 'AddFilmToList', filmId: 'ugetsu', rank: 2 }, folds);

    expect(counting.eventsRead).toBe(1);
    expect(result).toMatchObject({ state: { films: ['ikiru', 'ugetsu', 'ran'] }, revision: 2n });
    expect(counting.appendsTo(streamId).at(-1)!.options).toEqual({ expectedRevision: 1n });
  });

  it('concurrent commands sharing the folds all land, none lost, each decided on the state before it', async () => {
    const streamId = newListStream();
    const folds = new StreamFolds<ListState>();
    await runFolded(streamId, { type: 'AddFilmToList', filmId: 'first' }, folds);
    const films = Array.from({ length: 20 }, (_, index) => `film-${index}`);
    // Half through the shared folds, half as another process would, all at the front of the list.
    await Promise.all(
      films.map((filmId, index) =>
        index % 2 === 0
          ? runFolded(streamId, { type: 'AddFilmToList', filmId, rank: 1 }, folds, { maxAttempts: 30 })
          : run(streamId, { type: 'AddFilmToList', filmId, rank: 1 }, { maxAttempts: 30 }),
      ),
    );

    const stored = await readAll(store, streamId);
    expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => BigInt(index)));
    const replayed = await run(streamId, { type: 'RemoveFilmFromList', filmId: 'absent' });
    expect(replayed.state.films).toHaveLength(21);
    expect(replayed.state.films.at(-1)).toBe('first');
    expect(new Set(replayed.state.films).size).toBe(21);
    const folded = await runFolded(streamId, { type: 'RemoveFilmFromList', filmId: 'absent' }, folds);
    expect(folded.state).toEqual(replayed.state);
    expect(folded.revision).toBe(20n);
  });
});

describe('what evolve sees', () => {
  /** Remembers when each added film was added, as a log's "checked at" would. */
  const timedList: Decider<ListCommand, ListEvent, { readonly addedAt: readonly (string | undefined)[] }> = {
    initialState: { addedAt: [] },
    decide: (command, state) => rankedList.decide(command, { films: state.addedAt.map(String) }),
    evolve: (state, event) =>
      event.type === 'FilmAddedToList' ? { addedAt: [...state.addedAt, event.occurredAt] } : state,
  };

  it('the time each event happened: stored ones from their metadata, new ones from the decision or their own', async () => {
    const streamId = newListStream();
    await store.append(streamId, [addedEvent(2, { filmId: 'ran', rank: 1 })]);
    const runTimed = (command: ListCommand) =>
      runCommand({
        store,
        clock: () => NOW,
        ids: randomUUID,
        decider: timedList,
        upcasters,
        streamId,
        command,
        context,
      });

    expect((await runTimed({ type: 'AddFilmToList', filmId: 'ikiru' })).state.addedAt).toEqual([
      '2020-01-01T00:00:00.000Z',
      NOW.toISOString(),
    ]);
    const imported = await runTimed({
      type: 'AddFilmToList',
      filmId: 'ugetsu',
      addedAt: '2019-03-04T05:06:07.000Z',
    });
    expect(imported.state.addedAt).toEqual([
      '2020-01-01T00:00:00.000Z',
      NOW.toISOString(),
      '2019-03-04T05:06:07.000Z',
    ]);
  });
});
