import type pg from 'pg';
import request from 'supertest';
import { ProjectionMonitor } from '#projections';
import { testPool } from '#testing';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { seedDemoCatalogue } from '../../modules/catalog/seed/seed-demo.js';
import { seedDemoFestival } from '../../modules/festivals/seed/demo-festival.js';
import type { MemberPlan } from './community-plan.js';
import {
  DEMO_PASSWORD,
  MissingPrerequisite,
  runCommunitySeed,
  type CommunityOutcome,
} from './community-run.js';
import { caughtUpWith } from './read-models.js';
import { CREATED_KINDS } from './tally.js';

const MEMBERS = 20;
const TODAY = '2026-12-07';

interface Page<Item> {
  readonly items: readonly Item[];
}
interface ListSummary {
  readonly title: string;
  readonly official: boolean;
  readonly visibility: string;
  readonly owner: { readonly username: string };
}

describe('seed:community', () => {
  let testApp: TestApp;
  let pool: pg.Pool;
  let first: CommunityOutcome;

  const api = () => request(testApp.app.getHttpServer());
  const everyReadModelCaughtUp = async (): Promise<void> => {
    const names = (await testApp.app.get(ProjectionMonitor).statuses()).map((status) => status.name);
    expect(await caughtUpWith(testApp.app.get(ProjectionMonitor), 30_000)(names)).toBe(true);
  };
  const signIn = async (username: string): Promise<string> => {
    const response = await api()
      .post('/api/v1/auth/login')
      .send({ login: username, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    return `Bearer ${(response.body as { accessToken: string }).accessToken}`;
  };
  const memberWith = (has: (member: MemberPlan) => boolean): MemberPlan => first.plan.members.find(has)!;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    pool = testPool(testApp.database, 2);
  }, 30_000);

  afterAll(async () => {
    await pool?.end();
    await testApp?.close();
  });

  it('asks for the demo catalogue first when there is none', async () => {
    await expect(runCommunitySeed(testApp.app, { members: MEMBERS, today: TODAY })).rejects.toThrow(
      MissingPrerequisite,
    );
  });

  it('writes the community through the commands', async () => {
    await seedDemoCatalogue(pool, { generatedFilms: 40, generatedPosters: 0, concurrency: 2 });
    await seedDemoFestival(pool);

    first = await runCommunitySeed(testApp.app, { members: MEMBERS, today: TODAY, concurrency: 4 });
    await everyReadModelCaughtUp();

    expect(first.festival).toBe(true);
    expect(first.counts.refused).toBe(0);
    expect(first.counts.created).toMatchObject({ members: MEMBERS + 1 });
    for (const kind of [
      'checks',
      'follows',
      'comments',
      'lists',
      'listItems',
      'officialLists',
      'plannedScreenings',
    ])
      expect(first.counts.created[kind as keyof typeof first.counts.created]).toBeGreaterThan(0);
  }, 60_000);

  it('serves official lists owned by the curator', async () => {
    const { body } = await api().get('/api/v1/lists').query({ official: 'true' }).expect(200);

    const lists = (body as Page<ListSummary>).items;
    expect(lists.length).toBe(first.plan.officialLists.length);
    expect(lists.every((list) => list.official && list.owner.username === first.plan.curator)).toBe(true);
    expect(lists.map((list) => list.title)).toContain('The 250 greatest films');
  });

  it('shows a public list to anyone and a private one to its owner only', async () => {
    const owner = memberWith((member) => member.lists.some((list) => list.visibility === 'private'));
    const publicOwner = memberWith((member) => member.lists.some((list) => list.visibility === 'public'));
    const listsOf = async (username: string, authorization?: string) => {
      const call = api().get(`/api/v1/users/${username}/lists`);
      const { body } = await (authorization ? call.set('Authorization', authorization) : call).expect(200);
      return (body as Page<ListSummary>).items.map((list) => list.visibility);
    };

    expect(await listsOf(publicOwner.username)).toContain('public');
    expect(await listsOf(owner.username)).not.toContain('private');
    expect(await listsOf(owner.username, await signIn(owner.username))).toContain('private');
  });

  it('has members following each other, some followed by many', async () => {
    const followers = await Promise.all(
      first.plan.members.map(async ({ username }) => {
        const { body } = await api().get(`/api/v1/users/${username}`).expect(200);
        return (body as { counts: { followers: number; following: number; checked: number } }).counts;
      }),
    );

    expect(followers.every((counts) => counts.following >= 5 && counts.checked > 0)).toBe(true);
    expect(Math.max(...followers.map((counts) => counts.followers))).toBeGreaterThan(MEMBERS / 2);
  });

  it('has comments on film pages and popular films', async () => {
    const commenter = memberWith((member) => member.history.comments.length > 0);
    const { film } = commenter.history.comments[0]!;
    const comments = await api().get(`/api/v1/films/${film}/comments`).expect(200);
    const popular = await api().get('/api/v1/films/popular').query({ period: 'all' }).expect(200);

    expect((comments.body as Page<unknown>).items.length).toBeGreaterThan(0);
    expect((popular.body as Page<unknown>).items.length).toBeGreaterThan(5);
  });

  it('has festival plans on the demo edition', async () => {
    const planner = memberWith((member) => member.screenings.length > 0);

    const { body } = await api()
      .get('/api/v1/me/festivals/eiff/2008/plan')
      .set('Authorization', await signIn(planner.username))
      .expect(200);

    expect(JSON.stringify(body)).toContain(planner.screenings[0]!);
  });

  it('creates nothing on a second run', async () => {
    const again = await runCommunitySeed(testApp.app, { members: MEMBERS, today: TODAY, concurrency: 4 });

    for (const kind of CREATED_KINDS) expect(again.counts.created[kind]).toBe(0);
    expect(again.counts.alreadyThere).toEqual({
      members: MEMBERS + 1,
      officialLists: first.plan.officialLists.length,
    });
  }, 30_000);
});
