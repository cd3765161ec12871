import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { AddFilmWords1766000000000 } from './film-words.migration.js';
import { validateFilmRequest } from './films/film-request.js';
import { FilmWriter } from './films/film-writer.js';
import type { TitleBasicsFilm } from './import/title-basics.line.js';
import { TitleBasicsWriter } from './import/title-basics.writer.js';

const request = async (plain: Record<string, unknown>) => {
  const result = await validateFilmRequest(plain);
  if (!result.ok) throw new Error(`invalid test film: ${JSON.stringify(result.errors)}`);
  return result.value;
};

const imdbFilm = (imdbId: string, title: string, originalTitle: string | null = null): TitleBasicsFilm => ({
  imdbId,
  title,
  originalTitle,
  year: 1960,
  runtimeMinutes: 90,
  genres: ['drama'],
});

describe('film_words', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const migration = new AddFilmWords1766000000000();
  const runner = {
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  } as unknown as QueryRunner;

  /** The table as kept, and as counted afresh from the films, in the same order. */
  const keptAndCounted = async () => {
    const kept = await pool.query(`SELECT word, films FROM film_words ORDER BY word`);
    const counted = await pool.query(`
      SELECT word, count(*)::int AS films FROM films, film_words_of(films.search_text) AS word
       GROUP BY word ORDER BY word`);
    return { kept: kept.rows, counted: counted.rows };
  };
  const wordsOf = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await keptAndCounted()).kept.map((row) => [row.word, row.films]));

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 4);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('is filled from the films already there, punctuation apart, each film counted once per word', async () => {
    await migration.down(runner);
    await pool.query(`
      INSERT INTO films (id, slug, title, search_text) VALUES
        (gen_random_uuid(), 'paris-2008', 'Paris', 'paris paris cedric klapisch'),
        (gen_random_uuid(), 'l-auberge-espagnole-2002', 'L''Auberge espagnole', 'l''auberge espagnole cedric klapisch')`);

    await migration.up(runner);

    expect(await wordsOf()).toEqual({ auberge: 1, cedric: 2, espagnole: 1, klapisch: 2, l: 1, paris: 1 });
  });

  it('follows films created, edited and deleted', async () => {
    const writer = new FilmWriter(pool);
    const film = await writer.create(
      await request({ title: 'Holy Motors', year: 2012, directors: [{ name: 'Leos Carax' }] }),
    );
    expect(await wordsOf()).toMatchObject({ holy: 1, motors: 1, leos: 1, carax: 1 });

    await writer.update(
      film.id,
      await request({ title: 'Holy Motors', year: 2012, directors: [{ name: 'Denis Lavant' }] }),
    );
    const words = await wordsOf();
    expect(words).toMatchObject({ holy: 1, motors: 1, denis: 1, lavant: 1 });
    expect(words).not.toHaveProperty('carax');

    await pool.query(`DELETE FROM films WHERE slug = 'paris-2008'`);
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(kept).not.toContainEqual(expect.objectContaining({ word: 'paris' }));
  });

  it('follows a bulk import, run twice at once and again with new titles', async () => {
    const films = Array.from({ length: 300 }, (_, i) =>
      imdbFilm(`tt${String(i).padStart(7, '0')}`, `Night Train ${i}`, i % 3 === 0 ? 'Nachtzug' : null),
    );
    const writer = new TitleBasicsWriter(pool, 2);
    const rows = films.map((film, line) => ({ line, film }));
    // Two batches sharing words, written at once, as the importer does.
    await Promise.all([writer.write(rows.slice(0, 150)), writer.write(rows.slice(150))]);
    expect(await wordsOf()).toMatchObject({ night: 300, train: 300, nachtzug: 100 });

    await writer.write(
      rows.map((row) => ({ ...row, film: { ...row.film, title: `Day Train ${row.line}` } })),
    );
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(await wordsOf()).toMatchObject({ day: 300, train: 300, nachtzug: 100 });
    expect(await wordsOf()).not.toHaveProperty('night');
  });
});
