import type pg from 'pg';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import { FilmNotFoundException } from './film-errors.js';
import { FilmReferences } from './film-references.js';
import { validateFilmRequest } from './film-request.js';
import { FilmWriter } from './film-writer.js';
import type { Film } from './film.js';

describe('FilmReferences (catalogue in PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let statements = 0;
  let references: FilmReferences;
  let vertigo: Film;
  let kane: Film;

  const add = async (film: Record<string, unknown>): Promise<Film> => {
    const request = await validateFilmRequest(film);
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    return new FilmWriter(pool).create(request.value);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
    vertigo = await add({ title: 'Vertigo', year: 1958 });
    kane = await add({ title: 'Citizen Kane', year: 1941 });
    references = new FilmReferences({
      query: ((...args: Parameters<pg.Pool['query']>) => {
        statements += 1;
        return pool.query(...args);
      }) as pg.Pool['query'],
    });
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  beforeEach(() => {
    statements = 0;
  });

  it('answers many ids and slugs in their order with one statement, then from memory', async () => {
    const asked = [kane.slug, vertigo.id.toUpperCase(), kane.id, kane.slug];
    expect(await references.idsOf(asked)).toEqual([kane.id, vertigo.id, kane.id, kane.id]);
    expect(statements).toBe(1);

    expect(await references.idsOf([vertigo.slug, kane.id])).toEqual([vertigo.id, kane.id]);
    expect(await references.idOf(vertigo.id)).toBe(vertigo.id);
    expect(statements).toBe(2);
  });

  it('names the first reference no film answers to', async () => {
    const missing = 'no-such-film-1999';
    await expect(references.idsOf([vertigo.slug, missing, 'another-missing'])).rejects.toEqual(
      new FilmNotFoundException(missing),
    );
    await expect(references.idsOf([missing])).rejects.toBeInstanceOf(FilmNotFoundException);
  });
});
