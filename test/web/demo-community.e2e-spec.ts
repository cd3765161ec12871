import type pg from 'pg';
import { ProjectionMonitor } from '#projections';
import { testPool } from '#testing';
import { FilmPosters } from '../../src/modules/catalog/posters/film-posters.js';
import { seedDemoCatalogue, seedDemoPosters } from '../../src/modules/catalog/seed/seed-demo.js';
import { seedDemoFestival } from '../../src/modules/festivals/seed/demo-festival.js';
import { runCommunitySeed } from '../../src/seed/community/community-run.js';
import { caughtUpWith } from '../../src/seed/community/read-models.js';
import { expectAccessible, pageProblems, saveScreenshot } from './support/browser.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(180_000);

/** The demo as a newcomer makes it (seed:demo, then seed:community), smaller: what the first pages show. */
describe('web: the demo site with its community', () => {
  let web: WebTestApp;
  let pool: pg.Pool;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    pool = testPool(web.database, 2);
    const options = { generatedFilms: 60, generatedPosters: 10, concurrency: 2 };
    await seedDemoCatalogue(pool, options);
    await seedDemoPosters(pool, web.app.get(FilmPosters), options);
    await seedDemoFestival(pool);
    await runCommunitySeed(web.app, { members: 40, concurrency: 4 });
    const monitor = web.app.get(ProjectionMonitor);
    const names = (await monitor.statuses()).map((status) => status.name);
    expect(await caughtUpWith(monitor, 60_000)(names)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await web?.close();
  });

  it('greets a visitor with popular films, official lists, the festival and recent activity', async () => {
    const { context, page } = await visitorAs(web);
    expect((await page.goto('/'))?.status()).toBe(200);
    const popular = page.getByRole('list', { name: 'Popular this week' });
    await expect(popular.getByRole('listitem').count()).resolves.toBe(12);
    await expect(popular.locator('img.poster').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.discovery .list-entry').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(
      page.getByRole('link', { name: /^Edinburgh International Film Festival 2008$/ }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('list', { name: 'What members did lately, newest first' }).getByRole('listitem').count(),
    ).resolves.toBe(8);
    await expectAccessible(page);
    await saveScreenshot(page, 'demo-home');

    await popular.getByRole('link').first().click();
    await page.waitForURL('**/film/**');
    await expect(page.locator('main').textContent()).resolves.not.toContain(
      'No one has checked this title yet',
    );
    await saveScreenshot(page, 'demo-film');

    expect((await page.goto('/browse/lists'))?.status()).toBe(200);
    await saveScreenshot(page, 'demo-lists');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
