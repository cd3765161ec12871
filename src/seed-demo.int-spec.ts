import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { FilmReferences } from './modules/catalog/films/film-references.js';
import { FilmPosters } from './modules/catalog/posters/film-posters.js';
import { LocalDiskImageStore } from './modules/catalog/posters/image-store.js';
import { loadFilm } from './modules/catalog/films/film-reader.js';
import {
  ListDayScreenings,
  ListDayScreeningsHandler,
} from './modules/festivals/programme/queries/day-screenings/day-screenings.query.js';
import {
  GetEdition,
  GetEditionHandler,
} from './modules/festivals/programme/queries/get-edition/get-edition.query.js';
import { seedDemoFestival } from './modules/festivals/seed/demo-festival.js';
import { drawPoster } from './modules/catalog/seed/drawn-poster.js';
import { generatedFilms } from './modules/catalog/seed/generated-films.js';
import { seedDemoCatalogue, seedDemoPosters } from './modules/catalog/seed/seed-demo.js';

const OPTIONS = { generatedFilms: 25, generatedPosters: 20, concurrency: 3 };

describe('the demo catalogue', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let imagesDir: string;
  let posters: FilmPosters;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 3);
    imagesDir = await mkdtemp(path.join(tmpdir(), 'filmlog-seed-posters-'));
    posters = new FilmPosters(pool, new LocalDiskImageStore(imagesDir), new FilmReferences(pool));
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
    if (imagesDir) await rm(imagesDir, { recursive: true, force: true });
  });

  it('loads the real films and the generated ones, none refused', async () => {
    const counts = await seedDemoCatalogue(pool, OPTIONS);

    expect(counts).toMatchObject({ rows: 43, imported: 43, skipped: 0 });
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

    expect(counts).toMatchObject({ imported: 0, updated: 0, unchanged: 43, skipped: 0 });
    expect((await pool.query('SELECT id, slug, updated_at FROM films ORDER BY id')).rows).toEqual(
      before.rows,
    );
  });

  it('gives the real films and the first generated ones a poster drawn from their title and year', async () => {
    const counts = await seedDemoPosters(pool, posters, OPTIONS);

    expect(counts).toEqual({ drawn: 38, kept: 0 });
    const { rows } = await pool.query<{ films: number; without: number }>(
      `SELECT count(p.film_id)::int AS films, count(*) FILTER (WHERE p.film_id IS NULL)::int AS without
         FROM films f LEFT JOIN film_posters p ON p.film_id = f.id`,
    );
    expect(rows).toEqual([{ films: 38, without: 5 }]);
    const paris = await loadFilm(pool, 'paris-2008');
    expect(paris!.poster).toMatchObject({ width: 600, height: 900 });
    const file = path.join(imagesDir, paris!.poster!.sizes['300'].replace('/images/', ''));
    expect(await sharp(file).metadata()).toMatchObject({ format: 'webp', width: 300, height: 450 });
  });

  it('draws no poster again, and leaves a film’s own poster alone', async () => {
    const uploaded = await posters.put(
      'paris-2008',
      await drawPoster('An admin’s poster', 2008),
      'image/jpeg',
    );
    const files = await readdir(path.join(imagesDir, 'posters'));
    const before = await pool.query(
      'SELECT film_id, original_key, updated_at FROM film_posters ORDER BY film_id',
    );

    const counts = await seedDemoPosters(pool, posters, OPTIONS);

    expect(counts).toEqual({ drawn: 0, kept: 38 });
    expect(
      (await pool.query('SELECT film_id, original_key, updated_at FROM film_posters ORDER BY film_id')).rows,
    ).toEqual(before.rows);
    expect(await readdir(path.join(imagesDir, 'posters'))).toEqual(files);
    expect((await loadFilm(pool, 'paris-2008'))!.poster).toEqual(uploaded);
  });

  it('loads EIFF 2008 with a film from every inhabited continent, Paris in the Directors’ Showcase', async () => {
    const tally = await seedDemoFestival(pool);
    expect(tally.screenings).toEqual({ created: 13, updated: 0, unchanged: 0 });
    const edition = await new GetEditionHandler(pool).execute(new GetEdition('eiff', '2008'));
    expect(edition).toMatchObject({
      timeZone: 'Europe/London',
      ticketPrice: { amount: '10.95', currency: 'GBP' },
      bulkDiscounts: [
        { minFilms: 6, percent: 25 },
        { minFilms: 10, percent: 35 },
      ],
    });
    expect(edition.continents.map((continent) => continent.code)).toEqual([
      'AF',
      'AS',
      'EU',
      'NA',
      'OC',
      'SA',
    ]);
    const { rows } = await pool.query(
      `SELECT st.slug AS strand, sel.premiere FROM festival_selections sel
        JOIN festival_strands st ON st.id = sel.strand_id JOIN films f ON f.id = sel.film_id WHERE f.slug = 'paris-2008'`,
    );
    expect(rows).toEqual([{ strand: 'directors-showcase', premiere: 'uk' }]);
    const galas = await pool.query(
      `SELECT gala FROM festival_selections WHERE gala IS NOT NULL ORDER BY gala`,
    );
    expect(galas.rows).toEqual([{ gala: 'closing' }, { gala: 'opening' }]);
  });

  it('puts the late show on its local day with the summer offset, and changes nothing when run again', async () => {
    const day = await new ListDayScreeningsHandler(pool).execute(
      new ListDayScreenings('eiff', '2008', '2008-08-16'),
    );
    expect(day.items[0]).toMatchObject({ venue: 'Cameo 1', startsAt: '2008-08-16T00:30:00+01:00' });
    const again = await seedDemoFestival(pool);
    expect(again.screenings).toEqual({ created: 0, updated: 0, unchanged: 13 });
    expect(again.films).toEqual({ created: 0, updated: 0, unchanged: 9 });
  });

  it('generates the same films every time', () => {
    expect(generatedFilms(5)).toEqual(generatedFilms(5));
    expect(generatedFilms(5, 1)).not.toEqual(generatedFilms(5, 2));
  });
});
