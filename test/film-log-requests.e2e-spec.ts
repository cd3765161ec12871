import type { RecordedEvent } from '#event-store';
import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

/** What the film log refuses, and how its routes are documented. */
describe('film log requests (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let film: Film;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
    film = await addFilm(testApp.app, { title: 'Paris', year: 2008 });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const streamOf = (user: TestUser): Promise<RecordedEvent[]> =>
    client.events(filmLogStream(user.id, film.id));

  describe('bad requests', () => {
    let member: TestUser;

    beforeAll(async () => {
      member = await registerUser(testApp.app);
    });

    it.each([
      ['in the future', '2999-01-01'],
      ['before 1870', '1869-12-31'],
      ['not a real day', '2023-02-29'],
      ['not a date', 'yesterday'],
      ['with a time', '2024-01-01T10:00:00Z'],
      ['a number', 20240101],
    ])(
      'refuses a watch date %s with a 400 naming watchedOn, and writes nothing',
      async (_case, watchedOn) => {
        const response = await request(server)
          .put(`/api/v1/films/${film.id}/check`)
          .set('Authorization', bearer(member))
          .send({ watchedOn })
          .expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(fieldsOf(response.body as ProblemBody)).toEqual(['watchedOn']);
        expect(await streamOf(member)).toEqual([]);
      },
    );

    it('refuses unknown fields in a check, naming them', async () => {
      const response = await request(server)
        .put(`/api/v1/films/${film.id}/check`)
        .set('Authorization', bearer(member))
        .send({ watchedOn: '2020-01-01', rating: 5 })
        .expect(400);
      expect(fieldsOf(response.body as ProblemBody)).toEqual(['rating']);
    });

    it.each(['check', 'favourite', 'dislike', 'watchlist'] as const)(
      'answers 404 to %s on an unknown slug, an unknown id and a malformed id',
      async (what) => {
        for (const reference of ['no-such-film', '00000000-0000-4000-8000-000000000000', '1234-not-a-uuid']) {
          const response = await request(server)
            .put(`/api/v1/films/${reference}/${what}`)
            .set('Authorization', bearer(member))
            .expect(404);
          expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        }
      },
    );

    it('asks for a token on every write and on /me/films', async () => {
      for (const what of ['check', 'favourite', 'dislike', 'watchlist']) {
        await request(server).put(`/api/v1/films/${film.id}/${what}`).expect(401);
        await request(server).delete(`/api/v1/films/${film.id}/${what}`).expect(401);
      }
      await request(server).get(`/api/v1/me/films/${film.id}`).expect(401);
    });

    it('refuses a malformed X-Consistent-With naming the header', async () => {
      const response = await request(server)
        .get(`/api/v1/films/${film.id}/stats`)
        .set('X-Consistent-With', 'soon')
        .expect(400);
      expect(fieldsOf(response.body as ProblemBody)).toEqual(['X-Consistent-With']);
    });
  });

  it('documents every film-log route in the OpenAPI spec', async () => {
    const document = (await request(server).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    for (const mark of ['check', 'favourite', 'dislike', 'watchlist', 'rating']) {
      const path = document.paths[`/api/v1/films/{idOrSlug}/${mark}`]!;
      for (const verb of ['put', 'delete']) {
        expect(path[verb]!.security).toEqual([{ bearer: [] }]);
        expect(Object.keys(path[verb]!.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
      }
    }
    expect(document.paths['/api/v1/me/films/{idOrSlug}']!.get).toBeDefined();
    expect(document.paths['/api/v1/films/{idOrSlug}/stats']!.get).toBeDefined();
    expect(Object.keys(document.components.schemas.FilmStatsResponse!.properties).sort()).toEqual([
      'checks',
      'comments',
      'dislikePercent',
      'dislikes',
      'favouritePercent',
      'favourites',
      'ratings',
      'watchlists',
    ]);
    expect(Object.keys(document.components.schemas.RatingStatsResponse!.properties).sort()).toEqual([
      'average',
      'count',
      'histogram',
    ]);
    expect(document.components.schemas.CheckFilmRequest!.properties).toHaveProperty('watchedOn');
    expect(document.components.schemas.RateFilmRequest!.properties).toHaveProperty('rating');
    expect(document.paths['/api/v1/films/{idOrSlug}/rating']!.put!.responses).toHaveProperty('400');
  });
});
