import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { READ_MODEL_POOL } from '../../src/platform/database/database.module.js';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { MemberClient } from '../support/member-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

/** The charts of a page of all years; a page of one year adds the months. */
const CHARTS = [
  'Films seen each year',
  'Films by the decade of their release',
  'Films by rating, from half a star to five',
  'Films by genre',
  'Films by country',
  'Films by continent',
  'Films by director',
];

describe('web: member statistics', () => {
  let web: WebTestApp;
  let client: MemberClient;
  let member: TestUser;
  let tag: string;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new MemberClient(web.app);
    tag = randomUUID().slice(0, 6);
    const film = (title: string, details: Parameters<typeof addFilm>[1]) =>
      addFilm(web.app, { title: `${title} ${tag}`, ...details });
    const varda = { name: `Agnès Varda ${tag}` };
    const cleo = await film('Cléo from 5 to 7', {
      year: 1962,
      runtimeMinutes: 90,
      genres: ['drama'],
      countries: ['FR'],
      directors: [varda],
    });
    const vagabond = await film('Vagabond', {
      year: 1985,
      runtimeMinutes: 105,
      genres: ['drama', 'road-movie'],
      countries: ['FR'],
      directors: [varda],
    });
    const tokyo = await film('Tokyo Story', {
      year: 1953,
      runtimeMinutes: 136,
      genres: ['drama', 'family'],
      countries: ['JP'],
      directors: [{ name: `Yasujirō Ozu ${tag}` }],
    });
    const timbuktu = await film('Timbuktu', {
      year: 2014,
      runtimeMinutes: 97,
      genres: ['drama'],
      countries: ['ML', 'FR'],
      directors: [{ name: `Abderrahmane Sissako ${tag}` }],
    });
    member = await registerUser(web.app);
    await client.mark(member, 'put', 'check', cleo, { watchedOn: '1999-05-01' });
    await client.mark(member, 'put', 'rating', cleo, { rating: 4 });
    await client.mark(member, 'put', 'check', vagabond, { watchedOn: '2002-03-08' });
    await client.mark(member, 'put', 'rating', vagabond, { rating: 4.5 });
    await client.mark(member, 'put', 'check', tokyo, { watchedOn: '2002-07-14' });
    await client.mark(member, 'put', 'rating', tokyo, { rating: 5 });
    await client.mark(member, 'put', 'check', timbuktu, { watchedOn: '2002-12-31' });
    // Cléo again in March 2002, as the diary records it.
    await web.app.get<pg.Pool>(READ_MODEL_POOL).query(
      `INSERT INTO diary_entries (id, user_id, film_id, watched_on, rewatch, logged_at)
         VALUES ($1, $2, $3, '2002-03-20', true, now())`,
      [randomUUID(), member.id, cleo.id],
    );
    await client.read(`/users/${member.username}/stats`);
  });

  afterAll(async () => {
    await web?.close();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const figure = (page: Page, name: string) =>
    page
      .locator('.stats-figure', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
      .locator('dd')
      .textContent();
  const chart = (page: Page, name: string) => page.getByRole('img', { name, exact: true });
  /** The rows of a chart's table, each as its cells joined by a space. */
  const tableOf = (page: Page, name: string) =>
    page
      .locator('figure.chart', { has: chart(page, name) })
      .locator('table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '').join(' ')),
      );

  it('is linked from the profile and draws every chart as a described image with its table', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto(`/member/${member.username}`);
    await page.getByRole('link', { name: `${member.username}’s statistics` }).click();
    await page.waitForURL(`/member/${member.username}/stats`);
    await expect(heading(page)).resolves.toBe(`${member.username}’s films in numbers`);
    await expect(figure(page, 'Films')).resolves.toBe('4');
    // 90 + 105 + 136 + 97 minutes.
    await expect(figure(page, 'Hours watched')).resolves.toBe('7.1');
    await expect(figure(page, 'Films rated')).resolves.toBe('3');

    const images = page.locator('svg[role="img"]');
    await expect(images.count()).resolves.toBe(CHARTS.length);
    for (const name of CHARTS) {
      const image = chart(page, name);
      await expect(image.count()).resolves.toBe(1);
      const titleId = await image.getAttribute('aria-labelledby');
      const descId = await image.getAttribute('aria-describedby');
      await expect(image.locator(`title#${titleId}`).textContent()).resolves.toBe(name);
      await expect(image.locator(`desc#${descId}`).textContent()).resolves.toMatch(
        /The most: .+, with \d+ films?/,
      );
    }
    await expect(chart(page, 'Films seen each year').locator('rect').count()).resolves.toBe(4);
    expect(await tableOf(page, 'Films seen each year')).toEqual(['1999 1', '2000 0', '2001 0', '2002 4']);
    expect(await tableOf(page, 'Films by the decade of their release')).toEqual([
      '1950s 1',
      '1960s 1',
      '1970s 0',
      '1980s 1',
      '1990s 0',
      '2000s 0',
      '2010s 1',
    ]);
    expect(await tableOf(page, 'Films by genre')).toEqual(['Drama 4', 'Family 1', 'Road movie 1']);
    expect(await tableOf(page, 'Films by country')).toEqual(['France 3', 'Japan 1', 'Mali 1']);
    expect(await tableOf(page, 'Films by continent')).toEqual(['Europe 3', 'Africa 1', 'Asia 1']);
    expect(await tableOf(page, 'Films by director')).toEqual([
      `Agnès Varda ${tag} 2`,
      `Abderrahmane Sissako ${tag} 1`,
      `Yasujirō Ozu ${tag} 1`,
    ]);
    const ratings = await tableOf(page, 'Films by rating, from half a star to five');
    expect(ratings).toHaveLength(10);
    expect(ratings.slice(7)).toEqual(['4 stars 1', '4.5 stars 1', '5 stars 1']);

    await page.locator('details.chart-data').first().locator('summary').click();
    await expectAccessible(page);
    await saveScreenshot(page, 'member-stats');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('narrows to a year from its link, adding the months of that year', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto(`/member/${member.username}/stats`);
    const years = page.getByRole('navigation', { name: 'Years' });
    await expect(years.getByRole('link').allTextContents()).resolves.toEqual(['All years', '2002', '1999']);
    await years.getByRole('link', { name: '2002' }).click();
    await page.waitForURL(`/member/${member.username}/stats?year=2002`);
    await expect(heading(page)).resolves.toBe(`${member.username}’s 2002 in films`);
    await expect(years.locator('[aria-current="page"]').textContent()).resolves.toBe('2002');
    await expect(figure(page, 'Films')).resolves.toBe('4');
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(CHARTS.length + 1);
    const months = chart(page, 'Films seen each month of 2002');
    await expect(months.locator('path.chart-line').getAttribute('d')).resolves.toMatch(/^M/);
    expect(await tableOf(page, 'Films seen each month of 2002')).toEqual([
      'January 0',
      'February 0',
      'March 2',
      'April 0',
      'May 0',
      'June 0',
      'July 1',
      'August 0',
      'September 0',
      'October 0',
      'November 0',
      'December 1',
    ]);
    // The year chart still shows every year, the one selected marked.
    expect(await tableOf(page, 'Films seen each year')).toHaveLength(4);
    await expect(chart(page, 'Films seen each year').locator('.is-current rect').count()).resolves.toBe(1);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('needs no script, fits a phone, and answers a bad year with a 400 and an unknown member with a 404', async () => {
    const scriptless = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    const plain = await scriptless.newPage();
    await plain.goto(`/member/${member.username}/stats?year=1999`);
    await expect(plain.locator('svg[role="img"]').count()).resolves.toBe(CHARTS.length + 1);
    await scriptless.close();

    const { context, page } = await newVisitor(web.browser, web.baseURL, { phone: true });
    await page.goto(`/member/${member.username}/stats`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const bad = await page.goto(`/member/${member.username}/stats?year=soon`);
    expect(bad?.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('year must be a whole number');
    const missing = await page.goto('/member/nobody_by_this_name/stats');
    expect(missing?.status()).toBe(404);
    await expect(heading(page)).resolves.toBe('Page not found');

    const newcomer = await registerUser(web.app);
    await page.goto(`/member/${newcomer.username}/stats`);
    await expect(page.locator('.stats-empty').textContent()).resolves.toBe(
      `${newcomer.username} has not checked any films yet.`,
    );
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page, { except: [400, 404] })).toEqual([]);
    await context.close();
  });
});
