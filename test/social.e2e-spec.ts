import type { RecordedEvent } from '#event-store';
import request from 'supertest';
import { followStream } from '../src/modules/social/domain/follow.events.js';
import { bearer, type TestUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import { MemberClient, startCrowdedApp } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface ProfileBody {
  id: string;
  username: string;
  joinedAt: string;
  counts: Record<
    | 'checked'
    | 'favourites'
    | 'dislikes'
    | 'watchlist'
    | 'followers'
    | 'following'
    | 'comments'
    | 'ratings'
    | 'diaryEntries'
    | 'reviews',
    number
  >;
}

interface FollowEntry {
  user: { id: string; username: string };
  followedAt: string;
}

interface PageBody {
  items: FollowEntry[];
  nextCursor: string | null;
}

const NO_COUNTS: ProfileBody['counts'] = {
  checked: 0,
  favourites: 0,
  dislikes: 0,
  watchlist: 0,
  followers: 0,
  following: 0,
  comments: 0,
  ratings: 0,
  diaryEntries: 0,
  reviews: 0,
};

type Direction = 'followers' | 'following';

describe('social (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** A read after the write at `position`, which must be reached in time. */
  const read = async (path: string, position?: string) => {
    const call = request(server).get(`/api/v1${path}`);
    const response = await (position ? call.set('X-Consistent-With', position) : call);
    expect(response.status).toBe(200);
    if (position) expect(response.headers['x-consistency']).toBe('reached');
    return response;
  };

  const profile = async (username: string, position?: string): Promise<ProfileBody> =>
    (await read(`/users/${username}`, position)).body as ProfileBody;

  const page = async (
    username: string,
    direction: Direction,
    query: string,
    position?: string,
  ): Promise<PageBody> => (await read(`/users/${username}/${direction}${query}`, position)).body as PageBody;

  /** Every item of a list, page by page. */
  const walk = async (username: string, direction: Direction, limit: number): Promise<FollowEntry[][]> => {
    const pages: FollowEntry[][] = [];
    let cursor: string | null = null;
    // Bounded, so a cursor that never ends fails the test instead of hanging it.
    do {
      const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const body = await page(username, direction, query);
      pages.push(body.items);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 50);
    expect(cursor).toBeNull();
    return pages;
  };

  const streamOf = (follower: TestUser, followee: TestUser): Promise<RecordedEvent[]> =>
    client.events(followStream(follower.id, followee.id));

  /** Newest first: (followedAt, id) strictly decreasing. */
  const expectNewestFirst = (items: readonly FollowEntry[]): void => {
    for (let index = 1; index < items.length; index += 1) {
      const [before, after] = [items[index - 1]!, items[index]!];
      const order =
        after.followedAt.localeCompare(before.followedAt) || after.user.id.localeCompare(before.user.id);
      expect(order).toBeLessThan(0);
    }
  };

  describe('follow and unfollow', () => {
    it('follows, answers the same when repeated, unfollows, and writes one event for each change', async () => {
      const [ana, ben] = await client.members(2);
      const followed = await client.follow(ana, ben.username);
      expect(followed).toEqual({ following: true, position: expect.any(String) });
      // A repeat changes nothing: same answer, and its position is still the follow's.
      expect(await client.follow(ana, ben.username)).toEqual(followed);

      const unfollowed = await client.follow(ana, ben.username, 'delete');
      expect(unfollowed.following).toBe(false);
      expect(unfollowed.position).not.toBe(followed.position);
      expect(await client.follow(ana, ben.username, 'delete')).toEqual(unfollowed);

      const events = await streamOf(ana, ben);
      expect(events.map((event) => event.type)).toEqual(['UserFollowed', 'UserUnfollowed']);
      expect(events.map((event) => event.position)).toEqual([followed.position, unfollowed.position]);
      expect(events[0]!.metadata.actorId).toBe(ana.id);
    });

    it('matches the username in any case', async () => {
      const [ana, ben] = await client.members(2);
      const followed = await client.follow(ana, ben.username.toUpperCase());
      expect(followed.following).toBe(true);
      const { items } = await page(ben.username.toLowerCase(), 'followers', '', followed.position);
      expect(items.map((item) => item.user)).toEqual([{ id: ana.id, username: ana.username }]);
    });

    it('answers an unfollow of someone never followed with a position a read can wait for', async () => {
      const [ana, ben] = await client.members(2);
      const answer = await client.follow(ana, ben.username, 'delete');
      expect(answer).toEqual({ following: false, position: expect.any(String) });
      expect(await streamOf(ana, ben)).toEqual([]);
      expect((await profile(ben.username, answer.position)).counts).toEqual(NO_COUNTS);
    });

    it('refuses following yourself with a 422 carrying the rule, in any case of the username', async () => {
      const [ana] = await client.members(1);
      for (const username of [ana.username, ana.username.toUpperCase()]) {
        const response = await request(server)
          .put(`/api/v1/users/${username}/follow`)
          .set('Authorization', bearer(ana))
          .expect(422);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.body).toMatchObject({ status: 422, code: 'cannot-follow-yourself' });
      }
      expect(await streamOf(ana, ana)).toEqual([]);
    });

    it('answers 404 for a member that does not exist, on every route', async () => {
      const [ana] = await client.members(1);
      const missing = 'nobody_by_that_name';
      for (const verb of ['put', 'delete'] as const) {
        const response = await request(server)
          [verb](`/api/v1/users/${missing}/follow`)
          .set('Authorization', bearer(ana))
          .expect(404);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      }
      for (const path of ['', '/followers', '/following']) {
        const response = await request(server).get(`/api/v1/users/${missing}${path}`).expect(404);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect((response.body as ProblemBody).status).toBe(404);
      }
    });

    it('needs a valid token to follow; a token that is sent must be valid on public reads too', async () => {
      const [ben] = await client.members(1);
      for (const verb of ['put', 'delete'] as const) {
        await request(server)[verb](`/api/v1/users/${ben.username}/follow`).expect(401);
        const response = await request(server)
          [verb](`/api/v1/users/${ben.username}/follow`)
          .set('Authorization', 'Bearer not-a-token')
          .expect(401);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      }
      for (const path of ['', '/followers', '/following']) {
        await request(server).get(`/api/v1/users/${ben.username}${path}`).expect(200);
        await request(server)
          .get(`/api/v1/users/${ben.username}${path}`)
          .set('Authorization', 'Bearer not-a-token')
          .expect(401);
      }
      expect((await profile(ben.username)).counts.followers).toBe(0);
    });
  });

  describe('profiles', () => {
    it('shows a new member with no counts, and when they joined', async () => {
      const before = Date.now();
      const [ana] = await client.members(1);
      const body = await profile(ana.username.toUpperCase());
      expect(body).toEqual({
        id: ana.id,
        username: ana.username,
        joinedAt: expect.any(String),
        counts: NO_COUNTS,
      });
      expect(Math.abs(Date.parse(body.joinedAt) - before)).toBeLessThan(60_000);
    });

    it('counts film marks and follows, read after the last write', async () => {
      const [ana, ben, cleo] = await client.members(3);
      const [seen, loved, hated, later] = await addFilms(testApp.app, 4);
      await client.mark(ana, 'put', 'check', seen!);
      await client.mark(ana, 'put', 'favourite', loved!);
      await client.mark(ana, 'put', 'dislike', hated!);
      await client.mark(ana, 'put', 'watchlist', later!);
      await client.follow(ana, ben.username);
      await client.follow(ana, cleo.username);
      const last = await client.follow(ben, ana.username);

      expect((await profile(ana.username, last.position)).counts).toEqual({
        ...NO_COUNTS,
        checked: 3,
        favourites: 1,
        dislikes: 1,
        watchlist: 1,
        followers: 1,
        following: 2,
      });
      expect((await profile(ben.username, last.position)).counts).toEqual({
        ...NO_COUNTS,
        followers: 1,
        following: 1,
      });

      const unfollowed = await client.follow(ana, cleo.username, 'delete');
      expect((await profile(ana.username, unfollowed.position)).counts).toMatchObject({
        followers: 1,
        following: 1,
      });
      expect((await profile(cleo.username, unfollowed.position)).counts).toEqual(NO_COUNTS);
    });
  });

  describe('followers and following', () => {
    it('lists followers newest first across pages, none twice and none skipped, while others follow meanwhile', async () => {
      const [star] = await client.members(1);
      const fans = await client.members(7);
      let last = '';
      for (const fan of fans) last = (await client.follow(fan, star.username)).position;

      const whole = await page(star.username, 'followers', '', last);
      expect(whole.nextCursor).toBeNull();
      expect(whole.items.map((item) => item.user.id)).toEqual(fans.map((fan) => fan.id).reverse());
      expectNewestFirst(whole.items);
      for (const [index, item] of whole.items.entries()) {
        const fan = fans[fans.length - 1 - index]!;
        expect(item.user).toEqual({ id: fan.id, username: fan.username });
      }

      const first = await page(star.username, 'followers', '?limit=3');
      expect(first.items).toEqual(whole.items.slice(0, 3));
      // A new follower arrives between pages: newer than the cursor, so later pages do not show it.
      const [latecomer] = await client.members(1);
      const late = await client.follow(latecomer!, star.username);
      const rest: FollowEntry[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const next = await page(star.username, 'followers', `?limit=3&cursor=${cursor}`, late.position);
        expect(next.items.length).toBeLessThanOrEqual(3);
        rest.push(...next.items);
        cursor = next.nextCursor;
      }
      expect([...first.items, ...rest]).toEqual(whole.items);

      const now = await walk(star.username, 'followers', 3);
      expect(now.map((items) => items.length)).toEqual([3, 3, 2]);
      expect(now.flat().map((item) => item.user.id)).toEqual([
        latecomer!.id,
        ...whole.items.map((item) => item.user.id),
      ]);
    });

    it('lists whom a member follows newest first, in pages of any size', async () => {
      const [reader] = await client.members(1);
      const followed = await client.members(5);
      let last = '';
      for (const member of followed) last = (await client.follow(reader, member.username)).position;
      const expected = followed.map((member) => member.id).reverse();

      const whole = await page(reader.username, 'following', '?limit=100', last);
      expect(whole.items.map((item) => item.user.id)).toEqual(expected);
      expectNewestFirst(whole.items);
      for (const limit of [1, 2, 5]) {
        const pages = await walk(reader.username, 'following', limit);
        expect(pages.flat()).toEqual(whole.items);
        expect(pages.every((items) => items.length <= limit)).toBe(true);
      }
      expect((await page(followed[0]!.username, 'following', '')).items).toEqual([]);
    });

    it('drops an unfollow from both lists and shows a follow again at the top with its new time', async () => {
      const [ana, ben, cleo] = await client.members(3);
      const first = await client.follow(ana, cleo.username);
      await client.follow(ben, cleo.username);
      const before = (await page(cleo.username, 'followers', '', first.position)).items;

      await client.follow(ana, cleo.username, 'delete');
      const unfollowed = await client.follow(ana, cleo.username, 'delete');
      expect(
        (await page(cleo.username, 'followers', '', unfollowed.position)).items.map((item) => item.user.id),
      ).toEqual([ben.id]);
      expect((await page(ana.username, 'following', '', unfollowed.position)).items).toEqual([]);

      const again = await client.follow(ana, cleo.username);
      const after = (await page(cleo.username, 'followers', '', again.position)).items;
      expect(after.map((item) => item.user.id)).toEqual([ana.id, ben.id]);
      const firstFollow = before.find((item) => item.user.id === ana.id)!;
      expect(Date.parse(after[0]!.followedAt)).toBeGreaterThan(Date.parse(firstFollow.followedAt));
    });

    it('refuses a bad limit or cursor with a 400 naming the field', async () => {
      const [ana] = await client.members(1);
      const refused = async (query: string): Promise<string[]> => {
        const response = await request(server)
          .get(`/api/v1/users/${ana.username}/followers${query}`)
          .expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        return fieldsOf(response.body as ProblemBody);
      };
      for (const limit of ['0', '101', '-1', '2.5', 'ten', '']) {
        expect(await refused(`?limit=${limit}`)).toEqual(['limit']);
      }
      const forged = Buffer.from(JSON.stringify(['yesterday', ana.id])).toString('base64url');
      for (const cursor of ['garbage', forged, 'x'.repeat(500), '']) {
        expect(await refused(`?cursor=${cursor}`)).toEqual(['cursor']);
      }
      expect(await refused('?limit=1000&cursor=nope')).toEqual(['cursor', 'limit']);
      const following = await request(server)
        .get(`/api/v1/users/${ana.username}/following?cursor=nope`)
        .expect(400);
      expect(fieldsOf(following.body as ProblemBody)).toEqual(['cursor']);
    });
  });

  it('documents every social route in the OpenAPI spec', async () => {
    const document = (await request(server).get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown[]; responses: Record<string, unknown>; parameters?: { name: string }[] }
        >
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const follow = document.paths['/api/v1/users/{username}/follow']!;
    for (const verb of ['put', 'delete']) {
      expect(follow[verb]!.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(follow[verb]!.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    }
    expect(Object.keys(follow['put']!.responses)).toContain('422');
    expect(Object.keys(document.paths['/api/v1/users/{username}']!.get!.responses)).toEqual(
      expect.arrayContaining(['200', '404']),
    );
    for (const list of ['followers', 'following']) {
      const get = document.paths[`/api/v1/users/{username}/${list}`]!.get!;
      expect(get.parameters!.map((parameter) => parameter.name)).toEqual(
        expect.arrayContaining(['username', 'limit', 'cursor', 'X-Consistent-With']),
      );
      expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
    expect(Object.keys(document.components.schemas.ProfileCountsResponse!.properties).sort()).toEqual([
      'checked',
      'comments',
      'diaryEntries',
      'dislikes',
      'favourites',
      'followers',
      'following',
      'ratings',
      'reviews',
      'watchlist',
    ]);
  });
});
