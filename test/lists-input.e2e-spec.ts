import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '5f1f0c8e-3b9a-4c53-8a3e-0d6a4c1b9e77';

describe('lists (e2e): bad input and unknown ids', () => {
  let testApp: TestApp;
  let lists: ListClient;
  let owner: TestUser;
  let admin: TestUser;
  let films: Film[];

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(testApp.app);
    owner = await registerUser(testApp.app);
    admin = await registerUser(testApp.app, { roles: ['admin'] });
    films = [await addFilm(testApp.app)];
  });

  afterAll(() => testApp.close());

  const ids = (...indexes: number[]): string[] => indexes.map((index) => films[index]!.id);
  const problem = (body: unknown) => body as ProblemBody;

  it('400 naming each bad field of a new list, unknown fields included', async () => {
    const response = await lists.call(owner, 'post', '/lists', {
      title: '   ',
      description: 'x'.repeat(5001),
      ranked: 'yes',
      visibility: 'everyone',
      official: 1,
      colour: 'red',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(fieldsOf(problem(response.body))).toEqual([
      'colour',
      'description',
      'official',
      'ranked',
      'title',
      'visibility',
    ]);
    expect(fieldsOf(problem((await lists.call(owner, 'post', '/lists', {})).body))).toEqual([
      'ranked',
      'title',
      'visibility',
    ]);
    const long = await lists.call(owner, 'post', '/lists', {
      title: 'é'.repeat(201),
      ranked: true,
      visibility: 'public',
    });
    expect(fieldsOf(problem(long.body))).toEqual(['title']);
    const nul = await lists.call(owner, 'post', '/lists', {
      title: 'a\u0000b',
      ranked: true,
      visibility: 'public',
    });
    expect(fieldsOf(problem(nul.body))).toEqual(['title']);
    // 200 code points, one of them an emoji of two UTF-16 units: accepted.
    await lists.create(owner, { title: `${'a'.repeat(199)}🎬` });
  });

  it('400 naming the bad fields of an item, a change and an edition', async () => {
    const id = await lists.create(owner, { title: 'Inputs' });
    for (const rank of [0, -1, 1.5, '2', null]) {
      const response = await lists.put(owner, id, films[0]!, { rank });
      expect([rank, response.status, fieldsOf(problem(response.body))]).toEqual([rank, 400, ['rank']]);
    }
    const note = await lists.put(owner, id, films[0]!, { note: 'n'.repeat(1001), extra: true });
    expect(fieldsOf(problem(note.body))).toEqual(['extra', 'note']);
    const change = await lists.call(owner, 'patch', `/lists/${id}`, { title: null, visibility: 'open' });
    expect(fieldsOf(problem(change.body))).toEqual(['title', 'visibility']);
    const edition = await lists.call(admin, 'put', `/lists/${id}/edition`, { films: 'all' });
    expect(fieldsOf(problem(edition.body))).toEqual(['films']);
    const query = await lists.call(owner, 'get', `/lists/${id}`, undefined);
    expect(query.status).toBe(200);
    const cursor = await lists.call(owner, 'get', `/lists/${id}?cursor=nope&limit=0`);
    expect(fieldsOf(problem(cursor.body))).toEqual(['cursor', 'limit']);
    expect(fieldsOf(problem((await lists.call(owner, 'get', '/lists?official=yes')).body))).toEqual([
      'official',
    ]);
  });

  it('404 for unknown lists, malformed ids, unknown films and unknown members', async () => {
    const id = await lists.create(owner, { title: 'Known' });
    for (const listId of [UNKNOWN_ID, 'not-a-uuid']) {
      expect((await lists.call(owner, 'get', `/lists/${listId}`)).status).toBe(404);
      expect((await lists.call(owner, 'patch', `/lists/${listId}`, { title: 'x' })).status).toBe(404);
      expect((await lists.call(owner, 'delete', `/lists/${listId}`)).status).toBe(404);
      expect((await lists.put(owner, listId, films[0]!)).status).toBe(404);
      expect((await lists.remove(owner, listId, films[0]!)).status).toBe(404);
      expect((await lists.edition(admin, listId, ids(0))).status).toBe(404);
    }
    expect((await lists.put(owner, id, 'no-such-film-1999')).status).toBe(404);
    expect((await lists.put(owner, id, UNKNOWN_ID)).status).toBe(404);
    expect((await lists.remove(owner, id, 'no-such-film-1999')).status).toBe(404);
    expect((await lists.call(owner, 'get', '/films/no-such-film-1999/lists')).status).toBe(404);
    expect((await lists.call(owner, 'get', '/users/nobody_at_all_x/lists')).status).toBe(404);
  });

  it('documents every list route in OpenAPI', async () => {
    const document = await request(testApp.app.getHttpServer()).get('/api/docs-json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    const methods = (path: string): string[] => Object.keys(paths[`/api/v1${path}`] ?? {}).sort();
    expect(methods('/lists')).toEqual(['get', 'post']);
    expect(methods('/lists/{id}')).toEqual(['delete', 'get', 'patch']);
    expect(methods('/lists/{id}/items/{idOrSlug}')).toEqual(['delete', 'put']);
    expect(methods('/lists/{id}/edition')).toEqual(['put']);
    expect(methods('/users/{username}/lists')).toEqual(['get']);
    expect(methods('/films/{idOrSlug}/lists')).toEqual(['get']);
  });

  it('401 for writes without a token', async () => {
    expect(
      (await lists.call(undefined, 'post', '/lists', { title: 'x', ranked: true, visibility: 'public' }))
        .status,
    ).toBe(401);
  });
});
