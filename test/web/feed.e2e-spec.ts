import type { Page } from 'playwright-core';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm, addFilms } from '../support/films.js';
import { MemberClient } from '../support/member-client.js';
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

const FEED = 'Activity of the members you follow, newest first';

describe('web: the home page and the feed', () => {
  let web: WebTestApp;
  let client: MemberClient;

  beforeAll(async () => {
    // Many members sign up from one address here.
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new MemberClient(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signedIn = (user: TestUser, options: { phone?: boolean } = {}) => visitorAs(web, user, options);

  /** Waits until the reader's feed includes every write made through the client so far. */
  const settled = (reader: TestUser) => client.read('/feed', {}, reader);

  const feedEntries = (page: Page) => page.getByRole('list', { name: FEED }).getByRole('listitem');
  const followButton = (page: Page) => page.getByRole('button', { name: /^(Follow|Unfollow)$/ });
  const countOf = async (page: Page, name: string) =>
    page
      .locator('.profile-count', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
      .locator('dd')
      .textContent();

  it('welcomes an anonymous reader with ways to sign up and sign in, and no feed', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Log the films you have seen',
    );
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Create an account' }).getAttribute('href'),
    ).resolves.toBe('/sign-up');
    await expect(
      page.getByRole('main').getByRole('link', { name: 'sign in' }).getAttribute('href'),
    ).resolves.toBe('/sign-in');
    await expect(page.getByRole('list', { name: FEED }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('says in words why a feed is empty: nobody followed yet, then followed members who did nothing yet', async () => {
    const [reader, quiet] = [await registerUser(web.app), await registerUser(web.app)];
    const { context, page } = await signedIn(reader);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your feed');
    const empty = page.locator('.feed-empty');
    await expect(empty.textContent()).resolves.toContain('you do not follow anyone yet');
    await expect(empty.textContent()).resolves.toContain('Follow members');
    await expect(feedEntries(page).count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Pages' }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await client.follow(reader, quiet.username);
    await settled(reader);
    await page.goto('/');
    await expect(empty.textContent()).resolves.toContain('The members you follow have not checked');
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('follows from a profile at once, then shows what the followed member does, newest first with relative times', async () => {
    const [reader, friend] = [await registerUser(web.app), await registerUser(web.app)];
    const { context, page } = await signedIn(reader);
    await page.goto(`/member/${friend.username}`);
    await expect(followButton(page).textContent()).resolves.toBe('Follow');
    await expect(followButton(page).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(countOf(page, 'Followers')).resolves.toBe('0');
    await expectAccessible(page);

    await followButton(page).click();
    // Enhanced: the button and the counts change in place, and already count this follow.
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    await expect(followButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(countOf(page, 'Followers')).resolves.toBe('1');
    await expect(page.getByRole('status').textContent()).resolves.toBe(`You now follow ${friend.username}`);
    expect(new URL(page.url()).pathname).toBe(`/member/${friend.username}`);
    await expectAccessible(page);

    const [seen, loved, later] = [
      await addFilm(web.app, { year: 2008 }),
      await addFilm(web.app, { year: 1999 }),
      await addFilm(web.app, { year: 2021 }),
    ];
    await client.mark(friend, 'put', 'check', seen);
    await client.mark(friend, 'put', 'favourite', loved);
    await client.mark(friend, 'put', 'watchlist', later);
    await settled(reader);

    await page.goto('/');
    const entries = feedEntries(page);
    // A favourite checks the film too: four entries, newest first.
    await expect(entries.count()).resolves.toBe(4);
    const texts = (await entries.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(texts[0]).toMatch(
      new RegExp(
        `^${friend.username} added ${later.title} \\(2021\\) to their watchlist (just now|\\d+ seconds? ago)$`,
      ),
    );
    expect(texts.slice(1, 3).sort()).toEqual(
      [
        `${friend.username} checked ${loved.title} (1999)`,
        `${friend.username} favourited ${loved.title} (1999)`,
      ].map((start) => expect.stringMatching(new RegExp(`^${start.replace(/[()]/g, '\\$&')} `))),
    );
    expect(texts[3]).toMatch(new RegExp(`^${friend.username} checked ${seen.title} \\(2008\\) `));

    const first = entries.first();
    await expect(first.getByRole('link', { name: friend.username }).getAttribute('href')).resolves.toBe(
      `/member/${friend.username}`,
    );
    await expect(
      first.getByRole('link', { name: `${later.title} (2021)` }).getAttribute('href'),
    ).resolves.toBe(`/film/${later.slug}`);
    const time = first.locator('time');
    expect(Date.parse((await time.getAttribute('datetime'))!)).toBeGreaterThan(Date.now() - 60_000);
    await expect(time.getAttribute('title')).resolves.toBeTruthy();
    await expect(page.getByRole('navigation', { name: 'Pages' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'feed');

    await first.getByRole('link', { name: friend.username }).click();
    await page.waitForURL(`/member/${friend.username}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(friend.username);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('pages a long feed by cursor, and unfollowing takes the member’s activity out of it', async () => {
    const [reader, busy] = [await registerUser(web.app), await registerUser(web.app)];
    const films = await addFilms(web.app, 25);
    for (const film of films) await client.mark(busy, 'put', 'check', film);
    await client.follow(reader, busy.username);
    await settled(reader);

    const { context, page } = await signedIn(reader);
    await page.goto('/');
    const titlesOn = async () =>
      (await feedEntries(page).allTextContents()).map(
        (text) => /checked (Test Film \S+ \S+)/.exec(text)?.[1],
      );
    const newest = await titlesOn();
    expect(newest).toEqual(
      films
        .slice(5)
        .reverse()
        .map((film) => film.title),
    );
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await expect(pager.getByRole('link', { name: 'Back to the newest' }).count()).resolves.toBe(0);

    await pager.getByRole('link', { name: 'Older' }).click();
    await page.waitForURL(/\/\?cursor=/);
    await expect(titlesOn()).resolves.toEqual(
      films
        .slice(0, 5)
        .reverse()
        .map((film) => film.title),
    );
    await expect(pager.getByRole('link', { name: 'Older' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Older activity' }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await pager.getByRole('link', { name: 'Back to the newest' }).click();
    await page.waitForURL('/');
    await expect(feedEntries(page).count()).resolves.toBe(20);

    await page.goto(`/member/${busy.username}`);
    await expect(countOf(page, 'Followers')).resolves.toBe('1');
    await page.getByRole('button', { name: 'Unfollow' }).click();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    await expect(followButton(page).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(countOf(page, 'Followers')).resolves.toBe('0');

    await page.goto('/');
    await expect(feedEntries(page).count()).resolves.toBe(0);
    await expect(page.locator('.feed-empty').textContent()).resolves.toContain(
      'you do not follow anyone yet',
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('refuses a cursor it did not give out with an error page', async () => {
    const reader = await registerUser(web.app);
    const { context, page } = await signedIn(reader);
    const response = await page.goto('/?cursor=not-a-cursor');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('cursor');
    await context.close();
  });

  it('fits a phone-sized screen', async () => {
    const [reader, friend] = [await registerUser(web.app), await registerUser(web.app)];
    const film = await addFilm(web.app, { title: `A Film With A Rather Long Title ${Date.now()}` });
    await client.mark(friend, 'put', 'favourite', film);
    await client.follow(reader, friend.username);
    await settled(reader);
    const { context, page } = await signedIn(reader, { phone: true });
    await page.goto('/');
    await expect(feedEntries(page).count()).resolves.toBe(2);
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
