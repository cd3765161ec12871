import type { Page } from 'playwright-core';
import { registerUser, uniqueUsername, type TestUser } from '../support/auth.js';
import { ListClient } from '../support/list-client.js';
import { expectAccessible, horizontalOverflow, pageProblems, saveScreenshot } from './support/browser.js';
import { insertEdition, type TestEdition } from './support/festival-edition.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(120_000);

/**
 * "Friends who plan to see this screening" on the pages: under a screening of the day, the strand
 * and the film page, the members the reader follows whose plan the reader may see.
 */
describe('web: friends who plan to see a screening', () => {
  let web: WebTestApp;
  let edition: TestEdition;
  let reader: TestUser;
  /** Follows the reader back; a friends plan with Paris and Timbuktu. */
  let juliette: TestUser;
  /** Public plans with Timbuktu, followed by the reader. */
  let others: TestUser[];
  /** A private plan with Paris, followed: never named. */
  let secretive: TestUser;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    edition = await insertEdition(web.app);
    const client = new ListClient(web.app);
    const member = (prefix: string) => registerUser(web.app, { username: uniqueUsername(prefix) });
    reader = await member('reader');
    juliette = await member('a_juliette');
    others = [await member('b_marc'), await member('c_zoe')];
    secretive = await member('d_secret');
    for (const followee of [juliette, ...others, secretive]) await client.follow(reader, followee);
    await client.follow(juliette, reader);
    const planPath = `/me/festivals/${edition.slug}/2016/plan`;
    const plan = async (user: TestUser, visibility: string, screenings: string[]) => {
      for (const id of screenings)
        expect((await client.call(user, 'put', `${planPath}/${id}`)).status).toBe(200);
      expect((await client.call(user, 'patch', planPath, { visibility })).status).toBe(200);
    };
    await plan(juliette, 'friends', [edition.screenings.paris, edition.screenings.timbuktu]);
    for (const other of others) await plan(other, 'public', [edition.screenings.timbuktu]);
    await plan(secretive, 'private', [edition.screenings.paris]);
    // The pages do not wait for the API's writes: this read does, until the plans are projected.
    await client.read(`/screenings/${edition.screenings.paris}/friends`, reader);
  });

  afterAll(async () => {
    await web?.close();
  });

  const editionPath = () => `/festival/${edition.slug}/2016`;
  const dayPath = () => `${editionPath()}/day/2016-06-18`;
  const planOf = (user: TestUser) => `/member/${user.username}/festivals/${edition.slug}/2016`;
  const lineOf = (page: Page, selector: string) =>
    page.locator(selector).locator('.friends-planning').innerText();

  it('says under each screening of the day who plans it, the names linking to their plans', async () => {
    const { context, page } = await visitorAs(web, reader);
    expect((await page.goto(dayPath()))?.status()).toBe(200);
    const screening = (title: string) => `.day-screening:has-text("${title}")`;
    await expect(lineOf(page, screening(edition.films.paris.title))).resolves.toBe(
      `Planned by ${juliette.username}, who you follow`,
    );
    await expect(lineOf(page, screening(edition.films.timbuktu.title))).resolves.toBe(
      `Planned by ${juliette.username} and 2 others you follow`,
    );
    await expect(
      page.locator(screening(edition.films.tokyo.title)).locator('.friends-planning').count(),
    ).resolves.toBe(0);
    await expect(page.locator('.friends-planning').allInnerTexts()).resolves.not.toContain(
      secretive.username,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'festival-day-friends');

    await page
      .locator(screening(edition.films.paris.title))
      .getByRole('link', { name: juliette.username })
      .click();
    await page.waitForURL(planOf(juliette));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `${juliette.username}'s plan`,
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('says it on the strand and the film page too, and nothing to an anonymous reader', async () => {
    const { context, page } = await visitorAs(web, reader);
    await page.goto(`${editionPath()}/strand/world-perspectives`);
    await expect(
      lineOf(page, `.festival-film:has-text("${edition.films.timbuktu.title}") .screening`),
    ).resolves.toBe(`Planned by ${juliette.username} and 2 others you follow`);
    await expectAccessible(page);

    await page.goto(`/film/${edition.films.paris.slug}`);
    await expect(lineOf(page, '.film-festivals .screening')).resolves.toBe(
      `Planned by ${juliette.username}, who you follow`,
    );
    await expect(
      page.locator('.film-festivals').getByRole('link', { name: juliette.username }).getAttribute('href'),
    ).resolves.toBe(planOf(juliette));
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();

    const anonymous = await visitorAs(web);
    for (const path of [dayPath(), `/film/${edition.films.paris.slug}`]) {
      await anonymous.page.goto(path);
      await expect(anonymous.page.locator('.friends-planning').count()).resolves.toBe(0);
    }
    await anonymous.context.close();
  });

  it('fits a phone-sized screen with the lines shown', async () => {
    const { context, page } = await visitorAs(web, reader, { phone: true });
    for (const path of [
      dayPath(),
      `${editionPath()}/strand/world-perspectives`,
      `/film/${edition.films.timbuktu.slug}`,
    ]) {
      expect((await page.goto(path))?.status()).toBe(200);
      await expect(page.locator('.friends-planning').count()).resolves.toBeGreaterThan(0);
      await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
