import type pg from 'pg';
import request from 'supertest';
import { eventUid } from '../src/modules/festivals/plan/calendar/plan-ics.js';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { registerUser, type TestUser } from './support/auth.js';
import { FestivalProgramme, type TestEdition } from './support/festival-programme.js';
import { addFilm } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('festival plan calendar (e2e)', () => {
  let testApp: TestApp;
  let client: ListClient;
  let edition: TestEdition;
  let owner: TestUser;
  const s = {} as Record<'paris' | 'lateNight', string>;
  const titles = {} as Record<keyof typeof s, string>;

  const put = (user: TestUser, screeningId: string) =>
    client.call(user, 'put', `${edition.planPath}/${screeningId}`);

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new ListClient(testApp.app);
    const programme = new FestivalProgramme(testApp.app);
    edition = await programme.edition();
    owner = await registerUser(testApp.app);
    for (const [key, local, venue] of [
      ['paris', '2008-06-18T18:00', 'Filmhouse 1'],
      ['lateNight', '2008-06-19T00:30', 'Cameo'],
    ] as const) {
      const film = await addFilm(testApp.app, { runtimeMinutes: 120 });
      titles[key] = film.title;
      s[key] = await programme.screening(edition, film.id, venue, local);
    }
  });

  afterAll(() => testApp.close());

  describe("a member's calendar", () => {
    let member: TestUser;

    beforeAll(async () => {
      member = await registerUser(testApp.app);
      await put(member, s.paris);
      await put(member, s.lateNight);
    });

    const events = (ics: string) => ics.split('BEGIN:VEVENT').slice(1);
    const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

    it('serves plan.ics as text/calendar: one event per screening with UID, times, title and venue', async () => {
      await client.read(edition.planPath, member);
      const response = await client.call(member, 'get', `${edition.planPath}.ics`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const ics = unfolded(response.text);
      expect(ics).toContain(`X-WR-CALNAME:${edition.name} 2008 — my plan`);
      expect(events(ics)).toHaveLength(2);
      const parisEvent = events(ics).find((event) => event.includes(eventUid(member.id, s.paris)))!;
      expect(parisEvent).toContain('DTSTART:20080618T170000Z');
      expect(parisEvent).toContain('DTEND:20080618T190000Z');
      expect(parisEvent).toContain(`SUMMARY:${titles.paris}`);
      expect(parisEvent).toContain('LOCATION:Filmhouse 1');
      const lateEvent = events(ics).find((event) => event.includes(eventUid(member.id, s.lateNight)))!;
      expect(lateEvent).toContain('DTSTART:20080618T233000Z');
      expect(lateEvent).toContain('LOCATION:Cameo');
    });

    it('keeps UIDs stable per member and screening, and distinct between members', () => {
      expect(eventUid(member.id, s.paris)).toBe(eventUid(member.id, s.paris));
      expect(eventUid(member.id, s.paris)).not.toBe(eventUid(owner.id, s.paris));
      expect(eventUid(member.id, s.paris)).not.toContain(member.id);
    });

    it('serves the same calendar at a subscription URL without a token, until it is replaced or revoked', async () => {
      const issued = await client.call(member, 'put', `${edition.planPath}/calendar-url`);
      expect(issued.status).toBe(200);
      const url = new URL((issued.body as { url: string }).url);
      expect(url.pathname).toMatch(/^\/api\/v1\/festival-calendars\/[A-Za-z0-9_-]{43}\.ics$/);
      const server = testApp.app.getHttpServer();
      const subscribed = await request(server).get(url.pathname);
      expect(subscribed.status).toBe(200);
      expect(subscribed.headers['content-type']).toMatch(/^text\/calendar/);
      expect(events(unfolded(subscribed.text))).toHaveLength(2);
      expect(subscribed.text).toContain(`UID:${eventUid(member.id, s.paris)}`);

      const replaced = new URL(
        ((await client.call(member, 'put', `${edition.planPath}/calendar-url`)).body as { url: string }).url,
      );
      expect(replaced.pathname).not.toBe(url.pathname);
      expect((await request(server).get(url.pathname)).status).toBe(404);
      expect((await request(server).get(replaced.pathname)).status).toBe(200);

      expect((await client.call(member, 'delete', `${edition.planPath}/calendar-url`)).status).toBe(204);
      const revoked = await request(server).get(replaced.pathname);
      expect(revoked.status).toBe(404);
      expect(revoked.headers['content-type']).toMatch(PROBLEM_JSON);
      expect((await request(server).get('/api/v1/festival-calendars/not-a-token.ics')).status).toBe(404);
    });

    it('stores only the hash of a subscription token', async () => {
      const issued = await client.call(member, 'put', `${edition.planPath}/calendar-url`);
      const token = /festival-calendars\/([^.]+)\.ics$/.exec((issued.body as { url: string }).url)![1]!;
      const pool = testApp.app.get<pg.Pool>(READ_MODEL_POOL);
      const { rows } = await pool.query<{ token_hash: string }>(
        `SELECT token_hash FROM festival_plan_calendars WHERE owner_id = $1`,
        [member.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).not.toContain(token);
      expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
