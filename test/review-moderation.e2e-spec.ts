import request from 'supertest';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, type Page } from './support/member-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface QueueItem {
  kind: 'comment' | 'review';
  comment?: { id: string };
  review?: {
    id: string;
    body: string;
    author: { username: string };
    film: { slug: string };
    hidden: boolean;
  };
  reportCount: number;
  autoHidden: boolean;
  status: 'open' | 'resolved';
  decision: { action: string; moderator: { username: string } | null } | null;
}

interface LogEntry {
  action: string;
  target: { kind: string; id: string };
}

/** Reviews share the comments' moderation: reports, auto-hide, the queue, decisions and the log. */
describe('review moderation (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let moderator: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', MODERATION_AUTOHIDE_REPORTS: '2' },
    });
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
    moderator = await registerUser(testApp.app, { roles: ['moderator'] });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const get = (path: string, reader?: TestUser) => {
    const call = request(server).get(`/api/v1${path}`).set('X-Consistent-With', client.latest);
    return reader ? call.set('Authorization', bearer(reader)) : call;
  };

  /** Polls until the auto-hide job (run by the worker) has hidden the review from readers. */
  async function untilHidden(reviewId: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if ((await get(`/reviews/${reviewId}`)).status === 404) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the review was not hidden by its reports');
  }

  it('hides a review at the report threshold, queues it beside comments, and a moderator decides', async () => {
    const film = await addFilm(testApp.app, { title: 'Pierrot le Fou', year: 1965 });
    const [author, ana, ben, reader] = await client.members(4);
    const review = await client.write<{ id: string; position: string }>(
      author!,
      'post',
      `/films/${film.id}/reviews`,
      { body: 'Buy cheap pills at example.org' },
      201,
    );
    for (const reporter of [ana!, ben!]) {
      await client.write(reporter, 'post', `/reviews/${review.id}/reports`, { reason: 'spam' }, 202);
    }
    await untilHidden(review.id);
    expect((await get(`/reviews/${review.id}`, author)).body).toMatchObject({ id: review.id, hidden: true });
    expect((await get(`/reviews/${review.id}`, reader)).status).toBe(404);
    expect((await client.read<Page<{ id: string }>>(`/films/${film.id}/reviews`)).items).toEqual([]);
    // The film's list keeps it from members, its author included; a moderator sees it there, marked.
    for (const member of [author!, reader!]) {
      expect(
        (await client.read<Page<{ id: string }>>(`/films/${film.id}/reviews`, {}, member)).items,
      ).toEqual([]);
    }
    expect(
      (await client.read<Page<{ id: string }>>(`/films/${film.id}/reviews`, {}, moderator)).items,
    ).toEqual([expect.objectContaining({ id: review.id, hidden: true })]);

    const queue = await client.read<Page<QueueItem>>('/moderation/queue', {}, moderator);
    const item = queue.items.find((entry) => entry.review?.id === review.id);
    expect(item).toMatchObject({
      kind: 'review',
      review: {
        body: 'Buy cheap pills at example.org',
        author: { username: author!.username },
        film: { slug: film.slug },
        hidden: true,
      },
      reportCount: 2,
      autoHidden: true,
      status: 'open',
    });
    expect(item).not.toHaveProperty('comment');

    // Only moderators decide; a member gets 403.
    await request(server)
      .post(`/api/v1/moderation/reviews/${review.id}/restore`)
      .set('Authorization', bearer(reader!))
      .send({})
      .expect(403);
    const restored = await client.write<{
      reviewId: string;
      hidden: boolean;
      status: string;
      position: string;
    }>(moderator, 'post', `/moderation/reviews/${review.id}/restore`, { reason: 'Not spam after all' });
    expect(restored).toMatchObject({ reviewId: review.id, hidden: false, status: 'resolved' });
    expect((await get(`/reviews/${review.id}`, reader)).status).toBe(200);

    const hidden = await client.write<{ hidden: boolean; position: string }>(
      moderator,
      'post',
      `/moderation/reviews/${review.id}/hide`,
      { reason: 'Spam' },
    );
    expect(hidden.hidden).toBe(true);
    expect((await get(`/reviews/${review.id}`, reader)).status).toBe(404);

    const log = await client.read<Page<LogEntry>>('/moderation/log', {}, moderator);
    expect(log.items.filter((entry) => entry.target.id === review.id).map((entry) => entry.action)).toEqual([
      'hide',
      'restore',
    ]);
    expect(log.items.find((entry) => entry.target.id === review.id)!.target.kind).toBe('review');
    const resolved = await client.read<Page<QueueItem>>(
      '/moderation/queue',
      { status: 'resolved' },
      moderator,
    );
    expect(resolved.items.find((entry) => entry.review?.id === review.id)).toMatchObject({
      kind: 'review',
      status: 'resolved',
      decision: { action: 'hide', moderator: { username: moderator.username } },
    });
  });

  it('answers 404 for a review that is not there, and validates the reason to hide', async () => {
    await request(server)
      .post('/api/v1/moderation/reviews/00000000-0000-4000-8000-000000000000/dismiss')
      .set('Authorization', bearer(moderator))
      .send({})
      .expect(404);
    const film = await addFilm(testApp.app, { title: 'Alphaville', year: 1965 });
    const author = await registerUser(testApp.app);
    const review = await client.write<{ id: string; position: string }>(
      author,
      'post',
      `/films/${film.id}/reviews`,
      { body: 'Cold and bright.' },
      201,
    );
    const missing = await request(server)
      .post(`/api/v1/moderation/reviews/${review.id}/hide`)
      .set('Authorization', bearer(moderator))
      .send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });
});
