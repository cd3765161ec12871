import pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import {
  ExternalIdConflictException,
  FilmNotFoundException,
  MissingExternalIdException,
  UnknownPersonException,
} from './film-errors.js';
import { validateFilmRequest, type FilmRequest } from './film-request.js';
import { FilmWriter } from './film-writer.js';

const filmRequest = async (plain: Record<string, unknown>): Promise<FilmRequest> => {
  const result = await validateFilmRequest(plain);
  if (!result.ok) throw new Error(`invalid test film: ${JSON.stringify(result.errors)}`);
  return result.value;
};

const paris = {
  title: 'Paris',
  originalTitle: 'Paris',
  year: 2008,
  runtimeMinutes: 130,
  synopsis: 'Pierre, a dancer, watches Paris from his balcony.',
  directors: [{ name: 'Cédric Klapisch' }],
  cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }, { name: 'Fabrice Luchini' }],
  genres: ['Drama', 'Comedy'],
  languages: ['fr', 'en'],
  countries: ['FR'],
  classification: 'M offensive language',
  externalIds: { imdb: 'tt0869994', tmdb: 8276 },
  criticReviews: [
    { outlet: 'Le Monde', region: 'FR', excerpt: 'Un film choral.' },
    { outlet: 'Variety', excerpt: 'A love letter.', url: 'https://variety.com/paris' },
  ],
};

describe('FilmWriter', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let writer: FilmWriter;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 8);
    writer = new FilmWriter(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  describe('create', () => {
    it('writes the whole film and reads it back in the API shape', async () => {
      const film = await writer.create(await filmRequest(paris));

      expect(film).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'paris-2008',
        title: 'Paris',
        originalTitle: 'Paris',
        year: 2008,
        runtimeMinutes: 130,
        synopsis: paris.synopsis,
        directors: [{ id: expect.any(String), slug: 'cedric-klapisch', name: 'Cédric Klapisch' }],
        cast: [
          { id: expect.any(String), slug: 'juliette-binoche', name: 'Juliette Binoche' },
          { id: expect.any(String), slug: 'romain-duris', name: 'Romain Duris' },
          { id: expect.any(String), slug: 'fabrice-luchini', name: 'Fabrice Luchini' },
        ],
        genres: ['drama', 'comedy'],
        languages: ['fr', 'en'],
        countries: ['FR'],
        classification: 'M offensive language',
        externalIds: { imdb: 'tt0869994', tmdb: 8276 },
        criticReviews: [
          { outlet: 'Le Monde', region: 'FR', excerpt: 'Un film choral.' },
          { outlet: 'Variety', excerpt: 'A love letter.', url: 'https://variety.com/paris' },
        ],
        poster: null,
      });
      const { rows } = await pool.query(`SELECT search_text FROM films WHERE id = $1`, [film.id]);
      expect(rows[0].search_text).toBe('paris paris cedric klapisch');
    });

    it('reuses a person whose name matches without accents or case, and one given by id', async () => {
      const [binoche] = (await pool.query(`SELECT id FROM people WHERE name = 'Juliette Binoche'`)).rows;
      const film = await writer.create(
        await filmRequest({
          title: "L'Auberge espagnole",
          year: 2002,
          directors: [{ name: '  cedric   KLAPISCH ' }],
          cast: [{ name: 'Romain Duris' }, { id: binoche.id }, { name: 'Audrey Tautou' }],
        }),
      );

      expect(film.directors.map((person) => person.name)).toEqual(['Cédric Klapisch']);
      expect(film.cast[1]).toEqual({ id: binoche.id, slug: 'juliette-binoche', name: 'Juliette Binoche' });
      expect(await count(`people WHERE name_key = 'cedric klapisch'`)).toBe(1);
      expect(await count(`people WHERE name_key = 'romain duris'`)).toBe(1);
      expect(film.slug).toBe('lauberge-espagnole-2002');
    });

    it('gives a new person whose slug is taken the first free suffix, in one film or the next', async () => {
      const film = await writer.create(
        await filmRequest({
          title: 'Les Quatre Cents Coups',
          year: 1959,
          cast: [{ name: 'Jean-Pierre Léaud' }, { name: 'Jean Pierre Leaud' }],
        }),
      );
      const later = await writer.create(
        await filmRequest({ title: 'Baisers volés', year: 1968, cast: [{ name: 'Jean Pierre, Léaud' }] }),
      );

      expect(film.cast.map((person) => person.slug)).toEqual(['jean-pierre-leaud', 'jean-pierre-leaud-2']);
      expect(later.cast.map((person) => person.slug)).toEqual(['jean-pierre-leaud-3']);
    });

    it('gives a second film with the same title and year a suffixed slug', async () => {
      const film = await writer.create(await filmRequest({ title: 'Paris!', year: 2008 }));

      expect(film.slug).toBe('paris-2008-2');
    });

    it('names each person id that does not exist, and writes nothing', async () => {
      const films = await count('films');
      const failure = await writer
        .create(
          await filmRequest({
            title: 'Nobody',
            directors: [{ name: 'New Director' }],
            cast: [{ name: 'Someone' }, { id: '00000000-0000-4000-8000-000000000001' }],
          }),
        )
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(UnknownPersonException);
      expect((failure as UnknownPersonException).fieldErrors.map((error) => error.field)).toEqual([
        'cast.1.id',
      ]);
      expect(await count('films')).toBe(films);
      expect(await count(`people WHERE name = 'New Director'`)).toBe(0);
    });

    it('refuses an external id that belongs to another film', async () => {
      const failure = await writer
        .create(await filmRequest({ title: 'Copy', externalIds: { tmdb: 8276 } }))
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ExternalIdConflictException);
      expect(failure).toMatchObject({ field: 'externalIds.tmdb', value: 8276 });
    });
  });

  describe('update', () => {
    it('replaces every field and keeps the slug, by id or by slug', async () => {
      const created = await writer.create(
        await filmRequest({
          title: 'Holy Motors',
          year: 2012,
          cast: [{ name: 'Denis Lavant' }],
          genres: ['drama'],
        }),
      );
      const renamed = await writer.update(
        created.id,
        await filmRequest({
          title: 'Holy Motors (restored)',
          year: 2013,
          directors: [{ name: 'Leos Carax' }],
        }),
      );

      expect(renamed).toMatchObject({
        id: created.id,
        slug: 'holy-motors-2012',
        title: 'Holy Motors (restored)',
        year: 2013,
        directors: [{ name: 'Leos Carax' }],
        cast: [],
        genres: [],
        externalIds: {},
        criticReviews: [],
        poster: null,
      });
      const bySlug = await writer.update(
        'holy-motors-2012',
        await filmRequest({ title: 'Holy Motors', year: 2012 }),
      );
      expect(bySlug.id).toBe(created.id);
      const { rows } = await pool.query(`SELECT search_text FROM films WHERE id = $1`, [created.id]);
      expect(rows[0].search_text).toBe('holy motors');
    });

    it('says which film is missing', async () => {
      await expect(writer.update('no-such-film', await filmRequest({ title: 'x' }))).rejects.toBeInstanceOf(
        FilmNotFoundException,
      );
      await expect(
        writer.update('00000000-0000-4000-8000-000000000002', await filmRequest({ title: 'x' })),
      ).rejects.toBeInstanceOf(FilmNotFoundException);
    });

    it('refuses to take another film’s external id but keeps its own', async () => {
      const film = await writer.create(
        await filmRequest({ title: 'Mauvais Sang', year: 1986, externalIds: { imdb: 'tt0091488' } }),
      );

      await expect(
        writer.update(
          film.id,
          await filmRequest({ title: 'Mauvais Sang', externalIds: { imdb: 'tt0869994' } }),
        ),
      ).rejects.toMatchObject({ field: 'externalIds.imdb' });
      const same = await writer.update(
        film.id,
        await filmRequest({ title: 'Mauvais Sang', externalIds: { imdb: 'tt0091488' } }),
      );
      expect(same.externalIds).toEqual({ imdb: 'tt0091488' });
    });
  });

  describe('upsertByExternalId', () => {
    const pontNeuf = {
      title: 'Les Amants du Pont-Neuf',
      year: 1991,
      directors: [{ name: 'Leos Carax' }],
      cast: [{ name: 'Juliette Binoche' }, { name: 'Denis Lavant' }],
      externalIds: { imdb: 'tt0101318' },
    };

    it('imports a new film, leaves an identical one alone and replaces a changed one', async () => {
      const first = await writer.upsertByExternalId(await filmRequest(pontNeuf));
      const again = await writer.upsertByExternalId(
        await filmRequest({ ...pontNeuf, directors: [{ name: 'LEOS CARAX' }] }),
      );
      const changed = await writer.upsertByExternalId(
        await filmRequest({ ...pontNeuf, runtimeMinutes: 125 }),
      );

      expect(first.outcome).toBe('imported');
      expect(again).toEqual({ film: first.film, outcome: 'unchanged' });
      expect(changed.outcome).toBe('updated');
      expect(changed.film).toMatchObject({ id: first.film.id, slug: first.film.slug, runtimeMinutes: 125 });
    });

    it('matches on the TMDB id too, and keeps an external id the input does not give', async () => {
      const { film } = await writer.upsertByExternalId(
        await filmRequest({
          ...pontNeuf,
          runtimeMinutes: 125,
          externalIds: { imdb: 'tt0101318', tmdb: 2767 },
        }),
      );
      const byTmdb = await writer.upsertByExternalId(
        await filmRequest({ ...pontNeuf, runtimeMinutes: 125, externalIds: { tmdb: 2767 } }),
      );

      expect(byTmdb.outcome).toBe('unchanged');
      expect(byTmdb.film.id).toBe(film.id);
      expect(byTmdb.film.externalIds).toEqual({ imdb: 'tt0101318', tmdb: 2767 });
    });

    it('refuses ids that point at two different films, and input without ids', async () => {
      await expect(
        writer.upsertByExternalId(
          await filmRequest({ title: 'Mixed', externalIds: { imdb: 'tt0101318', tmdb: 8276 } }),
        ),
      ).rejects.toBeInstanceOf(ExternalIdConflictException);
      await expect(writer.upsertByExternalId(await filmRequest({ title: 'No ids' }))).rejects.toBeInstanceOf(
        MissingExternalIdException,
      );
    });
  });

  describe('concurrent writers', () => {
    it('give films created at once with the same title distinct slugs and share new people', async () => {
      const request = await filmRequest({
        title: 'Chacun cherche son chat',
        year: 1996,
        directors: [{ name: 'Garance Clavel' }],
      });
      const films = await Promise.all(Array.from({ length: 6 }, () => writer.create(request)));

      expect(new Set(films.map((film) => film.slug)).size).toBe(6);
      expect(films.map((film) => film.slug).sort()).toEqual([
        'chacun-cherche-son-chat-1996',
        'chacun-cherche-son-chat-1996-2',
        'chacun-cherche-son-chat-1996-3',
        'chacun-cherche-son-chat-1996-4',
        'chacun-cherche-son-chat-1996-5',
        'chacun-cherche-son-chat-1996-6',
      ]);
      expect(await count(`people WHERE name_key = 'garance clavel'`)).toBe(1);
    });

    it('give new people created at once under the same slug distinct ones', async () => {
      const spellings = ['Jean-Luc Godard', 'Jean Luc Godard', 'Jean-luc, Godard', 'Jean Luc. Godard'];
      const films = await Promise.all(
        spellings.map(async (name) =>
          writer.create(await filmRequest({ title: 'Pierrot le Fou', year: 1965, directors: [{ name }] })),
        ),
      );

      expect(films.map((film) => film.directors[0]!.slug).sort()).toEqual([
        'jean-luc-godard',
        'jean-luc-godard-2',
        'jean-luc-godard-3',
        'jean-luc-godard-4',
      ]);
    });

    it('import the same external id once', async () => {
      const request = await filmRequest({
        title: 'Le Péril jeune',
        year: 1994,
        externalIds: { imdb: 'tt0110815' },
      });
      const results = await Promise.all(Array.from({ length: 5 }, () => writer.upsertByExternalId(request)));

      expect(results.filter((result) => result.outcome === 'imported')).toHaveLength(1);
      expect(new Set(results.map((result) => result.film.id)).size).toBe(1);
      expect(await count(`films WHERE imdb_id = 'tt0110815'`)).toBe(1);
    });
  });
});
