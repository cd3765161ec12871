import type { Page } from 'playwright-core';
import type { Film } from '../../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilms } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: the list page', () => {
  let web: WebTestApp;
  let lists: ListClient;
  let admin: TestUser;
  let films: Film[];
  /** An official list of the first ten films, in that order. */
  let topTen: string;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(web.app);
    admin = await registerUser(web.app, { roles: ['admin'] });
    films = await addFilms(web.app, 101);
    topTen = await lists.create(admin, {
      title: 'Ten films to see',
      description: 'A short canon.\nIn rank order.',
      official: true,
    });
    expect((await lists.edition(admin, topTen, films.slice(0, 10))).status).toBe(200);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signedIn = (user: TestUser, options: { phone?: boolean } = {}) => visitorAs(web, user, options);

  const progressText = (page: Page) => page.locator('label[for="list-progress-bar"]').textContent();
  const progressBar = (page: Page) => page.locator('progress#list-progress-bar');

  /** Opens the list once the API has everything written so far (the member's checks among it). */
  const openList = async (page: Page, listId: string, reader: TestUser) => {
    await lists.list(listId, reader);
    const response = await page.goto(`/list/${listId}`);
    expect(response?.status()).toBe(200);
  };

  it('shows a member’s progress filling up to bronze, with what the next award needs', async () => {
    const member = await registerUser(web.app);
    const { context, page } = await signedIn(member);

    for (const film of films.slice(0, 4)) await lists.check(member, film);
    await openList(page, topTen, member);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ten films to see');
    await expect(page.locator('.list-kind').textContent()).resolves.toBe('Official list');
    await expect(page.locator('.list-description').textContent()).resolves.toBe(
      'A short canon.\nIn rank order.',
    );
    await expect(progressText(page)).resolves.toBe('4 of 10 seen (40%)');
    await expect(progressBar(page).getAttribute('value')).resolves.toBe('4');
    await expect(progressBar(page).getAttribute('max')).resolves.toBe('10');
    await expect(page.getByRole('progressbar', { name: '4 of 10 seen (40%)' }).count()).resolves.toBe(1);
    await expect(page.locator('.list-award').textContent()).resolves.toBe('No award yet.');
    await expect(page.locator('.list-next-award').textContent()).resolves.toBe('See 1 more film for Bronze.');
    await expectAccessible(page);

    await lists.check(member, films[4]!);
    await openList(page, topTen, member);
    await expect(progressText(page)).resolves.toBe('5 of 10 seen (50%)');
    await expect(progressBar(page).getAttribute('value')).resolves.toBe('5');
    await expect(page.locator('.list-award').textContent()).resolves.toBe('Award: Bronze');
    await expect(page.locator('.list-next-award').textContent()).resolves.toBe(
      'See 3 more films for Silver.',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'list-page-bronze');

    // The ranked films: numbers 1..10 in order, each title linking to its film page.
    const items = page.locator('ol.list-items > li');
    await expect(items.count()).resolves.toBe(10);
    await expect(page.locator('.list-rank').allTextContents()).resolves.toEqual(
      Array.from({ length: 10 }, (_, index) => String(index + 1)),
    );
    const first = items.first().getByRole('link');
    await expect(first.textContent()).resolves.toBe(films[0]!.title);
    await expect(first.getAttribute('href')).resolves.toBe(`/film/${films[0]!.slug}`);
    await expect(items.first().locator('.list-year').textContent()).resolves.toBe(` (${films[0]!.year})`);
    await expect(page.getByRole('link', { name: admin.username }).getAttribute('href')).resolves.toBe(
      `/member/${admin.username}`,
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('asks an anonymous reader to sign in instead of showing progress', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    const response = await page.goto(`/list/${topTen}`);
    expect(response?.status()).toBe(200);
    await expect(progressBar(page).count()).resolves.toBe(0);
    const signIn = page.locator('.list-progress').getByRole('link', { name: 'Sign in' });
    await expect(signIn.getAttribute('href')).resolves.toBe(
      `/sign-in?next=${encodeURIComponent(`/list/${topTen}`)}`,
    );
    await expect(page.locator('ol.list-items > li').count()).resolves.toBe(10);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('pages a long list, the ranks carrying on', async () => {
    const long = await lists.create(admin, { title: 'A hundred and one', official: true });
    expect((await lists.edition(admin, long, films)).status).toBe(200);
    const member = await registerUser(web.app);
    const { context, page } = await signedIn(member);
    await openList(page, long, member);
    await expect(page.locator('ol.list-items > li').count()).resolves.toBe(100);
    await expect(progressText(page)).resolves.toBe('0 of 101 seen (0%)');
    await expect(page.locator('.list-next-award').textContent()).resolves.toBe(
      'See 51 more films for Bronze.',
    );

    await page
      .getByRole('navigation', { name: 'Pages of films' })
      .getByRole('link', { name: 'Next films' })
      .click();
    await page.waitForURL(/cursor=/);
    const items = page.locator('ol.list-items > li');
    await expect(items.count()).resolves.toBe(1);
    await expect(page.locator('ol.list-items').getAttribute('start')).resolves.toBe('101');
    await expect(page.locator('.list-rank').textContent()).resolves.toBe('101');
    await expect(items.getByRole('link').textContent()).resolves.toBe(films[100]!.title);
    await expect(page.getByRole('link', { name: 'Next films' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the first films' }).click();
    await expect(page.locator('ol.list-items > li').count()).resolves.toBe(100);

    expect(pageProblems(page)).toEqual([]);

    // A cursor this page did not give out is refused in words, not a server error.
    const bad = await page.goto(`/list/${long}?cursor=nonsense`);
    expect(bad?.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('cursor');
    await context.close();
  });

  it('shows a private list to its owner alone: 404 for other members and anonymous readers', async () => {
    const owner = await registerUser(web.app);
    const stranger = await registerUser(web.app);
    const mine = await lists.create(owner, { title: 'Guilty pleasures', visibility: 'private' });
    await lists.fill(owner, mine, films.slice(0, 2));

    const ownerVisitor = await signedIn(owner);
    await openList(ownerVisitor.page, mine, owner);
    await expect(ownerVisitor.page.locator('.list-kind').textContent()).resolves.toBe('Member list');
    await expect(ownerVisitor.page.locator('.list-meta').textContent()).resolves.toContain(
      'Private: only its owner sees it',
    );
    await expect(progressText(ownerVisitor.page)).resolves.toBe('0 of 2 seen (0%)');
    await expectAccessible(ownerVisitor.page);
    await ownerVisitor.context.close();

    const strangerVisitor = await signedIn(stranger);
    const refused = await strangerVisitor.page.goto(`/list/${mine}`);
    expect(refused?.status()).toBe(404);
    await expect(strangerVisitor.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Page not found',
    );
    await expect(strangerVisitor.page.content()).resolves.not.toContain('Guilty pleasures');
    await strangerVisitor.context.close();

    const anonymous = await newVisitor(web.browser, web.baseURL);
    expect((await anonymous.page.goto(`/list/${mine}`))?.status()).toBe(404);
    expect((await anonymous.page.goto('/list/not-a-list-id'))?.status()).toBe(404);
    await anonymous.context.close();
  });

  it('fits a phone-sized screen', async () => {
    const member = await registerUser(web.app);
    await lists.check(member, films[0]!);
    const { context, page } = await signedIn(member, { phone: true });
    await openList(page, topTen, member);
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
