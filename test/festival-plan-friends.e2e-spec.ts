import { QueryBus } from '@nestjs/cqrs';
import request from 'supertest';
import { GetFriendsPlanning } from '../src/modules/festivals/plan/queries/friends-planning/friends-planning.query.js';
import { SESSION_COOKIE } from '../src/web/http/web-session.js';
import { registerUser, uniqueUsername, type TestUser } from './support/auth.js';
import { FestivalProgramme, type TestEdition } from './support/festival-programme.js';
import { addFilm } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface FriendsBody {
  items: { user: { id: string; username: string } }[];
}

/**
 * "Friends who plan to see this screening" for many screenings at once: the batch query answers
 * what GET /screenings/{id}/friends answers for each, and the day page says it under each screening.
 */
describe('friends planning screenings (e2e)', () => {
  let testApp: TestApp;
  let client: ListClient;
  let edition: TestEdition;
  /** The reader; follows b, c, e and f, not d. */
  let a: TestUser;
  /** Friends plan, follows a back: shown. */
  let b: TestUser;
  /** Private plan: hidden though followed (and following back). */
  let c: TestUser;
  /** Public plan, not followed: not a friend. */
  let d: TestUser;
  /** Friends plan, but e does not follow a: the lists' rule hides it. */
  let e: TestUser;
  /** Public plan, followed: shown. */
  let f: TestUser;
  const s = {} as Record<'s1' | 's2' | 's3', string>;

  const user = (prefix: string) => registerUser(testApp.app, { username: uniqueUsername(prefix) });
  const plan = async (member: TestUser, visibility: string, screenings: string[]) => {
    for (const id of screenings)
      expect((await client.call(member, 'put', `${edition.planPath}/${id}`)).status).toBe(200);
    expect((await client.call(member, 'patch', edition.planPath, { visibility })).status).toBe(200);
  };
  const friendsOf = (screeningId: string, reader: TestUser) =>
    client.read<FriendsBody>(`/screenings/${screeningId}/friends`, reader);
  const batch = (screeningIds: string[], reader: TestUser) =>
    testApp.app.get(QueryBus).execute(new GetFriendsPlanning(screeningIds, reader.id));
  const dayPage = (cookie?: string) => {
    const call = request(testApp.app.getHttpServer()).get(
      `/festival/${edition.festival}/${edition.year}/day/2008-06-18`,
    );
    return cookie === undefined ? call : call.set('Cookie', `${SESSION_COOKIE}=${cookie}`);
  };

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new ListClient(testApp.app);
    const programme = new FestivalProgramme(testApp.app);
    edition = await programme.edition();
    const screen = async (local: string) =>
      programme.screening(
        edition,
        (await addFilm(testApp.app, { runtimeMinutes: 100 })).id,
        'Filmhouse 1',
        local,
      );
    s.s1 = await screen('2008-06-18T18:00');
    s.s2 = await screen('2008-06-18T21:00');
    s.s3 = await screen('2008-06-19T12:00');
    [a, b, c, d, e, f] = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((prefix) => user(prefix)));
    for (const followee of [b, c, e, f]) await client.follow(a, followee);
    await client.follow(b, a);
    await client.follow(c, a);
    await plan(b, 'friends', [s.s1, s.s2]);
    await plan(c, 'private', [s.s1]);
    await plan(d, 'public', [s.s1, s.s2]);
    await plan(e, 'friends', [s.s1]);
    await plan(f, 'public', [s.s2]);
  });

  afterAll(() => testApp?.close());

  it('answers, per screening, the followed members whose plan the reader may see', async () => {
    // A read at the newest position first, so the plans' projection has every write.
    expect((await friendsOf(s.s1, a)).items).toEqual([{ user: { id: b.id, username: b.username } }]);
    const answer = await batch([s.s1, s.s2, s.s3], a);
    expect(answer).toEqual(
      new Map([
        [s.s1, [{ id: b.id, username: b.username }]],
        [
          s.s2,
          [
            { id: b.id, username: b.username },
            { id: f.id, username: f.username },
          ],
        ],
        [s.s3, []],
      ]),
    );
  });

  it('agrees with GET /screenings/{id}/friends for every screening and reader: one rule, one statement', async () => {
    for (const reader of [a, b, c, d]) {
      const answer = await batch([s.s1, s.s2, s.s3], reader);
      for (const id of [s.s1, s.s2, s.s3]) {
        const single = (await friendsOf(id, reader)).items.map((item) => item.user);
        expect([reader.username, id, answer.get(id)]).toEqual([reader.username, id, single]);
      }
    }
  });

  it('keys by the ids asked for: repeats, upper case and ids that are no screening, with no error', async () => {
    const answer = await batch(
      [s.s1.toUpperCase(), s.s1, 'not-a-uuid', 'd0d0d0d0-0000-4000-8000-000000000000'],
      a,
    );
    expect([...answer.keys()]).toEqual([
      s.s1.toUpperCase(),
      s.s1,
      'not-a-uuid',
      'd0d0d0d0-0000-4000-8000-000000000000',
    ]);
    expect(answer.get(s.s1.toUpperCase())).toEqual([{ id: b.id, username: b.username }]);
    expect(answer.get('not-a-uuid')).toEqual([]);
    expect(await batch([], a)).toEqual(new Map());
  });

  it('says it on the day page under each screening, with links to the plans, and not to anyone else', async () => {
    await friendsOf(s.s1, a);
    const page = await dayPage(a.token);
    expect(page.status).toBe(200);
    const lines = [...page.text.matchAll(/<p class="friends-planning">(.*?)<\/p>/g)].map((match) => match[1]);
    const planOf = (member: TestUser) => `/member/${member.username}/festivals/${edition.festival}/2008`;
    expect(lines).toEqual([
      `Planned by <a href="${planOf(b)}">${b.username}</a>, who you follow`,
      `Planned by <a href="${planOf(b)}">${b.username}</a> and <a href="${planOf(f)}">${f.username}</a>, who you follow`,
    ]);
    // The link opens: b's friends plan is visible to a.
    const friendPlan = await request(testApp.app.getHttpServer())
      .get(planOf(b))
      .set('Cookie', `${SESSION_COOKIE}=${a.token}`);
    expect(friendPlan.status).toBe(200);

    // d follows nobody; an anonymous reader gets no line at all.
    for (const response of [await dayPage(d.token), await dayPage()]) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('friends-planning');
    }
  });
});
