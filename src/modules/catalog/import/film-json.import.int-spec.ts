import pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { FilmWriter } from '../films/film-writer.js';
import { importFilmJson } from './film-json.import.js';
import type { ImportCounts } from './import-tally.js';

const paris = {
  title: 'Paris',
  originalTitle: 'Paris',
  year: 2008,
  runtimeMinutes: 130,
  directors: [{ name: 'Cédric Klapisch' }],
  cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }],
  genres: ['comedy', 'drama'],
  languages: ['fr', 'en'],
  countries: ['FR'],
  externalIds: { imdb: 'tt0869994' },
  criticReviews: [{ outlet: 'Le Monde', region: 'FR', excerpt: 'Une ville en mosaïque.' }],
};
const holyMotors = {
  title: 'Holy Motors',
  year: 2012,
  directors: [{ name: 'Leos Carax' }],
  cast: [{ name: 'Denis Lavant' }],
  externalIds: { imdb: 'tt2076220', tmdb: 103328 },
};

/** One film per line, after the opening bracket on line 1. */
const jsonLines = (...entries: (object | string)[]): string =>
  `[\n${entries.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join(',\n')}\n]\n`;

async function* fileOf(text: string): AsyncGenerator<string> {
  yield text;
}

describe('importing a JSON array of films', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  const importText = (text: string): Promise<ImportCounts> =>
    importFilmJson(fileOf(text), new FilmWriter(pool), { concurrency: 3 });

  const count = async (table: string): Promise<number> =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 3);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('writes whole films through the writer and reports each bad entry by its line', async () => {
    const counts = await importText(
      jsonLines(
        paris,
        { title: 'No Id', year: 2001 },
        { title: '', year: 1066, externalIds: { imdb: 'tt0000700' } },
        '{"title": broken}',
        holyMotors,
        { ...holyMotors, title: 'Unknown Field', externalIds: { imdb: 'tt0000701' }, rating: 5 },
      ),
    );

    expect(counts).toMatchObject({ rows: 6, imported: 2, updated: 0, unchanged: 0, skipped: 4 });
    expect(counts.badRows.map((row) => row.at)).toEqual([3, 4, 5, 7]);
    expect(counts.badRows[0]!.reason).toContain('externalIds needs imdb or tmdb');
    expect(counts.badRows[1]!.reason).toMatch(/title: .*; year: /);
    expect(counts.badRows[2]!.reason).toMatch(/^not valid JSON/);
    expect(counts.badRows[3]!.reason).toContain('rating');
    const { rows } = await pool.query<{ title: string; search_text: string; slug: string }>(
      'SELECT title, search_text, slug FROM films ORDER BY title',
    );
    expect(rows).toEqual([
      { title: 'Holy Motors', search_text: 'holy motors leos carax', slug: 'holy-motors-2012' },
      { title: 'Paris', search_text: 'paris paris cedric klapisch', slug: 'paris-2008' },
    ]);
    expect(await count('film_credits')).toBe(5);
    expect(await count('critic_reviews')).toBe(1);
  });

  it('changes nothing when the same file comes again', async () => {
    const counts = await importText(jsonLines(paris, holyMotors));

    expect(counts).toMatchObject({ imported: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await count('films')).toBe(2);
    expect(await count('people')).toBe(5);
  });

  it('updates a film matched by an external id, the later of two entries for it winning', async () => {
    const counts = await importText(
      jsonLines({ ...paris, runtimeMinutes: 128 }, { ...paris, runtimeMinutes: 131 }, holyMotors),
    );

    expect(counts).toMatchObject({ imported: 0, updated: 2, unchanged: 1 });
    const { rows } = await pool.query<{ runtime_minutes: number; slug: string }>(
      `SELECT runtime_minutes, slug FROM films WHERE imdb_id = 'tt0869994'`,
    );
    expect(rows).toEqual([{ runtime_minutes: 131, slug: 'paris-2008' }]);
  });

  it('reports an entry whose external ids belong to two different films, and goes on', async () => {
    const counts = await importText(
      jsonLines(
        { ...paris, externalIds: { imdb: 'tt0869994', tmdb: 103328 } },
        { title: 'Still Imported', externalIds: { imdb: 'tt0000702' } },
      ),
    );

    expect(counts).toMatchObject({ imported: 1, skipped: 1 });
    expect(counts.badRows[0]).toMatchObject({ at: 2 });
    expect(counts.badRows[0]!.reason).toContain('already belongs to film');
  });
});
