import type { Page } from 'playwright-core';
import { registerUser, type TestUser } from '../support/auth.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { insertEdition, type TestEdition } from './support/festival-edition.js';
import { signInAs, visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(120_000);

describe('web: the festival programme pages', () => {
  let web: WebTestApp;
  let edition: TestEdition;
  let member: TestUser;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    edition = await insertEdition(web.app);
    member = await registerUser(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const textOf = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const editionPath = () => `/festival/${edition.slug}/2016`;
  const filmTitles = (page: Page) => page.locator('.festival-film h3 > a').allTextContents();

  it('shows the edition: strands and continents with counts, and films filtered by each', async () => {
    const { paris, timbuktu, tokyo, late } = edition.films;
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    expect((await page.goto(editionPath()))?.status()).toBe(200);
    await expect(textOf(page, '.festival-dates')).resolves.toBe('15–26 June 2016');
    await expect(page.locator('.festival-diary li').count()).resolves.toBe(12);
    await expect(page.locator('#strands-heading + ul').innerText()).resolves.toBe(
      "Directors' Showcase (2 films)\nWorld Perspectives (2 films)",
    );
    // Timbuktu (ML, FR) counts in Africa and in Europe.
    await expect(page.locator('#continents-heading + ul').innerText()).resolves.toBe(
      'Africa (1 film)\nAsia (1 film)\nEurope (2 films)\nNorth America (1 film)',
    );
    await expect(filmTitles(page)).resolves.toEqual(
      [late.title, paris.title, timbuktu.title, tokyo.title].sort(),
    );
    await expect(textOf(page, '.festival-billing')).resolves.toBe("Directors' Showcase");
    await expectAccessible(page);

    await page.locator('#continents-heading + ul').getByRole('link', { name: 'Europe' }).click();
    await page.waitForURL(/continent=EU/);
    await expect(filmTitles(page)).resolves.toEqual([paris.title, timbuktu.title].sort());
    await expect(page.getByLabel('Continent', { exact: true }).inputValue()).resolves.toBe('EU');

    // The filter form works without script: a day keeps only that day's screenings.
    await page.getByLabel('Continent', { exact: true }).selectOption('');
    await page.getByLabel('Day', { exact: true }).selectOption('2016-06-19');
    await page.getByRole('button', { name: 'Show films' }).click();
    await page.waitForURL(/day=2016-06-19/);
    await expect(filmTitles(page)).resolves.toEqual([late.title]);
    await expect(textOf(page, '.screening-when')).resolves.toBe('Sun 19 June, 00:30–02:00, Filmhouse 1');

    // A film's country is a link to that country's films.
    await page.goto(editionPath());
    await page
      .locator('.festival-film', { hasText: timbuktu.title })
      .getByRole('link', { name: 'Mali' })
      .click();
    await page.waitForURL(/country=ML/);
    await expect(filmTitles(page)).resolves.toEqual([timbuktu.title]);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('lists a strand’s films and a late show under the day it is listed on, at 00:30', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto(editionPath());
    await page.getByRole('link', { name: "Directors' Showcase" }).click();
    await page.waitForURL(`${editionPath()}/strand/directors-showcase`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe("Directors' Showcase");
    await expect(textOf(page, 'header .festival-note')).resolves.toBe('New films by established directors.');
    await expect(filmTitles(page)).resolves.toEqual(
      [edition.films.late.title, edition.films.paris.title].sort(),
    );
    await expect(
      textOf(page, `.festival-film:has-text("${edition.films.paris.title}") .festival-billing`),
    ).resolves.toBe("Directors' Showcase / UK premiere");
    await expectAccessible(page);

    await page.goto(`${editionPath()}/day/2016-06-19`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sunday 19 June 2016');
    await expect(page.locator('.day-clock').allTextContents()).resolves.toEqual(['00:30']);
    await expect(page.locator('.day-clock').getAttribute('datetime')).resolves.toBe(
      '2016-06-19T00:30:00+01:00',
    );
    // Anonymous: a sign-in prompt that comes back here, and no plan buttons.
    await expect(
      page.locator('.plan-prompt').getByRole('link', { name: 'Sign in' }).getAttribute('href'),
    ).resolves.toBe(`/sign-in?next=${encodeURIComponent(`${editionPath()}/day/2016-06-19`)}`);
    await expect(page.getByRole('button', { name: /my plan/ }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('adds a screening without script, and the film page shows it at the festival', async () => {
    const context = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    await signInAs(context, web.baseURL, member);
    const page = await context.newPage();
    await page.goto(`${editionPath()}/day/2016-06-19`);
    await page
      .getByRole('button', { name: `Add to my plan: ${edition.films.late.title}, Sun 19 June at 00:30` })
      .click();
    await page.waitForURL(`${editionPath()}/day/2016-06-19`);
    await expect(page.locator(`#plan-${edition.screenings.late}`).textContent()).resolves.toBe(
      'Remove from my plan',
    );
    await expect(textOf(page, '[data-region="plan-summary"]')).resolves.toBe(
      'Your plan holds 1 screening. Open my plan',
    );

    await page.goto(`/film/${edition.films.late.slug}`);
    const festivals = page.locator('.film-festivals');
    await expect(festivals.getByRole('heading', { name: `${edition.name} 2016` }).count()).resolves.toBe(1);
    await expect(textOf(page, '.film-festivals .festival-billing')).resolves.toBe("Directors' Showcase");
    await expect(textOf(page, '.film-festivals .screening-when')).resolves.toBe(
      'Sun 19 June, 00:30–02:00, Filmhouse 1',
    );
    await expect(page.locator(`#plan-${edition.screenings.late}`).textContent()).resolves.toBe(
      'Remove from my plan',
    );
    await context.close();

    const visitor = await visitorAs(web, member);
    await visitor.page.goto(`/film/${edition.films.paris.slug}`);
    await expect(textOf(visitor.page, '.film-festivals .festival-billing')).resolves.toBe(
      "Directors' Showcase / UK premiere",
    );
    await visitor.page
      .getByRole('button', { name: `Add to my plan: ${edition.films.paris.title}, Sat 18 June at 20:00` })
      .click();
    await visitor.page.waitForSelector(`#plan-${edition.screenings.paris}:has-text("Remove from my plan")`);
    await expectAccessible(visitor.page);
    await saveScreenshot(visitor.page, 'festival-film-page');
    expect(pageProblems(visitor.page)).toEqual([]);
    await visitor.context.close();
  });

  it('answers an unknown edition, strand or bad filter with a page in words', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    expect((await page.goto(`/festival/${edition.slug}/1999`))?.status()).toBe(404);
    expect((await page.goto(`/festival/${edition.slug}/2016/strand/nope`))?.status()).toBe(404);
    expect((await page.goto(`/festival/no-such-festival/2016/day/2016-06-18`))?.status()).toBe(404);
    expect((await page.goto(`${editionPath()}?continent=XX`))?.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('continent');
    await context.close();
  });

  it('fits a phone-sized screen on every programme page', async () => {
    const paths = [
      '/festival',
      editionPath(),
      `${editionPath()}/day/2016-06-18`,
      `${editionPath()}/strand/world-perspectives`,
      `/film/${edition.films.timbuktu.slug}`,
    ];
    const { context, page } = await visitorAs(web, member, { phone: true });
    for (const path of paths) {
      expect((await page.goto(path))?.status()).toBe(200);
      await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
