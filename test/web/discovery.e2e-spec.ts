import type { Film } from '../../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import { expectAccessible, horizontalOverflow, pageProblems, saveScreenshot } from './support/browser.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(90_000);

describe('web: discovery (home, popular and trending films, films by release, the lists index)', () => {
  let web: WebTestApp;
  let lists: ListClient;
  let admin: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let tokyo: Film;
  let paris: Film;
  let zazie: Film;
  let canonId: string;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(web.app);
    admin = await registerUser(web.app, { roles: ['admin'] });
    [ann, bob] = [await registerUser(web.app), await registerUser(web.app)];
    tokyo = await addFilm(web.app, {
      title: 'Tokyo Story',
      year: 1953,
      genres: ['drama'],
      countries: ['JP'],
    });
    paris = await addFilm(web.app, { title: 'Paris', year: 2008, genres: ['drama'], countries: ['FR'] });
    zazie = await addFilm(web.app, { title: 'Zazie dans le métro', year: 1960, countries: ['FR'] });
    canonId = await lists.create(admin, { title: 'The Canon', official: true });
    await lists.fill(admin, canonId, [tokyo, paris, zazie]);
    await lists.check(ann, tokyo);
    await lists.check(bob, tokyo);
    await lists.check(bob, paris);
    // Ann's list is older than Bob's but has a viewer (Bob has seen Tokyo Story); his has none.
    const annsList = await lists.create(ann, { title: 'Ann’s Ozu', ranked: false });
    await lists.fill(ann, annsList, [tokyo]);
    // A third mark this week, none before: Tokyo Story trends.
    expect((await lists.call(ann, 'put', `/films/${tokyo.id}/favourite`)).status).toBe(200);
    const picks = await lists.create(bob, { title: 'Bob’s picks', ranked: false });
    await lists.fill(bob, picks, [paris]);
    // Every page below reads projections the writes above reach.
    await lists.read('/films/popular', undefined, { period: 'all' });
    await lists.read('/lists');
    await lists.read(`/users/${bob.username}/activity`);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows a visitor popular films, the official lists and recent activity, and leads to the lists index and a list', async () => {
    const { context, page } = await visitorAs(web);
    expect((await page.goto('/'))?.status()).toBe(200);
    // Fewer than six films were marked this week, so the home page shows all time.
    const popular = page.getByRole('list', { name: 'Popular on Filmlog' });
    await expect(popular.locator('.poster-grid-caption a').allTextContents()).resolves.toEqual([
      'Tokyo Story',
      'Paris',
    ]);
    await expect(popular.locator('.popular-marks').first().textContent()).resolves.toBe(' 3 marks');
    const trending = page.getByRole('list', { name: 'Trending this week' });
    await expect(trending.locator('.poster-grid-caption').allTextContents()).resolves.toEqual([
      'Tokyo Story (1953) 3 marks this week',
    ]);
    const official = page.locator('section', { has: page.getByRole('heading', { name: 'Official lists' }) });
    await expect(official.getByRole('link', { name: 'The Canon' }).count()).resolves.toBe(1);
    const recent = page.getByRole('list', { name: 'What members did lately, newest first' });
    await expect(recent.getByRole('listitem').first().textContent()).resolves.toContain(
      `${bob.username} added Paris (2008) to a list`,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'home-visitor');

    await page.getByRole('link', { name: 'Every list' }).click();
    await page.waitForURL('**/browse/lists');
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'Official lists',
    );
    await expect(page.locator('.list-entry').first().textContent()).resolves.toContain('The Canon 3 films');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Members’ lists' }).click();
    await page.waitForURL('**/browse/lists?kind=personal');
    const picks = page.locator('.list-entry', { hasText: 'Bob’s picks' });
    await expect(picks.textContent()).resolves.toContain(`by ${bob.username}`);
    await page.getByLabel('Words of the title').fill('canon');
    await page.getByRole('button', { name: 'Search lists' }).click();
    await page.waitForURL('**/browse/lists?kind=personal&q=canon');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'No public list has “canon” in its title.',
    );
    await page.getByRole('link', { name: 'Official lists' }).click();
    await page.waitForURL('**/browse/lists?q=canon');
    await page.getByRole('link', { name: 'The Canon' }).click();
    await page.waitForURL(`**/list/${canonId}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('The Canon');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('browses popular films by period and decade, and names a bad filter', async () => {
    const { context, page } = await visitorAs(web);
    expect((await page.goto('/browse/films?period=all'))?.status()).toBe(200);
    const grid = page.getByRole('list', { name: 'Popular films, all time' });
    await expect(grid.locator('.poster-grid-caption a').allTextContents()).resolves.toEqual([
      'Tokyo Story',
      'Paris',
    ]);
    await page.getByLabel('Decade').selectOption('1950');
    await page.getByRole('button', { name: 'Show films' }).click();
    await page.waitForURL('**/browse/films?period=all&decade=1950');
    await expect(grid.locator('.poster-grid-caption a').allTextContents()).resolves.toEqual(['Tokyo Story']);
    await expectAccessible(page);
    await saveScreenshot(page, 'films-popular');

    await page.getByLabel('Marked').selectOption('today');
    await page.getByRole('button', { name: 'Show films' }).click();
    await page.waitForURL('**/browse/films?period=today&decade=1950');
    await expect(
      page.getByRole('list', { name: 'Popular films, today' }).locator('li').count(),
    ).resolves.toBe(1);

    const refused = await page.goto('/browse/films?decade=1955');
    expect(refused?.status()).toBe(400);
    await expect(page.locator('.field-invalid').textContent()).resolves.toContain(
      'decade must be a year ending in 0',
    );
    await expectAccessible(page);
    expect(pageProblems(page, { except: [400] })).toEqual([]);
    await context.close();
  });

  it('browses films by release date, by trend and by title, and names a bad order', async () => {
    const { context, page } = await visitorAs(web);
    expect((await page.goto('/browse/films'))?.status()).toBe(200);
    await page.getByLabel('Order by').selectOption('release');
    await page.getByRole('button', { name: 'Show films' }).click();
    await page.waitForURL('**/browse/films?sort=release');
    const newest = page.getByRole('list', { name: 'Films, newest first' });
    await expect(newest.locator('.poster-grid-caption a').allTextContents()).resolves.toEqual([
      'Paris',
      'Zazie dans le métro',
      'Tokyo Story',
    ]);
    await expect(page.getByRole('heading', { name: 'Newest releases' }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Order by').selectOption('trending');
    await page.getByRole('button', { name: 'Show films' }).click();
    await page.waitForURL('**/browse/films?sort=trending');
    const trending = page.getByRole('list', { name: 'Trending films, this week' });
    await expect(trending.locator('.poster-grid-caption').allTextContents()).resolves.toEqual([
      'Tokyo Story (1953) 3 marks this week',
    ]);
    await expectAccessible(page);
    await saveScreenshot(page, 'films-trending');

    expect((await page.goto('/browse/films?sort=title&country=FR'))?.status()).toBe(200);
    await expect(
      page.getByRole('list', { name: 'Films, A to Z' }).locator('.poster-grid-caption a').allTextContents(),
    ).resolves.toEqual(['Paris', 'Zazie dans le métro']);
    const refused = await page.goto('/browse/films?sort=rating');
    expect(refused?.status()).toBe(400);
    await expect(page.locator('main').textContent()).resolves.toContain('sort must be one of');
    await expectAccessible(page);
    expect(pageProblems(page, { except: [400] })).toEqual([]);
    await context.close();
  });

  it('orders members’ lists newest first or most viewed first', async () => {
    const { context, page } = await visitorAs(web);
    expect((await page.goto('/browse/lists?kind=personal'))?.status()).toBe(200);
    const titles = () => page.locator('.list-entry > a').allTextContents();
    await expect(titles()).resolves.toEqual(['Bob’s picks', 'Ann’s Ozu']);
    await page.getByRole('link', { name: 'Most viewed' }).click();
    await page.waitForURL('**/browse/lists?kind=personal&sort=popular');
    await expect(titles()).resolves.toEqual(['Ann’s Ozu', 'Bob’s picks']);
    await expect(page.locator('.list-entry').first().textContent()).resolves.toContain('seen by 1 member');
    await expectAccessible(page);
    await page.getByLabel('Words of the title').fill('picks');
    await page.getByRole('button', { name: 'Search lists' }).click();
    await page.waitForURL('**/browse/lists?kind=personal&sort=popular&q=picks');
    await expect(titles()).resolves.toEqual(['Bob’s picks']);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a signed-in member their progress on each official list, and their feed first with discovery beside it', async () => {
    const { context, page } = await visitorAs(web, ann);
    expect((await page.goto('/browse/lists'))?.status()).toBe(200);
    await expect(page.locator('.list-entry', { hasText: 'The Canon' }).textContent()).resolves.toContain(
      'You have seen 1 of 3 (33.3%)',
    );
    expect((await page.goto('/'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your feed');
    const aside = page.getByRole('complementary', { name: 'Discover films' });
    await expect(aside.getByRole('heading', { name: 'Popular on Filmlog' }).count()).resolves.toBe(1);
    await expect(aside.locator('.list-entry').first().textContent()).resolves.toContain(
      'You have seen 1 of 3',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'home-member');
    await context.close();

    const phone = await visitorAs(web, ann, { phone: true });
    expect((await phone.page.goto('/'))?.status()).toBe(200);
    await expect(horizontalOverflow(phone.page)).resolves.toBe(0);
    expect((await phone.page.goto('/browse/films?period=all'))?.status()).toBe(200);
    await expect(horizontalOverflow(phone.page)).resolves.toBe(0);
    await phone.context.close();
  });
});
