import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CommandRunner } from '#decider';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { createTestDatabase, letterboxdExport, testPool, type TestDatabase } from '#testing';
import { letterboxdSample } from '../../../../test/fixtures/imports/letterboxd-sample.js';
import { validateFilmRequest } from '../../catalog/films/film-request.js';
import { FilmWriter } from '../../catalog/films/film-writer.js';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import { listStream } from '../../lists/domain/list.events.js';
import { importStream } from '../domain/import.events.js';
import { importedListId } from '../domain/imported-list-id.js';
import { startImport } from '../testing/start-import.js';
import { ImportRunner } from './import-runner.js';

/** Films of the sample export the catalogue has; Aftersun it has not (Past Lives only has bad rows). */
const CATALOGUE = {
  parasite: { title: 'Parasite', originalTitle: '기생충', year: 2019 },
  tiger: { title: 'Crouching Tiger, Hidden Dragon', year: 2000 },
  amelie: { title: 'Amélie', year: 2001 },
  zone: { title: 'The Zone of Interest', year: 2023 },
  stalker: { title: 'Stalker', year: 1979 },
  tinker: { title: 'Tinker Tailor Soldier Spy', year: 2011 },
  portrait: { title: 'Portrait of a Lady on Fire', year: 2019 },
} as const;
type Key = keyof typeof CATALOGUE;

describe('ImportRunner (PostgreSQL, real deciders)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  const films = {} as Record<Key, string>;
  let zip: Buffer;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 8);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
    runner = new CommandRunner({ store, clock: () => new Date(), ids: randomUUID });
    for (const [key, film] of Object.entries(CATALOGUE)) {
      const request = await validateFilmRequest(film);
      if (!request.ok) throw new Error(JSON.stringify(request.errors));
      films[key as Key] = (await new FilmWriter(pool).create(request.value)).id;
    }
    zip = await letterboxdExport(letterboxdSample);
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  const start = (memberId: string, bytes: Buffer): Promise<string> =>
    startImport(pool, runner, memberId, bytes);

  const read = async (streamId: string, from: EventStore = store): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of from.readStream(streamId)) events.push(event);
    return events;
  };

  const eventCount = async (): Promise<number> =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`)).rows[0]!.n;

  it('writes the export as the member’s own dated marks and a ranked private list, then the result', async () => {
    const member = randomUUID();
    const importId = await start(member, zip);
    const outcome = await new ImportRunner({ store, runner, pool }).run(importId);

    expect(outcome).toEqual({
      status: 'completed',
      counts: {
        checked: 4,
        favourites: 1,
        watchlist: 2,
        ratings: 3,
        diaryEntries: 4,
        reviews: 1,
        lists: 2,
        unmatched: 1,
      },
    });
    const parasite = await read(filmLogStream(member, films.parasite));
    expect(parasite.map((event) => [event.type, event.data, event.metadata.occurredAt])).toEqual([
      ['FilmChecked', { watchedOn: '2020-02-10' }, '2020-02-10T12:00:00.000Z'],
      // Every diary row, oldest day first, at the time it was logged.
      [
        'ViewingLogged',
        { entry: expect.any(String), watchedOn: '2020-02-10', rewatch: false, rating: 4.5 },
        '2021-03-01T12:00:00.000Z',
      ],
      [
        'ViewingLogged',
        { entry: expect.any(String), watchedOn: '2023-05-31', rewatch: true, rating: 5 },
        '2023-06-01T12:00:00.000Z',
      ],
      ['FilmFavourited', {}, expect.stringMatching(/^2021-03-05T/)],
      // The latest rating given: the rewatch's, logged on 2023-06-01.
      ['FilmRated', { rating: 5, previous: null }, '2023-06-01T12:00:00.000Z'],
    ]);
    for (const event of parasite)
      expect(event.metadata).toMatchObject({ actorId: member, correlationId: importId });
    expect((await read(filmLogStream(member, films.stalker))).map((event) => event.type)).toEqual([
      'FilmAddedToWatchlist',
    ]);

    const list = await read(listStream(importedListId(member, 'letterboxd', 'best-of-2019')));
    expect(list.map((event) => [event.type, event.data])).toEqual([
      [
        'ListCreated',
        expect.objectContaining({ ownerId: member, kind: 'personal', ranked: true, visibility: 'private' }),
      ],
      ['FilmAddedToList', { filmId: films.parasite, rank: 1, note: "Bong's best, by far" }],
      ['FilmAddedToList', { filmId: films.portrait, rank: 2, note: null }],
    ]);

    const result = await read(importStream(importId));
    const completed = result.at(-1)!;
    expect(completed.type).toBe('ImportCompleted');
    expect(completed.data).toMatchObject({
      unmatched: expect.arrayContaining([{ title: 'Aftersun', year: 2022, file: 'watched.csv', line: 5 }]),
      notImported: {},
    });
    expect((completed.data as { rowErrors: unknown[] }).rowErrors).toHaveLength(2);
    expect(result.filter((event) => event.type === 'ImportProgressed').length).toBeGreaterThan(0);
    expect((await pool.query(`SELECT 1 FROM import_files WHERE import_id = $1`, [importId])).rowCount).toBe(
      0,
    );
  });

  it('a job run again after a crash adds every mark once; run once more, it adds no event at all', async () => {
    const member = randomUUID();
    const importId = await start(member, zip);
    // The worker dies after three film-log appends, or once the first append of many films'
    // streams committed (before it could go on): the run again finds those streams written.
    let appends = 0;
    let appendedMany = 0;
    const crashing: EventStore = Object.assign(Object.create(store) as EventStore, {
      append: (...args: Parameters<EventStore['append']>) => {
        if (args[0].startsWith('filmlog-') && ++appends > 3)
          return Promise.reject(new Error('worker killed'));
        return store.append(...args);
      },
      appendMany: async (...args: Parameters<EventStore['appendMany']>) => {
        await store.appendMany(...args);
        appendedMany += 1;
        throw new Error('worker killed');
      },
    });
    const crashingRunner = new CommandRunner({ store: crashing, clock: () => new Date(), ids: randomUUID });
    await expect(
      new ImportRunner({ store: crashing, runner: crashingRunner, pool, concurrency: 1 }).run(importId),
    ).rejects.toThrow('worker killed');
    expect(appendedMany).toBe(1);
    expect((await read(importStream(importId))).map((event) => event.type)).not.toContain('ImportCompleted');

    const again = await new ImportRunner({ store, runner, pool }).run(importId);
    expect(again).toMatchObject({ status: 'completed', counts: { unmatched: 1 } });
    for (const film of Object.values(films)) {
      const written = await read(filmLogStream(member, film));
      const types = written.filter((event) => event.type !== 'ViewingLogged').map((event) => event.type);
      expect(new Set(types).size).toBe(types.length);
      // Each viewing once: a retry derives the same entry ids and finds them written.
      const entries = written
        .filter((event) => event.type === 'ViewingLogged')
        .map((event) => (event.data as { entry: string }).entry);
      expect(new Set(entries).size).toBe(entries.length);
    }

    const before = await eventCount();
    expect(await new ImportRunner({ store, runner, pool }).run(importId)).toEqual({
      status: 'finished-before',
    });
    expect(await eventCount()).toBe(before);
  });

  it('the same file imported again adds nothing: counts of 0 and no film-log or list event', async () => {
    const member = randomUUID();
    await new ImportRunner({ store, runner, pool }).run(await start(member, zip));
    const before = await eventCount();
    const second = await start(member, zip);
    const afterStart = await eventCount();
    expect(afterStart).toBe(before + 1);
    const outcome = await new ImportRunner({ store, runner, pool }).run(second);
    expect(outcome).toEqual({
      status: 'completed',
      counts: {
        checked: 0,
        favourites: 0,
        watchlist: 0,
        ratings: 0,
        diaryEntries: 0,
        reviews: 0,
        lists: 0,
        unmatched: 1,
      },
    });
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE stream_id NOT LIKE 'import-%' AND metadata->>'correlationId' = $1`,
      [second],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('with the read model caught up, a re-import adds nothing; a film it has not caught up with is decided on its stream', async () => {
    const member = randomUUID();
    await new ImportRunner({ store, runner, pool }).run(await start(member, zip));
    const second = await start(member, zip);
    // The read model as the user-film-state projection leaves it once it has caught up with the
    // import's start, but Stalker's row not there yet; the films it shows marked are not written.
    const waitedFor: string[] = [];
    const catchUp = async (position: string) => {
      waitedFor.push(position);
      await pool.query(
        `INSERT INTO user_film_state (user_id, film_id, checked, watched_on, favourite, disliked, watchlisted)
         SELECT $1::uuid, split_part(stream_id, '.', 2)::uuid, bool_or(type = 'FilmChecked'),
                max(data->>'watchedOn')::date, bool_or(type = 'FilmFavourited'), false,
                bool_or(type = 'FilmAddedToWatchlist')
           FROM events WHERE stream_id LIKE $2 AND stream_id <> $3 GROUP BY stream_id`,
        [member, `filmlog-${member}.%`, filmLogStream(member, films.stalker)],
      );
    };
    const appendedTogether: number[] = [];
    const spying: EventStore = Object.assign(Object.create(store) as EventStore, {
      appendMany: (appends: Parameters<EventStore['appendMany']>[0]) => {
        appendedTogether.push(appends.filter(({ streamId }) => streamId.startsWith('filmlog-')).length);
        return store.appendMany(appends);
      },
    });
    const outcome = await new ImportRunner({ store: spying, runner, pool, marksCaughtUpWith: catchUp }).run(
      second,
    );
    expect(waitedFor).toEqual([(await read(importStream(second)))[0]!.position]);
    // Only the film the read model had not caught up with was tried as a film without marks.
    expect(appendedTogether).toEqual([1]);
    expect(outcome).toMatchObject({
      status: 'completed',
      counts: { checked: 0, favourites: 0, watchlist: 0 },
    });
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE stream_id NOT LIKE 'import-%' AND metadata->>'correlationId' = $1`,
      [second],
    );
    expect(rows[0]!.n).toBe(0);
    expect((await read(filmLogStream(member, films.stalker))).map((event) => event.type)).toEqual([
      'FilmAddedToWatchlist',
    ]);
  });

  it('fails an import whose file cannot be read, with the reason, and forgets the file', async () => {
    const member = randomUUID();
    const importId = await start(member, Buffer.from('PK\u0003\u0004 not really a zip'));
    const outcome = await new ImportRunner({ store, runner, pool }).run(importId);
    expect(outcome.status).toBe('failed');
    const failed = (await read(importStream(importId))).at(-1)!;
    expect(failed.type).toBe('ImportFailed');
    expect((failed.data as { reason: string }).reason.length).toBeGreaterThan(5);
    expect((await pool.query(`SELECT 1 FROM import_files WHERE import_id = $1`, [importId])).rowCount).toBe(
      0,
    );
  });
});
