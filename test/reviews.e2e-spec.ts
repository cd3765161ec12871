import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { reviewStream } from '../src/modules/reviews/domain/review.events.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp, type FilmState, type Page } from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface ReviewItem {
  id: string;
  author: { id: string; username: string };
  body: string | null;
  spoilers: boolean;
  rating: number | null;
  likes: number;
  createdAt: string;
  editedAt?: string;
}

describe('reviews (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let year = 1960;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const film = (title: string): Promise<Film> => addFilm(testApp.app, { title, year: (year += 1) });
  const post = (author: TestUser, of: Film, body: object) =>
    client.write<{ id: string; position: string }>(author, 'post', `/films/${of.id}/reviews`, body, 201);
  const like = (member: TestUser, id: string, verb: 'put' | 'delete' = 'put') =>
    client.write<{ liked: boolean; likes: number; position: string }>(member, verb, `/reviews/${id}/like`);
  const reviewsOf = (of: Film, query: Record<string, string | number> = {}) =>
    client.read<Page<ReviewItem>>(`/films/${of.id}/reviews`, query);

  it('posts a review that checks and rates the film, hides a spoiler’s text until asked, and counts it', async () => {
    const seen = await film('Cléo de 5 à 7');
    const author = await registerUser(testApp.app);
    const posted = await post(author, seen, {
      body: 'The ending: she is fine.',
      spoilers: true,
      rating: 4.5,
    });

    const state = await client.read<FilmState>(`/me/films/${seen.id}`, {}, author);
    expect(state).toMatchObject({ checked: true, rating: 4.5 });
    const [item] = (await reviewsOf(seen)).items;
    expect(item).toEqual({
      id: posted.id,
      author: { id: author.id, username: author.username },
      body: null,
      spoilers: true,
      rating: 4.5,
      likes: 0,
      createdAt: expect.any(String),
    });
    expect((await reviewsOf(seen, { spoilers: 'show' })).items[0]!.body).toBe('The ending: she is fine.');
    const single = await client.read<ReviewItem & { film: { slug: string } }>(`/reviews/${posted.id}`);
    expect(single).toMatchObject({ body: null, film: { slug: seen.slug } });
    expect((await client.read<ReviewItem>(`/reviews/${posted.id}`, { spoilers: 'show' })).body).toBe(
      'The ending: she is fine.',
    );
    const profile = await client.read<{ counts: { reviews: number } }>(`/users/${author.username}`);
    expect(profile.counts.reviews).toBe(1);
    const activity = await client.read<Page<{ verb: string }>>(`/users/${author.username}/activity`);
    expect(activity.items.map((entry) => entry.verb).sort()).toEqual(['checked', 'rated', 'reviewed']);
  });

  it('is liked once per member, never by its author, and orders the popular list', async () => {
    const seen = await film('Vivre sa vie');
    const [author, other, ana, ben] = await client.members(4);
    const quiet = await post(author!, seen, { body: 'Quiet.' });
    const loved = await post(other!, seen, { body: 'Loved it.' });

    expect(await like(ana!, loved.id)).toMatchObject({ liked: true, likes: 1 });
    expect(await like(ana!, loved.id)).toMatchObject({ liked: true, likes: 1 });
    expect(await like(ben!, loved.id)).toMatchObject({ liked: true, likes: 2 });
    expect(await like(ben!, quiet.id)).toMatchObject({ liked: true, likes: 1 });
    const own = await request(server)
      .put(`/api/v1/reviews/${loved.id}/like`)
      .set('Authorization', bearer(other!));
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('cannot-like-own-review');

    expect((await reviewsOf(seen, { sort: 'popular' })).items.map((item) => [item.id, item.likes])).toEqual([
      [loved.id, 2],
      [quiet.id, 1],
    ]);
    expect((await reviewsOf(seen)).items.map((item) => item.id)).toEqual([loved.id, quiet.id]);
    const first = await reviewsOf(seen, { sort: 'popular', limit: 1 });
    const second = await reviewsOf(seen, { sort: 'popular', limit: 1, cursor: first.nextCursor! });
    expect([first.items[0]!.id, second.items[0]!.id, second.nextCursor]).toEqual([loved.id, quiet.id, null]);

    expect(await like(ben!, loved.id, 'delete')).toMatchObject({ liked: false, likes: 1 });
  });

  it('lets its author edit it (new stars rate the film) and delete it; others are refused', async () => {
    const seen = await film('Le Petit Soldat');
    const [author, other] = await client.members(2);
    const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
    const review = await post(author!, seen, { body: 'Hm.', rating: 2 });

    const edited = await client.write<ReviewItem & { position: string }>(
      author!,
      'patch',
      `/reviews/${review.id}`,
      {
        body: 'Better the second time.',
        rating: 3.5,
      },
    );
    expect(edited).toMatchObject({ body: 'Better the second time.', rating: 3.5, spoilers: false });
    expect(await client.read<FilmState>(`/me/films/${seen.id}`, {}, author)).toMatchObject({ rating: 3.5 });
    expect((await client.read<ReviewItem>(`/reviews/${review.id}`)).editedAt).toEqual(expect.any(String));

    for (const [who, call] of [
      [other!, request(server).patch(`/api/v1/reviews/${review.id}`).send({ body: 'Mine now' })],
      [moderator, request(server).patch(`/api/v1/reviews/${review.id}`).send({ body: 'Moderated' })],
      [other!, request(server).delete(`/api/v1/reviews/${review.id}`)],
    ] as const) {
      const response = await call.set('Authorization', bearer(who));
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    }

    await client.write(author!, 'delete', `/reviews/${review.id}`);
    await request(server)
      .get(`/api/v1/reviews/${review.id}`)
      .set('X-Consistent-With', client.latest)
      .expect(404);
    expect(
      (await client.read<{ counts: { reviews: number } }>(`/users/${author!.username}`)).counts.reviews,
    ).toBe(0);
    const gone = await client.read<Page<{ verb: string }>>(`/users/${author!.username}/activity`);
    expect(gone.items.map((entry) => entry.verb)).not.toContain('reviewed');

    const another = await post(author!, seen, { body: 'Moderated away.' });
    await client.write(moderator, 'delete', `/reviews/${another.id}`);
    expect((await reviewsOf(seen)).items).toEqual([]);
  });

  it('takes reports from others once each, and refuses the author’s own', async () => {
    const seen = await film('Les Carabiniers');
    const [author, reporter] = await client.members(2);
    const review = await post(author!, seen, { body: 'Ends with the postcards.', spoilers: false });
    for (let time = 0; time < 2; time += 1) {
      await client.write(reporter!, 'post', `/reviews/${review.id}/reports`, { reason: 'spoiler' }, 202);
    }
    const own = await request(server)
      .post(`/api/v1/reviews/${review.id}/reports`)
      .set('Authorization', bearer(author!))
      .send({ reason: 'spam' });
    expect([own.status, own.body.code]).toEqual([422, 'cannot-report-own-review']);
    const reported = (await client.events(reviewStream(review.id))).filter(
      (event) => event.type === 'ReviewReported',
    );
    expect(reported).toHaveLength(1);
  });

  it.each([
    ['an empty body', { body: '   ' }, 'body'],
    ['a body over 20,000 characters', { body: 'x'.repeat(20_001) }, 'body'],
    ['a body with NUL', { body: 'a\u0000b' }, 'body'],
    ['stars off the grid', { body: 'Fine.', rating: 4.2 }, 'rating'],
    ['a spoiler flag that is not one', { body: 'Fine.', spoilers: 'yes' }, 'spoilers'],
    ['an unknown field', { body: 'Fine.', mood: 'happy' }, 'mood'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, body, field) => {
    const seen = await film(`Refused review ${field} ${String(_label)}`);
    const author = await registerUser(testApp.app);
    const response = await request(server)
      .post(`/api/v1/films/${seen.id}/reviews`)
      .set('Authorization', bearer(author))
      .send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect((await client.read<FilmState>(`/me/films/${seen.id}`, {}, author)).checked).toBe(false);
  });

  it('answers bad reads with a 400 naming the parameter, and unknown ones with 404', async () => {
    const seen = await film('Bande à part');
    for (const [query, field] of [
      [{ sort: 'best' }, 'sort'],
      [{ spoilers: 'yes' }, 'spoilers'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ] as const) {
      const response = await request(server).get(`/api/v1/films/${seen.id}/reviews`).query(query);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    await request(server).get('/api/v1/films/no-such-film-here/reviews').expect(404);
    await request(server).get('/api/v1/reviews/00000000-0000-4000-8000-000000000000').expect(404);
    await request(server).get('/api/v1/reviews/not-an-id').expect(404);
    await request(server).post(`/api/v1/films/${seen.id}/reviews`).send({ body: 'Anonymous' }).expect(401);
  });
});
