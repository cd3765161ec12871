import type { Page } from 'playwright-core';
import request from 'supertest';
import { registerUser, type TestUser } from '../support/auth.js';
import { ListClient } from '../support/list-client.js';
import { expectAccessible, horizontalOverflow, pageProblems, saveScreenshot } from './support/browser.js';
import { insertEdition, type TestEdition } from './support/festival-edition.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(120_000);

/**
 * Issue 17's journey: browse a day → add three screenings, two of them clashing → the clash shows
 * in words → share with friends → a friend sees the plan, a stranger gets the 404.
 */
describe('web: a festival plan, built from a day and shared with friends', () => {
  let web: WebTestApp;
  let edition: TestEdition;
  let owner: TestUser;
  let friend: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    edition = await insertEdition(web.app);
    [owner, friend, stranger] = [
      await registerUser(web.app),
      await registerUser(web.app),
      await registerUser(web.app),
    ];
    // "Friends" are the members the plan's owner follows (the lists' rule).
    await new ListClient(web.app).follow(owner, friend);
  });

  afterAll(async () => {
    await web?.close();
  });

  const textOf = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const planButton = (page: Page, screening: string) => page.locator(`#plan-${screening}`);
  const editionPath = () => `/festival/${edition.slug}/2016`;
  const myPlanPath = () => `/my/festivals/${edition.slug}/2016`;
  const memberPlanPath = () => `/member/${owner.username}/festivals/${edition.slug}/2016`;

  /** At 375 px nothing scrolls sideways, and the page is still axe-clean. */
  const fitsAPhone = async (path: string, user?: TestUser) => {
    const { context, page } = await visitorAs(web, user, { phone: true });
    expect((await page.goto(path))?.status()).toBe(200);
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  };

  // One journey in steps, each with its own time budget; a step builds on the ones before it.
  it('browses the archive, the edition and a day, and adds three screenings, two of them clashing', async () => {
    const { paris, timbuktu, tokyo } = edition.films;
    const { context, page } = await visitorAs(web, owner);

    // The archive → the edition.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Festivals' }).click();
    await page.waitForURL('/festival');
    await expectAccessible(page);
    await page.getByRole('link', { name: `${edition.name} 2016` }).click();
    await page.waitForURL(editionPath());
    await expect(textOf(page, '.festival-prices')).resolves.toBe(
      'Tickets £10.00 each. Buy more, pay less: 6–9 different films: 25 % off; 10 or more: 35 %; opening and closing galas excluded.',
    );
    await expectAccessible(page);

    // The diary: Saturday has three screenings (the 00:30 show belongs to Sunday).
    const saturday = page.locator('.festival-diary').getByRole('link', { name: 'Sat 18 June 3 screenings' });
    await expect(
      page.locator('.festival-diary').getByRole('link', { name: 'Sun 19 June 1 screening' }).count(),
    ).resolves.toBe(1);
    await saturday.click();
    await page.waitForURL(`${editionPath()}/day/2016-06-18`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Saturday 18 June 2016',
    );
    await expect(page.locator('.day-clock').allTextContents()).resolves.toEqual(['14:00', '20:00', '21:00']);
    await expectAccessible(page);

    // From the keyboard: the button keeps focus after its region is swapped in the background.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await planButton(page, edition.screenings.paris).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#plan-${edition.screenings.paris}:has-text("Remove from my plan")`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      `plan-${edition.screenings.paris}`,
    );
    await expect(textOf(page, '#enhance-status')).resolves.toBe(
      `Added ${paris.title}, Sat 18 June at 20:00 to your plan`,
    );
    await expect(
      page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage),
    ).resolves.toBe(true);

    await page
      .getByRole('button', { name: `Add to my plan: ${timbuktu.title}, Sat 18 June at 21:00` })
      .click();
    await page.waitForSelector(`#plan-${edition.screenings.timbuktu}:has-text("Remove from my plan")`);
    await page.getByRole('button', { name: `Add to my plan: ${tokyo.title}, Sat 18 June at 14:00` }).click();
    await page.waitForSelector(`#plan-${edition.screenings.tokyo}:has-text("Remove from my plan")`);
    await expect(textOf(page, '[data-region="plan-summary"]')).resolves.toBe(
      'Your plan holds 3 screenings. Open my plan',
    );
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('opens My plan from the day: by start, the clash in words on both screenings, the count and the total', async () => {
    const { paris, timbuktu, tokyo } = edition.films;
    const { context, page } = await visitorAs(web, owner);
    await page.goto(`${editionPath()}/day/2016-06-18`);
    await page.getByRole('link', { name: 'Open my plan' }).click();
    await page.waitForURL(myPlanPath());
    const items = page.locator('.plan-item');
    await expect(items.count()).resolves.toBe(3);
    await expect(page.locator('.plan-item-film > a').allTextContents()).resolves.toEqual([
      tokyo.title,
      paris.title,
      timbuktu.title,
    ]);
    await expect(page.locator('.plan-clash').allTextContents()).resolves.toEqual([
      `⚠ Clashes with ${timbuktu.title} at 21:00`,
      `⚠ Clashes with ${paris.title} at 20:00`,
    ]);
    await expect(textOf(page, '.plan-totals')).resolves.toContain('Films3 films');
    await expect(textOf(page, '.plan-total')).resolves.toBe('£30.00');
    await expectAccessible(page);
    await saveScreenshot(page, 'festival-my-plan');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shares the plan with friends, in the background; the page agrees after a reload', async () => {
    const { context, page } = await visitorAs(web, owner);
    await page.goto(myPlanPath());
    await page.getByLabel('Friends: the members you follow').check();
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await page.waitForSelector(`a[href="${memberPlanPath()}"]`);
    await expect(textOf(page, '#enhance-status')).resolves.toBe('Sharing saved');
    await page.reload();
    await expect(page.getByLabel('Friends: the members you follow').isChecked()).resolves.toBe(true);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows the plan to a friend (a member the owner follows), and a 404 to anyone else', async () => {
    const { paris, timbuktu } = edition.films;
    const friendVisitor = await visitorAs(web, friend);
    expect((await friendVisitor.page.goto(memberPlanPath()))?.status()).toBe(200);
    await expect(friendVisitor.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `${owner.username}'s plan`,
    );
    await expect(friendVisitor.page.locator('.plan-item').count()).resolves.toBe(3);
    await expect(textOf(friendVisitor.page, '.plan-clash')).resolves.toBe(
      `⚠ Clashes with ${timbuktu.title} at 21:00`,
    );
    await expect(friendVisitor.page.getByRole('button', { name: /my plan/ }).count()).resolves.toBe(0);
    await expectAccessible(friendVisitor.page);
    await friendVisitor.context.close();

    // A member the owner does not follow, and an anonymous reader: no such page.
    const strangerVisitor = await visitorAs(web, stranger);
    expect((await strangerVisitor.page.goto(memberPlanPath()))?.status()).toBe(404);
    await expect(strangerVisitor.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Page not found',
    );
    await expect(strangerVisitor.page.content()).resolves.not.toContain(paris.title);
    await strangerVisitor.context.close();
    const anonymous = await visitorAs(web);
    expect((await anonymous.page.goto(memberPlanPath()))?.status()).toBe(404);
    await anonymous.context.close();
  });

  it('fits a phone-sized screen: My plan, the day, the shared plan', async () => {
    for (const path of [myPlanPath(), `${editionPath()}/day/2016-06-18`]) await fitsAPhone(path, owner);
    await fitsAPhone(memberPlanPath(), friend);
  });

  it('makes a calendar link that serves the plan without a token, and revokes it', async () => {
    const { context, page } = await visitorAs(web, owner);
    expect((await page.goto(myPlanPath()))?.status()).toBe(200);
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    const field = page.getByLabel('Calendar link');
    await field.waitFor();
    const url = new URL(await field.inputValue());
    expect(url.pathname).toMatch(/^\/api\/v1\/festival-calendars\/.+\.ics$/);
    const calendar = await request(web.app.getHttpServer()).get(url.pathname);
    expect(calendar.status).toBe(200);
    expect(calendar.text).toContain(`SUMMARY:${edition.films.paris.title}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Your calendar link is revoked.').waitFor();
    expect((await request(web.app.getHttpServer()).get(url.pathname)).status).toBe(404);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
