import type { Page } from 'playwright-core';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm, addFilms } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import { MemberClient } from '../support/member-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { signInAs, visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

type Film = Awaited<ReturnType<typeof addFilm>>;

describe('web: member profiles', () => {
  let web: WebTestApp;
  let client: MemberClient;
  let lists: ListClient;

  beforeAll(async () => {
    // Many members sign up from one address here.
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    client = new MemberClient(web.app);
    lists = new ListClient(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signedIn = (user: TestUser, options: { phone?: boolean } = {}) => visitorAs(web, user, options);

  /** Waits until the profile and the member's lists include every write made so far. */
  const settled = async (member: TestUser) => {
    await client.read(`/users/${member.username}`);
    await client.read(`/users/${member.username}/activity`);
    await lists.read(`/users/${member.username}/lists`);
  };

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const tabs = (page: Page, username: string) =>
    page.getByRole('navigation', { name: `${username}’s profile` });
  const currentTab = (page: Page, username: string) =>
    tabs(page, username).locator('[aria-current="page"]').textContent();
  const section = (page: Page) => page.locator('.profile-section');
  const entries = (page: Page) => section(page).getByRole('listitem');
  const countOf = (page: Page, name: string) =>
    page
      .locator('.profile-count', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
      .locator('dd')
      .textContent();
  const followButton = (page: Page) => page.getByRole('button', { name: /^(Follow|Unfollow)$/ });

  /** A member who checked, favourited, disliked and watchlisted films, follows and is followed, with lists. */
  async function busyMember() {
    const [member, follower, followee] = [
      await registerUser(web.app),
      await registerUser(web.app),
      await registerUser(web.app),
    ];
    const [seen, loved, hated, later] = [
      await addFilm(web.app, { year: 1968 }),
      await addFilm(web.app, { year: 1977 }),
      await addFilm(web.app, { year: 1985 }),
      await addFilm(web.app, { year: 2024 }),
    ];
    await client.mark(member, 'put', 'check', seen, { watchedOn: '2024-03-01' });
    await client.mark(member, 'put', 'favourite', loved);
    await client.mark(member, 'put', 'dislike', hated);
    await client.mark(member, 'put', 'watchlist', later);
    await client.follow(follower, member.username);
    await client.follow(member, followee.username);
    const suffix = member.username.slice(-8);
    const listIds = {
      public: await lists.create(member, { title: `Public picks ${suffix}`, visibility: 'public' }),
      friends: await lists.create(member, { title: `For friends ${suffix}`, visibility: 'friends' }),
      private: await lists.create(member, {
        title: `Secret ${suffix}`,
        visibility: 'private',
        ranked: false,
      }),
    };
    await lists.fill(member, listIds.public, [seen]);
    await settled(member);
    return { member, follower, followee, films: { seen, loved, hated, later }, listIds, suffix };
  }

  const filmName = (film: Film) => `${film.title} (${film.year})`;

  it('shows an anonymous reader the counts and each tab, and a way to sign in to follow', async () => {
    const { member, follower, followee, films, listIds, suffix } = await busyMember();
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto(`/member/${member.username}`);
    await expect(heading(page)).resolves.toBe(member.username);
    await expect(page.locator('.profile-head time').count()).resolves.toBe(1);
    for (const [name, count] of [
      ['Checked', '3'],
      ['Favourites', '1'],
      ['Dislikes', '1'],
      ['Watchlist', '1'],
      ['Followers', '1'],
      ['Following', '1'],
      ['Comments', '0'],
    ] as const) {
      await expect(countOf(page, name)).resolves.toBe(count);
    }
    await expect(followButton(page).count()).resolves.toBe(0);
    const signIn = page.getByRole('link', { name: `Sign in to follow ${member.username}` });
    await expect(signIn.getAttribute('href')).resolves.toBe(
      `/sign-in?next=${encodeURIComponent(`/member/${member.username}`)}`,
    );

    // Checks, the default tab: latest check first, with the marks and the day seen.
    await expect(currentTab(page, member.username)).resolves.toBe('Checks');
    await expect(page.getByRole('heading', { level: 2, name: 'Films checked' }).count()).resolves.toBe(1);
    const checks = (await entries(page).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(checks).toHaveLength(3);
    expect(checks[0]).toMatch(
      new RegExp(`^${filmName(films.hated).replace(/[()]/g, '\\$&')} checked .+ Disliked$`),
    );
    expect(checks[1]).toMatch(
      new RegExp(`^${filmName(films.loved).replace(/[()]/g, '\\$&')} checked .+ Favourite$`),
    );
    expect(checks[2]).toContain('seen on 2024-03-01');
    await expect(
      section(page)
        .getByRole('link', { name: filmName(films.seen) })
        .getAttribute('href'),
    ).resolves.toBe(`/film/${films.seen.slug}`);
    await expectAccessible(page);
    await saveScreenshot(page, 'profile');

    const openTab = async (name: string, search: string) => {
      await tabs(page, member.username).getByRole('link', { name, exact: true }).click();
      await page.waitForURL(`/member/${member.username}${search}`);
      await expect(currentTab(page, member.username)).resolves.toBe(name);
      await expectAccessible(page);
      return (await entries(page).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    };

    expect(await openTab('Favourites', '?tab=favourites')).toEqual([
      expect.stringMatching(new RegExp(`^${filmName(films.loved).replace(/[()]/g, '\\$&')} favourited `)),
    ]);
    expect(await openTab('Watchlist', '?tab=watchlist')).toEqual([
      expect.stringMatching(new RegExp(`^${filmName(films.later).replace(/[()]/g, '\\$&')} added `)),
    ]);
    // An anonymous reader sees the public list only.
    expect(await openTab('Lists', '?tab=lists')).toEqual([`Public picks ${suffix} 1 film · ranked · Public`]);
    await expect(
      section(page)
        .getByRole('link', { name: `Public picks ${suffix}` })
        .getAttribute('href'),
    ).resolves.toBe(`/list/${listIds.public}`);
    const activity = await openTab('Activity', '?tab=activity');
    expect(activity).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^${member.username} added ${films.seen.title} \\(1968\\) to a list `),
        ),
        expect.stringMatching(
          new RegExp(`^${member.username} added ${films.later.title} \\(2024\\) to their watchlist `),
        ),
        expect.stringMatching(new RegExp(`^${member.username} disliked ${films.hated.title} \\(1985\\) `)),
      ]),
    );
    expect(await openTab('Followers', '?tab=followers')).toEqual([
      expect.stringMatching(new RegExp(`^${follower.username} started following them `)),
    ]);
    expect(await openTab('Following', '?tab=following')).toEqual([
      expect.stringMatching(new RegExp(`^${followee.username} followed `)),
    ]);

    // Signing in from the profile comes back to it, now with the button.
    await signIn.click();
    await page.getByLabel('Username or email').fill(follower.username);
    await page.getByLabel('Password').fill(follower.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`/member/${member.username}?tab=following`);
    await expect(followButton(page).textContent()).resolves.toBe('Unfollow');
    await expect(followButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a member their own private and friends lists and no follow button; friends see the friends list', async () => {
    const { member, followee, listIds, suffix } = await busyMember();
    const own = await signedIn(member);
    await own.page.goto(`/member/${member.username}?tab=lists`);
    await expect(followButton(own.page).count()).resolves.toBe(0);
    await expect(own.page.getByRole('link', { name: /^Sign in to follow/ }).count()).resolves.toBe(0);
    const titles = await section(own.page).getByRole('link').allTextContents();
    expect(titles.sort()).toEqual([`For friends ${suffix}`, `Public picks ${suffix}`, `Secret ${suffix}`]);
    await expect(
      section(own.page)
        .getByRole('link', { name: `Secret ${suffix}` })
        .getAttribute('href'),
    ).resolves.toBe(`/list/${listIds.private}`);
    await expect(
      entries(own.page)
        .filter({ hasText: `Secret ${suffix}` })
        .textContent(),
    ).resolves.toContain('Private');
    await expectAccessible(own.page);
    await own.context.close();

    // The member follows `followee`, who is therefore a friend.
    const friend = await signedIn(followee);
    await friend.page.goto(`/member/${member.username}?tab=lists`);
    const seen = await section(friend.page).getByRole('link').allTextContents();
    expect(seen.sort()).toEqual([`For friends ${suffix}`, `Public picks ${suffix}`]);
    await expect(followButton(friend.page).textContent()).resolves.toBe('Follow');
    await expectAccessible(friend.page);
    expect(pageProblems(friend.page)).toEqual([]);
    await friend.context.close();
  });

  it('pages a tab by cursor and keeps the tab; an empty tab says so in words', async () => {
    const member = await registerUser(web.app);
    const films = await addFilms(web.app, 22);
    for (const film of films) await client.mark(member, 'put', 'watchlist', film);
    await settled(member);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await page.goto(`/member/${member.username}?tab=watchlist`);
    const titles = async () =>
      (await section(page).getByRole('link').allTextContents()).filter((text) =>
        text.startsWith('Test Film'),
      );
    await expect(titles()).resolves.toEqual(films.slice(2).reverse().map(filmName));
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await pager.getByRole('link', { name: 'Older' }).click();
    await page.waitForURL(new RegExp(`/member/${member.username}\\?tab=watchlist&cursor=`));
    await expect(currentTab(page, member.username)).resolves.toBe('Watchlist');
    await expect(titles()).resolves.toEqual(films.slice(0, 2).reverse().map(filmName));
    await expect(pager.getByRole('link', { name: 'Older' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await pager.getByRole('link', { name: 'Back to the newest' }).click();
    await page.waitForURL(`/member/${member.username}?tab=watchlist`);

    await page.goto(`/member/${member.username}`);
    await expect(section(page).locator('.profile-empty').textContent()).resolves.toBe(
      `${member.username} has not checked any films yet.`,
    );
    await expect(pager.count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('follows and unfollows without the page script, back on the tab the form was on', async () => {
    const [reader, member] = [await registerUser(web.app), await registerUser(web.app)];
    const context = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    await signInAs(context, web.baseURL, reader);
    const page = await context.newPage();
    await page.goto(`/member/${member.username}?tab=followers`);
    await expect(section(page).locator('.profile-empty').textContent()).resolves.toBe(
      `Nobody follows ${member.username} yet.`,
    );
    await followButton(page).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    expect(page.url()).toBe(`${web.baseURL}/member/${member.username}?tab=followers`);
    await expect(followButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
    // The page after the write already has it: the count and the followers list.
    await expect(countOf(page, 'Followers')).resolves.toBe('1');
    await expect(section(page).getByRole('link', { name: reader.username }).count()).resolves.toBe(1);
    // No axe here: it runs as a script, which this browser does not; the same markup is checked in the other tests.

    await followButton(page).click();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    await expect(countOf(page, 'Followers')).resolves.toBe('0');
    await context.close();
  });

  it('answers an unknown member or section with a 404 page, and matches a username in any case', async () => {
    const member = await registerUser(web.app);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    const missing = await page.goto('/member/nobody_by_this_name');
    expect(missing?.status()).toBe(404);
    await expect(heading(page)).resolves.toBe('Page not found');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'No member is called nobody_by_this_name',
    );
    await expectAccessible(page);

    const noTab = await page.goto(`/member/${member.username}?tab=secrets`);
    expect(noTab?.status()).toBe(404);

    const shouted = await page.goto(`/member/${member.username.toUpperCase()}`);
    expect(shouted?.status()).toBe(200);
    await expect(heading(page)).resolves.toBe(member.username);
    await expect(
      tabs(page, member.username).getByRole('link', { name: 'Lists' }).getAttribute('href'),
    ).resolves.toBe(`/member/${member.username}?tab=lists`);
    // The browser reports each 404 answer itself; nothing else may go wrong.
    expect(pageProblems(page, { except: [404] })).toEqual([]);
    await context.close();
  });

  it('fits a phone-sized screen', async () => {
    const { member, follower } = await busyMember();
    const { context, page } = await signedIn(follower, { phone: true });
    await page.goto(`/member/${member.username}`);
    await expect(followButton(page).textContent()).resolves.toBe('Unfollow');
    for (const search of ['', '?tab=lists', '?tab=activity']) {
      await page.goto(`/member/${member.username}${search}`);
      const overflow = await horizontalOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
