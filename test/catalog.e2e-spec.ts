import request from 'supertest';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf, type ProblemBody } from './support/problems.js';

interface FilmBody {
  id: string;
  slug: string;
  title: string;
  year: number | null;
  directors: { id: string; slug: string; name: string }[];
  cast: { id: string; slug: string; name: string }[];
  genres: string[];
  [field: string]: unknown;
}

interface PageBody {
  items: FilmBody[];
  nextCursor: string | null;
}

const paris = {
  title: 'Paris',
  originalTitle: 'Paris',
  year: 2008,
  runtimeMinutes: 130,
  synopsis: 'Pierre, a dancer with a failing heart, watches Paris from his balcony.',
  directors: [{ name: 'Cédric Klapisch' }],
  cast: [
    { name: 'Juliette Binoche' },
    { name: 'Romain Duris' },
    { name: 'Fabrice Luchini' },
    { name: 'Albert Dupontel' },
    { name: 'François Cluzet' },
    { name: 'Karin Viard' },
    { name: 'Gilles Lellouche' },
  ],
  genres: ['drama', 'comedy'],
  languages: ['fr', 'en'],
  countries: ['FR'],
  classification: 'M offensive language',
  externalIds: { imdb: 'tt0869994', tmdb: 8276 },
  criticReviews: [
    { outlet: 'Variety', region: 'US', excerpt: 'A mosaic of the city.', url: 'https://variety.com/x' },
  ],
};

const otherFilms = [
  {
    title: "L'Auberge espagnole",
    year: 2002,
    directors: [{ name: 'Cedric Klapisch' }],
    genres: ['comedy'],
    languages: ['fr', 'es'],
    countries: ['FR', 'ES'],
  },
  {
    title: 'Holy Motors',
    year: 2012,
    directors: [{ name: 'Leos Carax' }],
    cast: [{ name: 'Denis Lavant' }],
    genres: ['drama', 'fantasy'],
    languages: ['fr'],
    countries: ['FR', 'DE'],
  },
  {
    title: 'Été violent',
    originalTitle: 'Estate violenta',
    year: 1959,
    directors: [{ name: 'Valerio Zurlini' }],
    genres: ['drama'],
    languages: ['it'],
    countries: ['IT'],
  },
  {
    title: 'The Motorcycle Diaries',
    originalTitle: 'Diarios de motocicleta',
    year: 2004,
    directors: [{ name: 'Walter Salles' }],
    languages: ['es'],
    countries: ['AR', 'BR'],
  },
  { title: 'Undated Reel' },
  ...Array.from({ length: 23 }, (_, i) => ({
    title: `Night Train ${String(i + 1).padStart(2, '0')}`,
    year: 1990 + (i % 5),
    directors: [{ name: `Director ${i % 4}` }],
    genres: [i % 2 === 0 ? 'thriller' : 'drama'],
    languages: ['en'],
    countries: [i % 3 === 0 ? 'US' : 'GB'],
  })),
];

describe('film catalogue over HTTP', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let member: TestUser;
  const created: FilmBody[] = [];
  const http = () => request(testApp.app.getHttpServer());

  const search = async (query: Record<string, string | number>): Promise<PageBody> =>
    (await http().get('/api/v1/films').query(query).expect(200)).body as PageBody;

  const allPages = async (query: Record<string, string | number>): Promise<FilmBody[]> => {
    const films: FilmBody[] = [];
    let cursor: string | null = null;
    do {
      const page: PageBody = await search(cursor ? { ...query, cursor } : query);
      films.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && films.length < 500);
    return films;
  };

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    [admin, member] = await Promise.all([
      registerUser(testApp.app, { roles: ['admin'] }),
      registerUser(testApp.app),
    ]);
    for (const film of [paris, ...otherFilms]) {
      const response = await http()
        .post('/api/v1/films')
        .set('Authorization', bearer(admin))
        .send(film)
        .expect(201);
      created.push(response.body as FilmBody);
    }
  });

  afterAll(() => testApp?.close());

  describe('search', () => {
    it('finds a director without accents or capitals', async () => {
      const { items } = await search({ q: 'cedric klapisch' });

      expect(items.map((film) => film.title).sort()).toEqual(["L'Auberge espagnole", 'Paris']);
      expect(items[0]!.directors[0]!.name).toBe('Cédric Klapisch');
    });

    it('forgives a typo and a partial word', async () => {
      expect((await search({ q: 'klapish' })).items.map((film) => film.title).sort()).toEqual([
        "L'Auberge espagnole",
        'Paris',
      ]);
      expect((await search({ q: 'holy moto' })).items[0]!.title).toBe('Holy Motors');
      expect((await search({ q: 'carax' })).items.map((film) => film.title)).toEqual(['Holy Motors']);
    });

    it('matches the original title, accents either way', async () => {
      expect((await search({ q: 'ete violent' })).items[0]!.title).toBe('Été violent');
      expect((await search({ q: 'ESTATE VIOLENTA' })).items[0]!.title).toBe('Été violent');
    });

    it('puts the best match first', async () => {
      const { items } = await search({ q: 'paris' });

      expect(items[0]!.slug).toBe('paris-2008');
    });

    it('filters by year, genre, language and country, with or without q', async () => {
      expect((await search({ year: 2008 })).items.map((film) => film.slug)).toEqual(['paris-2008']);
      expect((await search({ genre: 'fantasy' })).items.map((film) => film.title)).toEqual(['Holy Motors']);
      expect((await search({ language: 'ES' })).items.map((film) => film.title)).toEqual([
        "L'Auberge espagnole",
        'The Motorcycle Diaries',
      ]);
      expect((await search({ country: 'de' })).items.map((film) => film.title)).toEqual(['Holy Motors']);
      expect((await search({ q: 'klapisch', year: 2002 })).items.map((film) => film.year)).toEqual([2002]);
      expect((await search({ q: 'night train', genre: 'thriller', country: 'US' })).items).toHaveLength(4);
      expect((await search({ q: 'night train', year: 1800 + 200 })).items).toEqual([]);
      const years = async (query: Record<string, string | number>) =>
        (await search(query)).items.map((film) => film.year).sort();
      expect(await years({ decade: 2000 })).toEqual([2002, 2004, 2008]);
      expect(await years({ q: 'klapisch', decade: 2000 })).toEqual([2002, 2008]);
      expect(await years({ decade: 1880 })).toEqual([]);
    });

    it('pages through every film, alphabetically, without repeats', async () => {
      const films = await allPages({ limit: 4 });

      expect(films).toHaveLength(created.length);
      expect(new Set(films.map((film) => film.id)).size).toBe(created.length);
      const titles = films.map((film) => film.title);
      expect(titles.filter((title) => title.startsWith('Night Train'))).toEqual(
        [...titles.filter((title) => title.startsWith('Night Train'))].sort(),
      );
      const firstPage = await search({});
      expect(firstPage.items).toHaveLength(20);
      expect(firstPage.nextCursor).toEqual(expect.any(String));
    });

    it('lists every film newest first with sort=release, A to Z within a year, undated films last', async () => {
      const films = await allPages({ sort: 'release', limit: 4 });

      expect(films.map((film) => film.id).sort()).toEqual(created.map((film) => film.id).sort());
      const years = films.map((film) => film.year);
      expect(years).toEqual([...years].sort((a, b) => (b ?? 0) - (a ?? 0)));
      expect(films.slice(0, 2).map((film) => film.title)).toEqual(['Holy Motors', 'Paris']);
      expect(films.at(-1)!.title).toBe('Undated Reel');
      expect(films.filter((film) => film.year === 1990).map((film) => film.title)).toEqual([
        'Night Train 01',
        'Night Train 06',
        'Night Train 11',
        'Night Train 16',
        'Night Train 21',
      ]);
      expect((await search({ sort: 'release', decade: 2000 })).items.map((film) => film.year)).toEqual([
        2008, 2004, 2002,
      ]);
      expect((await search({ sort: 'title', limit: 1 })).items[0]!.title).toBe(
        (await search({ limit: 1 })).items[0]!.title,
      );
    });

    it('pages through every match of q, without repeats', async () => {
      const films = await allPages({ q: 'night train', limit: 5 });

      expect(films).toHaveLength(23);
      expect(new Set(films.map((film) => film.id)).size).toBe(23);
    });

    it('looks for similar words only when no film holds every word of q', async () => {
      expect((await search({ q: 'motors' })).items.map((film) => film.title)).toEqual(['Holy Motors']);
      expect((await search({ q: 'motorcycel' })).items.map((film) => film.title)).toEqual([
        'The Motorcycle Diaries',
      ]);
    });

    it('pages through every similar match without repeats', async () => {
      const films = await allPages({ q: 'nigth train', limit: 5 });

      expect(films).toHaveLength(23);
      expect(new Set(films.map((film) => film.id)).size).toBe(23);
    });

    it('takes a percent sign or an underscore in q literally', async () => {
      expect((await search({ q: '%%%' })).items).toEqual([]);
      expect((await search({ q: '___' })).items).toEqual([]);
    });

    it('names a bad limit, cursor, year or filter', async () => {
      const problem = async (query: Record<string, string>): Promise<string[]> => {
        const response = await http().get('/api/v1/films').query(query).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        return fieldsOf(response.body as ProblemBody);
      };

      expect(await problem({ limit: '0' })).toEqual(['limit']);
      expect(await problem({ limit: '101' })).toEqual(['limit']);
      expect(await problem({ limit: 'ten' })).toEqual(['limit']);
      expect(await problem({ cursor: 'garbage' })).toEqual(['cursor']);
      expect(await problem({ year: '20x8' })).toEqual(['year']);
      expect(await problem({ year: '1500' })).toEqual(['year']);
      expect(await problem({ decade: '1995' })).toEqual(['decade']);
      expect(await problem({ language: 'french', country: 'UK' })).toEqual(['country', 'language']);
      expect(await problem({ sort: 'year' })).toEqual(['sort']);
      const { nextCursor } = await search({ limit: 1 });
      expect(await problem({ q: 'night', cursor: nextCursor! })).toEqual(['cursor']);
      expect(await problem({ sort: 'release', cursor: nextCursor! })).toEqual(['cursor']);
      expect(await problem({ q: 'night', sort: 'release' })).toEqual(['sort']);
    });
  });

  describe('film page', () => {
    it('is found by slug and by id, with credits in order and reviews', async () => {
      const bySlug = (await http().get('/api/v1/films/paris-2008').expect(200)).body as FilmBody;
      const byId = (await http().get(`/api/v1/films/${bySlug.id}`).expect(200)).body as FilmBody;

      expect(byId).toEqual(bySlug);
      expect(bySlug).toEqual({
        id: expect.any(String),
        slug: 'paris-2008',
        title: 'Paris',
        originalTitle: 'Paris',
        year: 2008,
        runtimeMinutes: 130,
        synopsis: paris.synopsis,
        directors: [{ id: expect.any(String), slug: 'cedric-klapisch', name: 'Cédric Klapisch' }],
        cast: paris.cast.map(({ name }) => ({ id: expect.any(String), slug: expect.any(String), name })),
        genres: ['drama', 'comedy'],
        languages: ['fr', 'en'],
        countries: ['FR'],
        classification: 'M offensive language',
        externalIds: { imdb: 'tt0869994', tmdb: 8276 },
        criticReviews: paris.criticReviews,
        poster: null,
      });
    });

    it('is a 404 problem for an unknown slug, an unknown id or a malformed id', async () => {
      const references = [
        'no-such-film',
        '00000000-0000-4000-8000-000000000000',
        '1234-not-a-uuid',
        'x'.repeat(300),
      ];
      const responses = await Promise.all(
        references.map((reference) => http().get(`/api/v1/films/${reference}`)),
      );

      expect(responses.map((response) => [response.status, response.body.detail])).toEqual(
        references.map((reference) => [404, `No film ${reference.slice(0, 200)}`]),
      );
      expect(responses[0]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('is public, but a bad token is still refused', async () => {
      await http().get('/api/v1/films/paris-2008').set('Authorization', 'Bearer not-a-token').expect(401);
      await http().get('/api/v1/films/paris-2008').set('Authorization', bearer(member)).expect(200);
    });
  });

  describe('admin writes', () => {
    const asAdmin = () => ({ Authorization: bearer(admin) });

    it('creates a film with people by name or id and answers 201 with it', async () => {
      const binoche = created[0]!.cast[0]!;
      const response = await http()
        .post('/api/v1/films')
        .set(asAdmin())
        .send({
          title: 'Paris',
          year: 2008,
          directors: [{ name: 'CÉDRIC KLAPISCH' }],
          cast: [{ id: binoche.id }],
        })
        .expect(201);

      expect(response.body).toMatchObject({
        slug: 'paris-2008-2',
        directors: [{ id: created[0]!.directors[0]!.id, name: 'Cédric Klapisch' }],
        cast: [binoche],
      });
    });

    it('replaces a film by id or slug, keeping the slug', async () => {
      const holyMotors = created.find((film) => film.title === 'Holy Motors')!;
      const response = await http()
        .put(`/api/v1/films/${holyMotors.id}`)
        .set(asAdmin())
        .send({ title: 'Holy Motors', year: 2012, runtimeMinutes: 115, directors: [{ name: 'Leos Carax' }] })
        .expect(200);

      expect(response.body).toMatchObject({
        id: holyMotors.id,
        slug: 'holy-motors-2012',
        runtimeMinutes: 115,
        cast: [],
      });
      await http()
        .put('/api/v1/films/holy-motors-2012')
        .set(asAdmin())
        .send({ title: 'Holy Motors', year: 2012 })
        .expect(200);
      await http().put('/api/v1/films/no-such-film').set(asAdmin()).send({ title: 'x' }).expect(404);
    });

    it('answers 409 when an external id belongs to another film', async () => {
      const response = await http()
        .post('/api/v1/films')
        .set(asAdmin())
        .send({ title: 'Copy', externalIds: { imdb: 'tt0869994' } })
        .expect(409);

      expect((response.body as { detail: string }).detail).toContain('externalIds.imdb');
    });

    it('names bad and unknown fields, and unknown people', async () => {
      const bad = await http()
        .post('/api/v1/films')
        .set(asAdmin())
        .send({ title: '', year: 1700, rating: 5, countries: ['XX'] })
        .expect(400);
      expect(fieldsOf(bad.body as ProblemBody)).toEqual(['countries', 'rating', 'title', 'year']);

      const unknownPerson = await http()
        .post('/api/v1/films')
        .set(asAdmin())
        .send({ title: 'Ghost', cast: [{ id: '00000000-0000-4000-8000-000000000009' }] })
        .expect(400);
      expect(fieldsOf(unknownPerson.body as ProblemBody)).toEqual(['cast.0.id']);
    });

    it('answers a malformed JSON body with 400', async () => {
      const response = await http()
        .post('/api/v1/films')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send('{"title": "Paris",')
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('is for admins only', async () => {
      await http().post('/api/v1/films').send({ title: 'Anonymous' }).expect(401);
      await http()
        .post('/api/v1/films')
        .set('Authorization', bearer(member))
        .send({ title: 'Member' })
        .expect(403);
      await http()
        .put('/api/v1/films/paris-2008')
        .set('Authorization', bearer(member))
        .send({ title: 'Member' })
        .expect(403);
    });
  });
});
