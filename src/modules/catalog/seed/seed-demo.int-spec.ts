import pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { loadFilm } from '../films/film-reader.js';
import { generatedFilms } from './generated-films.js';
import { seedDemoCatalogue } from './seed-demo.js';

const OPTIONS = { generatedFilms: 25, concurrency: 3 };

describe('the demo catalogue', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 3);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('loads the real films and the generated ones, none refused', async () => {
    const counts = await seedDemoCatalogue(pool, OPTIONS);

    expect(counts).toMatchObject({ rows: 35, imported: 35, skipped: 0 });
  });

  it('holds Paris with its full metadata', async () => {
    const paris = await loadFilm(pool, 'paris-2008');

    expect(paris).toMatchObject({
      title: 'Paris',
      originalTitle: 'Paris',
      year: 2008,
      runtimeMinutes: 130,
      directors: [{ name: 'Cédric Klapisch' }],
      genres: ['comedy', 'drama', 'romance'],
      languages: ['fr', 'en'],
      countries: ['FR'],
      classification: 'M offensive language',
      externalIds: { imdb: 'tt0869994' },
    });
    expect(paris!.cast.map((person) => person.name)).toEqual([
      'Juliette Binoche',
      'Romain Duris',
      'Fabrice Luchini',
      'Albert Dupontel',
      'François Cluzet',
      'Karin Viard',
      'Gilles Lellouche',
    ]);
    expect(paris!.synopsis).toContain('Pierre');
    expect(paris!.criticReviews.length).toBeGreaterThanOrEqual(3);
    expect(await loadFilm(pool, 'holy-motors-2012')).toMatchObject({
      directors: [{ name: 'Leos Carax' }],
      cast: expect.arrayContaining([expect.objectContaining({ name: 'Denis Lavant' })]) as unknown,
    });
  });

  it('shares people between films: one Juliette Binoche, credited on several', async () => {
    const { rows } = await pool.query<{ films: number }>(
      `SELECT count(DISTINCT c.film_id)::int AS films FROM people p JOIN film_credits c ON c.person_id = p.id
        WHERE p.name = 'Juliette Binoche' GROUP BY p.id`,
    );

    expect(rows).toEqual([{ films: 4 }]);
  });

  it('changes nothing when run again', async () => {
    const before = await pool.query('SELECT id, slug, updated_at FROM films ORDER BY id');

    const counts = await seedDemoCatalogue(pool, OPTIONS);

    expect(counts).toMatchObject({ imported: 0, updated: 0, unchanged: 35, skipped: 0 });
    expect((await pool.query('SELECT id, slug, updated_at FROM films ORDER BY id')).rows).toEqual(
      before.rows,
    );
  });

  it('generates the same films every time', () => {
    expect(generatedFilms(5)).toEqual(generatedFilms(5));
    expect(generatedFilms(5, 1)).not.toEqual(generatedFilms(5, 2));
  });
});
