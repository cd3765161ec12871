import type pg from 'pg';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import { FilmMatcher } from './film-matcher.js';
import { validateFilmRequest } from './film-request.js';
import { FilmWriter } from './film-writer.js';

describe('FilmMatcher (catalogue in PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let matcher: FilmMatcher;
  const ids: Record<string, string> = {};
  let statements = 0;

  const add = async (key: string, film: Record<string, unknown>): Promise<void> => {
    const request = await validateFilmRequest(film);
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    ids[key] = (await new FilmWriter(pool).create(request.value)).id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
    await add('vertigo', { title: 'Vertigo', year: 1958, externalIds: { imdb: 'tt0052357' } });
    await add('kane', { title: 'Citizen Kane', year: 1941 });
    await add('regle', { title: 'The Rules of the Game', originalTitle: 'La Règle du jeu', year: 1939 });
    await add('paris1', { title: 'Paris', year: 2008 });
    await add('paris2', { title: 'Paris', year: 2008 });
    await add('tokyo', {
      title: 'Tokyo Story',
      originalTitle: '東京物語',
      year: 1953,
      externalIds: { imdb: 'tt0046438' },
    });
    await add('mi', { title: 'Mission: Impossible', year: 1996 });
    await add('au-hasard', { title: 'Au hasard Balthazar', year: 1966 });
    const counting = {
      query: ((...args: Parameters<pg.Pool['query']>) => {
        statements += 1;
        return pool.query(...args);
      }) as pg.Pool['query'],
    };
    matcher = new FilmMatcher(counting);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('matches a batch by IMDb id, title and original title in a few statements', async () => {
    statements = 0;
    const results = await matcher.match([
      { imdbId: 'tt0052357' },
      { title: 'citizen kane', year: 1941 },
      { title: 'Regle du Jeu', year: 1939 },
      { title: 'Mission Impossible', year: 1997 },
      { title: 'Tokyo Story', year: 1953, imdbId: 'TT0046438' },
      { title: 'Au Hasard, Balthazar!', year: 1966 },
      { title: 'Citizen Kane' },
    ]);

    expect(results).toEqual([
      { matched: true, filmId: ids.vertigo, by: 'imdb' },
      { matched: true, filmId: ids.kane, by: 'title' },
      { matched: true, filmId: ids.regle, by: 'title' },
      { matched: true, filmId: ids.mi, by: 'title' },
      { matched: true, filmId: ids.tokyo, by: 'imdb' },
      { matched: true, filmId: ids['au-hasard'], by: 'title' },
      { matched: true, filmId: ids.kane, by: 'title' },
    ]);
    // The ids, then every title at once (with a year or without).
    expect(statements).toBe(2);
  });

  it('leaves unknown, ambiguous and empty rows unmatched', async () => {
    const results = await matcher.match([
      { title: 'Paris', year: 2008 },
      { title: 'Vertigo', year: 1961 },
      { imdbId: 'tt9999999' },
      { title: '  ' },
      { imdbId: 'tt9999998', title: 'Citizen Kane', year: 1941 },
      { imdbId: 'tt9999997', title: 'Kane', year: 1941 },
    ]);

    expect(results).toEqual([
      { matched: false, reason: 'ambiguous', candidates: 2 },
      { matched: false, reason: 'no-such-film', candidates: 0 },
      { matched: false, reason: 'no-such-film', candidates: 0 },
      { matched: false, reason: 'nothing-to-match', candidates: 0 },
      // The catalogue's Citizen Kane has no IMDb id, so it may be the row's film.
      { matched: true, filmId: ids.kane, by: 'title' },
      { matched: false, reason: 'no-such-film', candidates: 0 },
    ]);
  });

  it('finds a film by the title it was renamed to, not the one it had', async () => {
    const request = await validateFilmRequest({
      title: 'Au hasard, Balthazar',
      originalTitle: 'Balthazar',
      year: 1966,
    });
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    await new FilmWriter(pool).update(ids['au-hasard']!, request.value);

    expect(
      await matcher.match([
        { title: 'Balthazar', year: 1966 },
        { title: 'Au Hasard Balthazar', year: 1967 },
        { title: 'Mission: Impossible', year: 1966 },
      ]),
    ).toEqual([
      { matched: true, filmId: ids['au-hasard'], by: 'title' },
      { matched: true, filmId: ids['au-hasard'], by: 'title' },
      { matched: false, reason: 'no-such-film', candidates: 0 },
    ]);
  });

  it('does not take a film with another IMDb id for a row whose id the catalogue lacks', async () => {
    expect(await matcher.match([{ imdbId: 'tt0000001', title: 'Vertigo', year: 1958 }])).toEqual([
      { matched: false, reason: 'no-such-film', candidates: 0 },
    ]);
  });
});
