import type pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { FirstLoad, restoreDeferredIndexes } from './first-load.js';
import { importTitleBasics } from './title-basics.import.js';
import { TitleBasicsWriter } from './title-basics.writer.js';

const FILE = [
  'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres',
  'tt0869994\tmovie\tParis\tParis\t0\t2008\t\\N\t130\tComedy,Drama,Romance',
  'tt2076220\tmovie\tHoly Motors\tHoly Motors\t0\t2012\t\\N\t115\tDrama,Fantasy',
].join('\n');

async function* fileOf(text: string): AsyncGenerator<string> {
  yield `${text}\n`;
}

const indexesOfFilms = async (pool: pg.Pool): Promise<string[]> =>
  (
    await pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'films' ORDER BY indexname`,
    )
  ).rows.map((row) => row.indexdef);

const deferred = async (pool: pg.Pool): Promise<string[]> =>
  (await pool.query<{ name: string }>(`SELECT name FROM catalogue_deferred_indexes ORDER BY name`)).rows.map(
    (row) => row.name,
  );

/** What a killed import leaves: its session, and the advisory lock with it, ended by the server. */
const endFirstLoadSession = (pool: pg.Pool) =>
  pool.query(
    `SELECT pg_terminate_backend(locks.pid) FROM pg_locks locks JOIN pg_database db ON db.oid = locks.database
      WHERE locks.locktype = 'advisory' AND db.datname = current_database()`,
  );

describe('FirstLoad (catalogue indexes built once after loading an empty films table)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let migrated: string[];

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 3);
    migrated = await indexesOfFilms(pool);
  });
  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  it('drops the secondary indexes of an empty catalogue for the load and builds the same ones after it', async () => {
    const load = await FirstLoad.begin(pool);
    expect(load).not.toBeNull();
    const during = await indexesOfFilms(pool);
    // The unique ones stay: the upsert's ON CONFLICT needs imdb_id's, the slugs stay unique.
    expect(during.every((definition) => /UNIQUE|_pkey/.test(definition))).toBe(true);
    expect(during.length).toBeLessThan(migrated.length);
    expect((await deferred(pool)).length).toBe(migrated.length - during.length);

    const counts = await importTitleBasics(fileOf(FILE), new TitleBasicsWriter(pool, 2), { batchSize: 100 });
    expect(counts.imported).toBe(2);
    expect(await load!.finish()).toBe(migrated.length - during.length);

    expect(await indexesOfFilms(pool)).toEqual(migrated);
    expect(await deferred(pool)).toEqual([]);
    const { rows } = await pool.query(`SELECT title FROM films WHERE search_text % 'holy motor'`);
    expect(rows).toEqual([{ title: 'Holy Motors' }]);
  });

  it('leaves a catalogue that has films as it is', async () => {
    await importTitleBasics(fileOf(FILE), new TitleBasicsWriter(pool, 2), { batchSize: 100 });
    expect(await FirstLoad.begin(pool)).toBeNull();
    expect(await indexesOfFilms(pool)).toEqual(migrated);
  });

  it('lets one first load run at a time', async () => {
    const first = await FirstLoad.begin(pool);
    expect(first).not.toBeNull();
    expect(await FirstLoad.begin(pool)).toBeNull();
    // Nor does the next import build the first one's indexes under it.
    expect(await restoreDeferredIndexes(pool)).toBe(0);
    await first!.finish();
    expect(await indexesOfFilms(pool)).toEqual(migrated);
  });

  it('leaves the indexes of a killed first load to the next import, which builds them', async () => {
    const killed = await FirstLoad.begin(pool);
    expect(killed).not.toBeNull();
    await importTitleBasics(fileOf(FILE), new TitleBasicsWriter(pool, 2), { batchSize: 100 });
    await endFirstLoadSession(pool);

    const left = (await deferred(pool)).length;
    expect(left).toBeGreaterThan(0);
    // Films are in, so the next import is no first load; it builds what the killed one left.
    expect(await FirstLoad.begin(pool)).toBeNull();
    expect(await restoreDeferredIndexes(pool)).toBe(left);
    expect(await indexesOfFilms(pool)).toEqual(migrated);
    expect(await deferred(pool)).toEqual([]);
  });
});
