import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildIfStale,
  createTestDatabase,
  runBuiltCli,
  testPool,
  type CliRun,
  type TestDatabase,
} from '#testing';
import type pg from 'pg';
import { validateFilmRequest } from '../../../catalog/films/film-request.js';
import { FilmWriter } from '../../../catalog/films/film-writer.js';

const CLI = 'dist/src/modules/festivals/programme/import/import-festival.cli.js';

const EDITION_FILE = {
  festival: { slug: 'eiff', name: 'Edinburgh International Film Festival' },
  edition: {
    year: 2008,
    startsOn: '2008-08-13',
    endsOn: '2008-08-24',
    timeZone: 'Europe/London',
    ticketPrice: { amount: '10.95', currency: 'GBP' },
    bulkDiscounts: [{ minFilms: 6, percent: 25 }],
  },
  strands: [
    { slug: 'directors-showcase', name: "Directors' Showcase" },
    { slug: 'gala', name: 'Galas', description: 'Opening and closing' },
  ],
  films: [
    { film: 'paris-2008', strand: 'directors-showcase', premiere: 'uk' },
    { film: 'tsotsi-2005', strand: 'gala', gala: 'opening' },
  ],
  screenings: [
    { film: 'paris-2008', venue: 'Filmhouse 1', startsAt: '2008-08-16T00:30' },
    { film: 'paris-2008', venue: 'Cineworld 3', startsAt: '2008-08-17T14:00' },
    { film: 'tsotsi-2005', venue: 'Festival Theatre', startsAt: '2008-08-13T19:30' },
  ],
};

describe('npm run festival:import (the built CLI)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let directory: string;

  const run = (...args: string[]): Promise<CliRun> => runBuiltCli(CLI, args, { DATABASE_URL: database.url });
  const file = async (name: string, content: unknown): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const counts = async (): Promise<Record<string, number>> => {
    const { rows } = await pool.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM festivals) AS festivals, (SELECT count(*)::int FROM festival_editions) AS editions,
              (SELECT count(*)::int FROM festival_strands) AS strands, (SELECT count(*)::int FROM festival_selections) AS films,
              (SELECT count(*)::int FROM festival_screenings) AS screenings`,
    );
    return rows[0]!;
  };
  const addFilm = async (film: Record<string, unknown>): Promise<void> => {
    const request = await validateFilmRequest(film);
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    await new FilmWriter(pool).create(request.value);
  };

  beforeAll(async () => {
    buildIfStale();
    database = await createTestDatabase();
    pool = testPool(database);
    directory = await mkdtemp(join(tmpdir(), 'filmlog-festival-import-'));
    await addFilm({ title: 'Paris', year: 2008, runtimeMinutes: 130, countries: ['FR'] });
    await addFilm({ title: 'Tsotsi', year: 2005, countries: ['ZA'] });
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses a file with bad rows, naming each by position, and writes nothing', async () => {
    const bad = {
      ...EDITION_FILE,
      films: [
        ...EDITION_FILE.films,
        { film: 'no-such-film', strand: 'gala' },
        { film: 'paris-2008', strand: 'shorts' },
      ],
      screenings: [
        ...EDITION_FILE.screenings,
        { film: 'paris-2008', venue: 'Cameo', startsAt: '2008-08-25T20:00' },
        { film: 'unknown', venue: 'Cameo', startsAt: '2008-08-20T20:00' },
      ],
    };
    const result = await run(await file('bad.json', bad));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('films[2].film: no film no-such-film in the catalogue');
    expect(result.stderr).toContain('films[3].strand: no such strand shorts');
    expect(result.stderr).toContain('screenings[3].startsAt: startsAt falls on 2008-08-25');
    expect(result.stderr).toContain('screenings[4].film: unknown is not among the films');
    expect(await counts()).toEqual({ festivals: 0, editions: 0, strands: 0, films: 0, screenings: 0 });
  });

  it('refuses fields the API would refuse, by position, before touching the database', async () => {
    const bad = {
      ...EDITION_FILE,
      edition: { ...EDITION_FILE.edition, timeZone: 'Mars/Olympus' },
      strands: [{ slug: 'Bad Slug', name: 'X' }],
      films: [{ film: 'paris-2008', strand: 'gala', premiere: 'galactic', colour: 'red' }],
    };
    const result = await run(await file('fields.json', bad));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('edition.timeZone:');
    expect(result.stderr).toContain('strands[0].slug:');
    expect(result.stderr).toContain('films[0].premiere:');
    expect(result.stderr).toContain('films[0].colour:');
    expect(await counts()).toEqual({ festivals: 0, editions: 0, strands: 0, films: 0, screenings: 0 });
  });

  it('imports the whole edition, then a second run changes nothing', async () => {
    const path = await file('eiff.json', EDITION_FILE);
    const first = await run(path);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('screenings: 3 created, 0 updated, 0 unchanged');
    const after = await counts();
    expect(after).toEqual({ festivals: 1, editions: 1, strands: 2, films: 2, screenings: 3 });
    const { rows: before } = await pool.query(
      'SELECT id, starts_at, local_date::text FROM festival_screenings ORDER BY id',
    );
    const second = await run(path);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('festival: 0 created, 0 updated, 1 unchanged');
    expect(second.stdout).toContain('edition: 0 created, 0 updated, 1 unchanged');
    expect(second.stdout).toContain('films: 0 created, 0 updated, 2 unchanged');
    expect(second.stdout).toContain('screenings: 0 created, 0 updated, 3 unchanged');
    expect(await counts()).toEqual(after);
    const { rows: again } = await pool.query(
      'SELECT id, starts_at, local_date::text FROM festival_screenings ORDER BY id',
    );
    expect(again).toEqual(before);
    const late = await pool.query<{ local_date: string }>(
      `SELECT local_date::text FROM festival_screenings WHERE local_start = '2008-08-16T00:30'`,
    );
    expect(late.rows).toEqual([{ local_date: '2008-08-16' }]);
  });

  it('refuses new dates that would leave imported screenings outside, keeping the edition as it was', async () => {
    const moved = {
      ...EDITION_FILE,
      edition: { ...EDITION_FILE.edition, startsOn: '2008-08-14' },
      screenings: [],
    };
    const result = await run(await file('moved.json', moved));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('edition.startsOn:');
    const { rows } = await pool.query<{ starts_on: string }>('SELECT starts_on::text FROM festival_editions');
    expect(rows).toEqual([{ starts_on: '2008-08-13' }]);
  });

  it('answers a usage error with 2 and a file that is not JSON with 1', async () => {
    expect((await run()).code).toBe(2);
    const notJson = await run(await file('broken.json', '{ "festival": '));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not a UTF-8 JSON file');
  });
});
