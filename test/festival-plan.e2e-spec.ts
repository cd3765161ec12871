import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { testEvent } from '#testing';
import request from 'supertest';
import { memberStream } from '../src/modules/identity/domain/member.events.js';
import { registerUser, type TestUser } from './support/auth.js';
import { FestivalProgramme, type TestEdition } from './support/festival-programme.js';
import { addFilm } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface PlanBody {
  visibility: string;
  items: {
    screening: {
      id: string;
      film: { id: string; title: string };
      venue: string;
      startsAt: string;
      endsAt: string;
    };
    clashesWith: string[];
  }[];
  films: number;
  discountedFilms: number;
  bulkDiscount: { minFilms: number; percent: number } | null;
  total: { amount: string; currency: string } | null;
}

describe('festival plan (e2e)', () => {
  let testApp: TestApp;
  let client: ListClient;
  let programme: FestivalProgramme;
  let edition: TestEdition;
  let owner: TestUser;
  let friend: TestUser;
  let fan: TestUser;
  /** Screenings of the edition: two clashing on the 18th, one after midnight, more on later days. */
  const s = {} as Record<'paris' | 'clash' | 'lateNight' | 'd1' | 'd2' | 'd3' | 'opening', string>;
  const titles = {} as Record<keyof typeof s, string>;

  const put = (user: TestUser | undefined, screeningId: string, path = edition.planPath) =>
    client.call(user, 'put', `${path}/${screeningId}`);
  const remove = (user: TestUser | undefined, screeningId: string, path = edition.planPath) =>
    client.call(user, 'delete', `${path}/${screeningId}`);
  const myPlan = (user: TestUser) => client.read<PlanBody>(edition.planPath, user);
  const memberPlanPath = (user: TestUser) =>
    `/users/${user.username}/festivals/${edition.festival}/${edition.year}/plan`;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new ListClient(testApp.app);
    programme = new FestivalProgramme(testApp.app);
    edition = await programme.edition();
    [owner, friend, fan] = await Promise.all([1, 2, 3].map(() => registerUser(testApp.app)));
    const screen = async (
      key: keyof typeof s,
      local: string,
      venue: string,
      gala: 'opening' | null = null,
    ) => {
      const film = await addFilm(testApp.app, { runtimeMinutes: 120 });
      titles[key] = film.title;
      if (gala) await programme.select(edition, film.id, { gala });
      s[key] = await programme.screening(edition, film.id, venue, local);
    };
    await screen('paris', '2008-06-18T18:00', 'Filmhouse 1');
    await screen('clash', '2008-06-18T19:00', 'Cineworld 5');
    await screen('lateNight', '2008-06-19T00:30', 'Cameo');
    await screen('d1', '2008-06-20T12:00', 'Filmhouse 2');
    await screen('d2', '2008-06-21T12:00', 'Filmhouse 2');
    await screen('d3', '2008-06-22T12:00', 'Filmhouse 2');
    await screen('opening', '2008-06-18T10:00', 'Festival Theatre', 'opening');
  });

  afterAll(() => testApp.close());

  describe('the journey', () => {
    it('plans three screenings, two clashing, with the clash both ways, by start', async () => {
      for (const id of [s.lateNight, s.clash, s.paris]) expect((await put(owner, id)).status).toBe(200);
      const written = await put(owner, s.paris);
      const plan = await myPlan(owner);
      expect((written.body as { plan: PlanBody }).plan).toEqual(plan);
      expect(plan.items.map((item) => [item.screening.id, item.clashesWith])).toEqual([
        [s.paris, [s.clash]],
        [s.clash, [s.paris]],
        [s.lateNight, []],
      ]);
      expect(plan.items[0]!.screening).toMatchObject({
        venue: 'Filmhouse 1',
        startsAt: '2008-06-18T18:00:00+01:00',
        endsAt: '2008-06-18T20:00:00+01:00',
        film: { title: titles.paris },
      });
      expect(plan.items[2]!.screening.startsAt).toBe('2008-06-19T00:30:00+01:00');
      expect(plan).toMatchObject({
        visibility: 'private',
        films: 3,
        discountedFilms: 3,
        bulkDiscount: null,
        total: { amount: '32.85', currency: 'GBP' },
      });
    });

    it('reaches the 25 % tier at six films, and charges a gala in full without counting it', async () => {
      for (const id of [s.d1, s.d2, s.d3]) await put(owner, id);
      expect(await myPlan(owner)).toMatchObject({
        films: 6,
        discountedFilms: 6,
        bulkDiscount: { minFilms: 6, percent: 25 },
        total: { amount: '49.27', currency: 'GBP' }, // 65.70 − 16.43
      });
      const written = (await put(owner, s.opening)).body as { plan: PlanBody; position: string };
      expect(written.plan).toMatchObject({
        films: 7,
        discountedFilms: 6,
        bulkDiscount: { minFilms: 6, percent: 25 },
        total: { amount: '60.22', currency: 'GBP' }, // 76.65 − 16.43
      });
      expect(written.plan.items[0]!.screening.id).toBe(s.opening);
      expect(typeof written.position).toBe('string');
    });

    it('is private at first: the owner reads it at their user path, everyone else gets 404', async () => {
      expect((await client.read<PlanBody>(memberPlanPath(owner), owner)).items).toHaveLength(7);
      for (const reader of [friend, fan, undefined]) {
        expect((await client.call(reader, 'get', memberPlanPath(owner))).status).toBe(404);
      }
    });

    it('shared with friends: members the owner follows see it, followers and strangers do not', async () => {
      await client.follow(owner, friend);
      await client.follow(friend, owner);
      await client.follow(fan, owner);
      const shared = await client.call(owner, 'patch', edition.planPath, { visibility: 'friends' });
      expect(shared.status).toBe(200);
      expect((shared.body as { plan: PlanBody }).plan.visibility).toBe('friends');
      const seen = await client.read<PlanBody>(memberPlanPath(owner), friend);
      expect(seen.items.map((item) => item.screening.id)).toContain(s.paris);
      expect(seen.total).toEqual({ amount: '60.22', currency: 'GBP' });
      for (const reader of [fan, undefined]) {
        const hidden = await client.call(reader, 'get', memberPlanPath(owner));
        expect(hidden.status).toBe(404);
        expect(hidden.headers['content-type']).toMatch(PROBLEM_JSON);
      }
    });

    it('lists the friends planning a screening, to a reader who follows them and may see their plan', async () => {
      const friends = await client.read<{ items: unknown[] }>(`/screenings/${s.paris}/friends`, friend);
      expect(friends.items).toEqual([{ user: { id: owner.id, username: owner.username } }]);
      // The fan follows the owner, but the owner does not follow the fan: a friends-only plan is hidden.
      expect((await client.read<{ items: unknown[] }>(`/screenings/${s.paris}/friends`, fan)).items).toEqual(
        [],
      );
      expect((await client.read<{ items: unknown[] }>(`/screenings/${s.d1}/friends`, owner)).items).toEqual(
        [],
      );
    });

    it('made public: everyone sees it, and the fan sees the owner among a screening’s friends', async () => {
      await client.call(owner, 'patch', edition.planPath, { visibility: 'public' });
      for (const reader of [fan, undefined]) {
        expect((await client.read<PlanBody>(memberPlanPath(owner), reader)).visibility).toBe('public');
      }
      expect((await client.read<{ items: unknown[] }>(`/screenings/${s.clash}/friends`, fan)).items).toEqual([
        { user: { id: owner.id, username: owner.username } },
      ]);
      await client.call(owner, 'patch', edition.planPath, { visibility: 'private' });
      expect((await client.call(friend, 'get', memberPlanPath(owner))).status).toBe(404);
      expect(
        (await client.read<{ items: unknown[] }>(`/screenings/${s.paris}/friends`, friend)).items,
      ).toEqual([]);
    });
  });

  describe('writes', () => {
    it('PUT and DELETE are idempotent; a no-op answers the same plan and a position', async () => {
      const member = await registerUser(testApp.app);
      const first = await put(member, s.d1);
      const again = await put(member, s.d1);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const removed = await remove(member, s.d1);
      expect((removed.body as { plan: PlanBody }).plan.items).toEqual([]);
      const removedAgain = await remove(member, s.d1);
      expect(removedAgain.status).toBe(200);
      expect(removedAgain.body).toEqual(removed.body);
      // Never planned, still a screening of the edition: nothing to take out.
      const never = await remove(member, s.d2);
      expect([never.status, (never.body as { plan: PlanBody }).plan.items]).toEqual([200, []]);
    });

    it('refuses another edition’s screening, an unknown or malformed one, and an unknown edition with 404', async () => {
      const other = await programme.edition({ year: 2009 });
      const film = await addFilm(testApp.app);
      const elsewhere = await programme.screening(other, film.id, 'Cameo', '2009-06-20T18:00');
      const member = await registerUser(testApp.app);
      for (const id of [elsewhere, 'd0d0d0d0-0000-4000-8000-000000000000', 'not-a-screening']) {
        for (const verb of ['put', 'delete'] as const) {
          const refused = await client.call(member, verb, `${edition.planPath}/${id}`);
          expect([verb, id, refused.status]).toEqual([verb, id, 404]);
          expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
        }
      }
      expect((await put(member, elsewhere, other.planPath)).status).toBe(200);
      for (const path of [
        `/me/festivals/${edition.festival}/1999/plan`,
        `/me/festivals/${edition.festival}/nineteen/plan`,
        `/me/festivals/no-such-festival/2008/plan`,
      ]) {
        expect((await put(member, s.d1, path)).status).toBe(404);
        expect((await client.call(member, 'get', path)).status).toBe(404);
      }
      expect((await client.read<PlanBody>(edition.planPath, member)).items).toEqual([]);
    });

    it('drops a screening deleted from the programme, and still lets the member take it out', async () => {
      const member = await registerUser(testApp.app);
      const film = await addFilm(testApp.app);
      const doomed = await programme.screening(edition, film.id, 'Cameo', '2008-06-23T15:00');
      await put(member, doomed);
      await put(member, s.d3);
      await programme.deleteScreening(doomed);
      const plan = await client.read<PlanBody>(edition.planPath, member);
      expect(plan.items.map((item) => item.screening.id)).toEqual([s.d3]);
      expect(plan.total).toEqual({ amount: '10.95', currency: 'GBP' });
      const removed = await remove(member, doomed);
      expect(removed.status).toBe(200);
      expect((removed.body as { plan: PlanBody }).plan.items).toHaveLength(1);
      expect((await put(member, doomed)).status).toBe(404);
      expect((await remove(member, doomed)).status).toBe(404);
    });

    it('PATCH refuses a bad, missing or unknown field with a 400 naming it', async () => {
      for (const [body, field] of [
        [{ visibility: 'everyone' }, 'visibility'],
        [{}, 'visibility'],
        [{ visibility: 'public', colour: 'red' }, 'colour'],
      ] as const) {
        const refused = await client.call(owner, 'patch', edition.planPath, body);
        expect(refused.status).toBe(400);
        expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(fieldsOf(refused.body as ProblemBody)).toContain(field);
      }
    });

    it('a member with no plan is 404 to others and an empty private plan to themselves', async () => {
      const member = await registerUser(testApp.app);
      expect((await client.call(friend, 'get', memberPlanPath(member))).status).toBe(404);
      expect(await client.read<PlanBody>(memberPlanPath(member), member)).toEqual({
        visibility: 'private',
        items: [],
        films: 0,
        discountedFilms: 0,
        bulkDiscount: null,
        total: { amount: '0.00', currency: 'GBP' },
      });
      expect((await client.call(member, 'get', '/users/nobody_here_x/festivals/eiff/2008/plan')).status).toBe(
        404,
      );
    });

    it('refuses a suspended member’s writes with 403, and still lets them read', async () => {
      const member = await registerUser(testApp.app);
      const store = testApp.app.get<EventStore>(EVENT_STORE);
      const { position } = await store.append(memberStream(member.id), [
        testEvent('MemberSuspended', { reason: 'spam', until: null }),
      ]);
      expect(await testApp.app.get(ProjectionMonitor).waitFor(['members'], position, 10_000)).toBe(true);
      expect((await put(member, s.d1)).status).toBe(403);
      expect((await client.call(member, 'patch', edition.planPath, { visibility: 'public' })).status).toBe(
        403,
      );
      expect((await client.call(member, 'get', edition.planPath)).status).toBe(200);
    });

    it('answers odd path values with a 404 problem, never a 500', async () => {
      const member = await registerUser(testApp.app);
      const long = 'x'.repeat(5000);
      for (const [verb, path] of [
        ['get', `/screenings/not-a-uuid/friends`],
        ['get', `/screenings/${'d0d0d0d0-0000-4000-8000-000000000000'}/friends`],
        ['get', `/me/festivals/${long}/2008/plan`],
        ['get', `/me/festivals/${edition.festival}/99999999999999999999/plan`],
        ['get', `/me/festivals/${edition.festival}/-1/plan.ics`],
        ['put', `/me/festivals/${edition.festival}/20%2008/plan/calendar-url`],
        ['get', `/users/${long}/festivals/${edition.festival}/2008/plan`],
        ['get', `/festival-calendars/${'A'.repeat(43)}.ics`],
        ['get', `/festival-calendars/%E2%80%A8.ics`],
      ] as const) {
        const response = await client.call(member, verb, path);
        expect([path.slice(0, 80), response.status]).toEqual([path.slice(0, 80), 404]);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      }
    });

    it('answers 401 without a token on every member route', async () => {
      const server = testApp.app.getHttpServer();
      const api = (path: string) => `/api/v1${path}`;
      const calls: [string, request.Test][] = [
        ['PUT item', request(server).put(api(`${edition.planPath}/${s.d1}`))],
        ['DELETE item', request(server).delete(api(`${edition.planPath}/${s.d1}`))],
        ['GET plan', request(server).get(api(edition.planPath))],
        ['PATCH plan', request(server).patch(api(edition.planPath)).send({ visibility: 'public' })],
        ['GET ics', request(server).get(api(`${edition.planPath}.ics`))],
        ['PUT calendar-url', request(server).put(api(`${edition.planPath}/calendar-url`))],
        ['DELETE calendar-url', request(server).delete(api(`${edition.planPath}/calendar-url`))],
        ['GET friends', request(server).get(api(`/screenings/${s.d1}/friends`))],
      ];
      for (const [route, call] of calls) expect([route, (await call).status]).toEqual([route, 401]);
    });
  });
});
