import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { CommandRunner } from '#decider';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import { decodeText } from '../../../common/csv/decode-text.js';
import { validateFilmRequest } from '../../catalog/films/film-request.js';
import { FilmWriter } from '../../catalog/films/film-writer.js';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import { recordsOf } from '../parsing/csv-file.js';
import { readZipEntries } from '../parsing/zip-entries.js';
import { startImport } from '../testing/start-import.js';
import { ImportRunner } from './import-runner.js';

/** Real exports made by other people (provenance in their PROVENANCE.md); never copied here. */
const REAL_EXPORTS = join(__dirname, '../../../../../shared/fixtures/real-exports');
/** Each Letterboxd export there, with the viewings and rewatches its diary.csv holds. */
const EXPORTS = [
  // The figures for this one: 938 viewings, 527 of them rewatches.
  { file: 'letterboxd-kevdoy-kev.zip', viewings: 938, rewatches: 527, reviews: 156 },
  { file: 'letterboxd-neodb-2025-09-23-06-48-utc.zip', viewings: 1, rewatches: 0, reviews: 1 },
];

const describeWithExports = existsSync(REAL_EXPORTS) ? describe : describe.skip;
if (!existsSync(REAL_EXPORTS)) {
  console.warn(`real-export diary spec skipped: ${REAL_EXPORTS} is not there (CI has it)`);
}

interface Viewing {
  watchedOn: string;
  rewatch: boolean;
  rating: number | null;
}

const byDay = (a: Viewing, b: Viewing): number =>
  a.watchedOn.localeCompare(b.watchedOn) ||
  Number(a.rewatch) - Number(b.rewatch) ||
  (a.rating ?? 0) - (b.rating ?? 0);

describeWithExports('real Letterboxd diaries, imported (PostgreSQL, real deciders)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  const filmIds = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 8);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
    runner = new CommandRunner({ store, clock: () => new Date(), ids: randomUUID });
  });

  /** The films reviews.csv names (Name and Year), with each review's text. */
  async function reviewsOf(bytes: Buffer): Promise<Map<string, string[]>> {
    const files = await readZipEntries(bytes, (name) => name === 'reviews.csv', 50 * 1024 * 1024);
    const [, ...rows] = recordsOf('reviews.csv', decodeText(files.get('reviews.csv')!));
    const reviews = new Map<string, string[]>();
    for (const { fields } of rows) {
      const key = `${fields[1]}\n${fields[2]}`;
      reviews.set(key, [...(reviews.get(key) ?? []), fields[6]!]);
    }
    return reviews;
  }

  /** What diary.csv says, read here row by row: each film's viewings (by Name and Year). */
  async function diaryOf(bytes: Buffer): Promise<Map<string, Viewing[]>> {
    const expected = new Map<string, Viewing[]>();
    const files = await readZipEntries(bytes, (name) => name === 'diary.csv', 50 * 1024 * 1024);
    const [, ...diary] = recordsOf('diary.csv', decodeText(files.get('diary.csv')!));
    for (const { fields } of diary) {
      const key = `${fields[1]}\n${fields[2]}`;
      const viewings = expected.get(key) ?? [];
      viewings.push({
        watchedOn: fields[7] || fields[0]!,
        rewatch: fields[5] === 'Yes',
        rating: fields[4] === '' ? null : Number(fields[4]),
      });
      expected.set(key, viewings);
    }
    return expected;
  }

  /** The catalogue has every film of the diary, as the export names it. */
  async function catalogue(keys: Iterable<string>): Promise<void> {
    const writer = new FilmWriter(pool);
    for (const key of keys) {
      if (filmIds.has(key)) continue;
      const [title, year] = key.split('\n');
      const request = await validateFilmRequest({ title, ...(year ? { year: Number(year) } : {}) });
      if (!request.ok) throw new Error(JSON.stringify(request.errors));
      filmIds.set(key, (await writer.create(request.value)).id);
    }
  }

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  const start = (memberId: string, bytes: Buffer): Promise<string> =>
    startImport(pool, runner, memberId, bytes, 'kev.zip');

  const read = async (streamId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  };

  it.each(EXPORTS)(
    '$file: every diary row an entry with its day, rewatch and stars, every review with its text; a re-import adds none',
    async ({ file, viewings: rows, rewatches, reviews: reviewRows }) => {
      const bytes = readFileSync(join(REAL_EXPORTS, file));
      const expected = await diaryOf(bytes);
      expect([...expected.values()].flat()).toHaveLength(rows);
      expect([...expected.values()].flat().filter((viewing) => viewing.rewatch)).toHaveLength(rewatches);
      const reviews = await reviewsOf(bytes);
      expect([...reviews.values()].flat()).toHaveLength(reviewRows);
      await catalogue([...expected.keys(), ...reviews.keys()]);

      const member = randomUUID();
      const outcome = await new ImportRunner({ store, runner, pool }).run(await start(member, bytes));
      expect(outcome).toMatchObject({
        status: 'completed',
        counts: { diaryEntries: rows, reviews: reviewRows },
      });
      // Each film's reviews, with their text as written.
      const { rows: posted } = await pool.query<{ film_id: string; body: string }>(
        `SELECT data->>'filmId' AS film_id, data->>'body' AS body FROM events
         WHERE type = 'ReviewPosted' AND data->>'authorId' = $1`,
        [member],
      );
      for (const [key, bodies] of reviews) {
        const filmId = filmIds.get(key)!;
        const written = posted.filter((row) => row.film_id === filmId).map((row) => row.body);
        // Fields are read without the spaces around them.
        expect([key, written.sort()]).toEqual([key, bodies.map((body) => body.trim()).sort()]);
      }

      for (const [key, viewings] of expected) {
        const events = await read(filmLogStream(member, filmIds.get(key)!));
        const logged = events
          .filter((event) => event.type === 'ViewingLogged')
          .map((event) => {
            const { watchedOn, rewatch, rating } = event.data as unknown as Viewing;
            return { watchedOn, rewatch, rating };
          });
        expect([key, logged.sort(byDay)]).toEqual([key, [...viewings].sort(byDay)]);
        // The film's date is its earliest viewing.
        const dates = events.flatMap((event) =>
          event.type === 'FilmChecked' || event.type === 'FilmWatchDateChanged'
            ? [(event.data as { watchedOn: string | null }).watchedOn]
            : [],
        );
        expect([key, dates.at(-1)]).toEqual([key, viewings.map((viewing) => viewing.watchedOn).sort()[0]]);
      }
      const { rows: keys } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM diary_entry_keys WHERE user_id = $1',
        [member],
      );
      expect(keys[0]!.n).toBe(rows);

      const again = await new ImportRunner({ store, runner, pool }).run(await start(member, bytes));
      expect(again).toMatchObject({
        status: 'completed',
        counts: { diaryEntries: 0, reviews: 0, checked: 0, ratings: 0 },
      });
    },
    180_000,
  );
});
