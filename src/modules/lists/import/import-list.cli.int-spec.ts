import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore, type RecordedEvent } from '#event-store';
import {
  buildIfStale,
  createTestDatabase,
  runBuiltCli,
  testPool,
  type CliRun,
  type TestDatabase,
} from '#testing';
import type pg from 'pg';
import { validateFilmRequest } from '../../catalog/films/film-request.js';
import { FilmWriter } from '../../catalog/films/film-writer.js';

const CLI = 'dist/src/modules/lists/import/import-list.cli.js';
const TITLE = "TSPDT's 1,000 Greatest Films";

describe('npm run lists:import (the built CLI)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: EventStore;
  let directory: string;
  const films: Record<string, string> = {};
  const members: Record<string, string> = {};

  const run = (...args: string[]): Promise<CliRun> =>
    runBuiltCli(CLI, args, { DATABASE_URL: database.url, EVENT_STORE: 'postgres' });

  const file = async (name: string, text: string): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, text);
    return path;
  };

  const addFilm = async (key: string, film: Record<string, unknown>): Promise<void> => {
    const request = await validateFilmRequest(film);
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    films[key] = (await new FilmWriter(pool).create(request.value)).id;
  };

  /** An account with its member row, as the members projection leaves it. */
  const addMember = async (username: string, roles: string[], joined: string): Promise<void> => {
    const id = randomUUID();
    await pool.query(
      `INSERT INTO accounts (id, username, username_key, password_hash, created_at) VALUES ($1, $2, $3, 'x', $4)`,
      [id, username, username.toLowerCase(), joined],
    );
    await pool.query(`INSERT INTO members (user_id, roles, joined_at) VALUES ($1, $2, $3)`, [
      id,
      roles,
      joined,
    ]);
    members[username] = id;
  };

  const listEvents = async (stdout: string): Promise<RecordedEvent[]> => {
    const id = /id ([0-9a-f-]{36})/.exec(stdout)?.[1];
    if (!id) throw new Error(`no list id in:\n${stdout}`);
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(`list-${id}`)) events.push(event);
    return events;
  };

  beforeAll(async () => {
    buildIfStale();
    database = await createTestDatabase();
    pool = testPool(database);
    store = await createEventStore({ kind: 'postgres', databaseUrl: database.url, applicationName: 'test' });
    directory = await mkdtemp(join(tmpdir(), 'filmlog-lists-import-'));
    await addFilm('vertigo', { title: 'Vertigo', year: 1958, externalIds: { imdb: 'tt0052357' } });
    await addFilm('kane', { title: 'Citizen Kane', year: 1941 });
    await addFilm('regle', { title: 'The Rules of the Game', originalTitle: 'La Règle du jeu', year: 1939 });
    await addFilm('tokyo', { title: 'Tokyo Story', year: 1953 });
    await addFilm('paris1', { title: 'Paris', year: 2008 });
    await addFilm('paris2', { title: 'Paris', year: 2008 });
    await addMember('someone', [], '2024-01-01T00:00:00Z');
    await addMember('first_admin', ['admin'], '2024-02-01T00:00:00Z');
    await addMember('curator', ['admin'], '2024-03-01T00:00:00Z');
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('creates the official list in rank order and reports unmatched rows and duplicates', async () => {
    const csv = await file(
      'tspdt.csv',
      '\uFEFF' +
        [
          'Title,Year,Rank,IMDb_ID,Director',
          '"Citizen Kane",1941,2,,Welles',
          'Règle du jeu,1939,1,,Renoir',
          'Paris,2008,4,,',
          ',,3,tt0052357,Hitchcock',
          '"Nowhere, a Film",1999,5,,',
          'Vertigo,1958,6,,Hitchcock',
          'Bad,19x8,x,,',
          '"Lost',
          'Film",2001,8,,',
          'tokyo story,1954,7,,Ozu',
        ].join('\r\n') +
        '\r\n',
    );

    const result = await run(csv, '--title', TITLE, '--description=The critics’ canon');

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const events = await listEvents(result.stdout);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'ListCreated',
        data: {
          ownerId: members.first_admin,
          kind: 'official',
          ranked: true,
          visibility: 'public',
          title: TITLE,
          description: 'The critics’ canon',
        },
      },
      {
        type: 'ListEditionPublished',
        data: { edition: 1, films: [films.regle, films.kane, films.vertigo, films.tokyo] },
      },
    ]);
    expect(events.every((event) => event.metadata.actorId === members.first_admin)).toBe(true);
    expect(result.stdout).toMatch(/rows +9\n/);
    expect(result.stdout).toMatch(/matched +5\n/);
    expect(result.stdout).toMatch(/films +4\n/);
    expect(result.stdout).toMatch(/duplicates +1\n/);
    expect(result.stdout).toMatch(/unmatched +4\n/);
    expect(result.stdout).toContain('line 7, rank 6, "Vertigo" (1958): same film as line 5');
    expect(result.stdout).toContain(
      'line 4, rank 4, "Paris" (2008): 2 catalogue films match equally well; none was chosen',
    );
    expect(result.stdout).toContain(
      'line 6, rank 5, "Nowhere, a Film" (1999): no catalogue film has this title in this year or a year either side',
    );
    expect(result.stdout).toContain(
      'line 8, "Bad": rank "x" is not a positive whole number; year "19x8" is not a year',
    );
    expect(result.stdout).toContain('line 9, rank 8, "Lost\\r\\nFilm" (2001): no catalogue film');
  });

  it('creates an unranked list as the admin named', async () => {
    const csv = await file('unranked.csv', 'title\nVertigo\nCitizen Kane\n');

    const result = await run(csv, '--title=Festival picks', '--unranked', '--admin', 'Curator');

    expect(result.code).toBe(0);
    const [created, edition] = await listEvents(result.stdout);
    expect(created?.data).toMatchObject({ ownerId: members.curator, ranked: false, description: null });
    expect(edition?.data).toEqual({ edition: 1, films: [films.vertigo, films.kane] });
  });

  it.each([
    ['a member who is not an admin', 'title\nVertigo\n', ['--admin', 'someone'], /someone is not an admin/],
    ['a header without title or imdb_id', 'rank,name\n1,Vertigo\n', [], /must name title or imdb_id/],
    ['a quoted field never closed', 'rank,title\n1,"Vertigo\n', [], /line 2: a quoted field is never closed/],
    ['a file that does not exist', null, [], /ENOENT/],
  ])('exits 1 on %s, saying why', async (_case, text, extra, message) => {
    const path = text === null ? join(directory, 'missing.csv') : await file('bad.csv', text);

    const result = await run(path, '--title', 'Bad', '--unranked', ...extra);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 1 and creates nothing when no row matches', async () => {
    const csv = await file('none.csv', 'rank,title,year\n1,Nothing Like It,1900\n');

    const result = await run(csv, '--title', 'Empty');

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No list created');
    expect(result.stdout).toContain('line 2, rank 1, "Nothing Like It" (1900): no catalogue film');
  });

  it('exits 2 with the usage when the title is missing', async () => {
    const result = await run(join(directory, 'tspdt.csv'));

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run lists:import -- <file.csv> --title <title>');
  });
});
