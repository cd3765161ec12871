import type { Page } from 'playwright-core';
import request from 'supertest';
import type { Film } from '../../src/modules/catalog/films/film.js';
import type { FilmRequest } from '../../src/modules/catalog/films/film-request.js';
import { DEMO_FILMS } from '../../src/modules/catalog/seed/demo-films.js';
import { registerUser, uniqueUsername, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ListClient, type FilmListsBody } from '../support/list-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { signInAs, signUpThroughPage } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: the film page', () => {
  let web: WebTestApp;
  let lists: ListClient;

  beforeAll(async () => {
    // Several members sign up from this one address in the journey.
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const visitor = (phone = false) => newVisitor(web.browser, web.baseURL, { phone });
  const marks = (page: Page) => page.locator('[data-region="marks"]');
  const pressed = (page: Page, mark: string) => page.locator(`#mark-${mark}`).getAttribute('aria-pressed');
  const textOf = async (page: Page, selector: string) =>
    ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** A member's mark over the API; the next read through `lists` includes it. */
  const markOverApi = async (user: TestUser, film: Film, mark: string) =>
    expect((await lists.call(user, 'put', `/films/${film.id}/${mark}`)).status).toBe(200);

  /** Waits until the page's projections hold every write made over the API so far. */
  const settle = async (film: Film, reader?: TestUser) => {
    await lists.read(`/films/${film.id}/stats`);
    await lists.read(`/films/${film.id}/activity`);
    await lists.read(`/films/${film.id}/lists`);
    if (reader) await lists.read(`/films/${film.id}/friends`, reader);
  };

  it('takes a new member from the header search to the film, and Check and Favourite update it in place', async () => {
    const film = await addFilm(web.app, {
      title: 'Zazie dans le métro',
      year: 1960,
      runtimeMinutes: 93,
      directors: [{ name: 'Louis Malle' }],
      cast: [{ name: 'Catherine Demongeot' }, { name: 'Philippe Noiret' }],
      genres: ['comedy'],
      languages: ['fr'],
      countries: ['FR'],
    });
    const { context, page } = await visitor();
    const username = uniqueUsername('web');
    await signUpThroughPage(page, username);

    await page.getByRole('searchbox', { name: 'Search films' }).fill('zazie metro');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=zazie/);
    await page.getByRole('link', { name: 'Zazie dans le métro' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Zazie dans le métro',
    );
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      'No one has checked this title yet.',
    );
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      'There is no activity on this film yet.',
    );
    await expect(pressed(page, 'check')).resolves.toBe('false');
    await expectAccessible(page);

    // The buttons post in the background: a reload would lose this mark on the window.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await marks(page).getByRole('button', { name: 'Check' }).click();
    await page.waitForSelector('#mark-check[aria-pressed="true"]');
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      '0% of the viewers favorited this title, 0% disliked it',
    );
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      `${username} checked this title just now`,
    );

    await marks(page).getByRole('button', { name: 'Favourite' }).click();
    await page.waitForSelector('#mark-favourite[aria-pressed="true"]');
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      '100% of the viewers favorited this title, 0% disliked it',
    );
    const activity = await textOf(page, '[data-region="activity"]');
    expect(activity).toContain(`${username} favorited this title just now`);
    expect(activity).toContain(`${username} checked this title just now`);
    await expect(page.getByRole('link', { name: username }).first().getAttribute('href')).resolves.toBe(
      `/member/${username}`,
    );
    await expect(pressed(page, 'check')).resolves.toBe('true');
    await expect(pressed(page, 'dislike')).resolves.toBe('false');
    await expect(textOf(page, '#enhance-status')).resolves.toBe('Favourited');
    await expect(
      page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage),
    ).resolves.toBe(true);
    await expectAccessible(page);

    // Dislike takes back the favourite, as the API does; and the page agrees after a reload.
    await marks(page).getByRole('button', { name: 'Dislike' }).click();
    await page.waitForSelector('#mark-dislike[aria-pressed="true"]');
    await expect(pressed(page, 'favourite')).resolves.toBe('false');
    await page.reload();
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      '0% of the viewers favorited this title, 100% disliked it',
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: a button posts, and the page it returns to shows the new state', async () => {
    const film = await addFilm(web.app, {
      title: 'Playtime',
      year: 1967,
      directors: [{ name: 'Jacques Tati' }],
    });
    const member = await registerUser(web.app);
    const context = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    await signInAs(context, web.baseURL, member);
    const page = await context.newPage();
    await page.goto(`/film/${film.slug}`);
    await expect(pressed(page, 'watchlist')).resolves.toBe('false');

    await marks(page).getByRole('button', { name: 'Watchlist' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    await expect(pressed(page, 'watchlist')).resolves.toBe('true');
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      `${member.username} added this title to their watchlist just now`,
    );
    await expect(textOf(page, '[data-region="marks"]')).resolves.toContain('on your watchlist');

    // Pressed again, it takes the film off.
    await marks(page).getByRole('button', { name: 'Watchlist' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    await expect(pressed(page, 'watchlist')).resolves.toBe('false');
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      'There is no activity on this film yet.',
    );
    await context.close();
  });

  it('keeps keyboard focus on a button pressed with the keyboard, after its part of the page is replaced', async () => {
    const film = await addFilm(web.app, {
      title: 'Mon oncle',
      year: 1958,
      directors: [{ name: 'Jacques Tati' }],
    });
    const member = await registerUser(web.app);
    const { context, page } = await visitor();
    await signInAs(context, web.baseURL, member);
    await page.goto(`/film/${film.slug}`);
    await page.locator('#mark-check').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#mark-check')?.getAttribute('aria-pressed') === 'true',
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('mark-check');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('mark-favourite');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('rates with the keyboard: the histogram and the activity change in place, and the rating can be removed', async () => {
    const film = await addFilm(web.app, { title: 'Les Vacances de M. Hulot', year: 1953 });
    const [earlier, member] = await Promise.all([registerUser(web.app), registerUser(web.app)]);
    expect((await lists.call(earlier, 'put', `/films/${film.id}/rating`, { rating: 2 })).status).toBe(200);
    await settle(film);
    const { context, page } = await visitor();
    await signInAs(context, web.baseURL, member);
    await page.goto(`/film/${film.slug}`);
    const histogram = page.getByRole('table', { name: /Rated by/ });
    await expect(histogram.locator('caption').textContent()).resolves.toContain('Rated by 1 member, 2 stars');

    // A radio group: focus the first star, arrow to four stars, and press the button.
    const group = page.getByRole('group', { name: 'Your rating' });
    await group.getByRole('radio', { name: '0.5 stars' }).focus();
    for (let step = 0; step < 7; step += 1) await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: '4 stars' }).isChecked()).resolves.toBe(true);
    await group.getByRole('button', { name: 'Rate' }).click();
    await page.waitForSelector('#rating-remove');
    await expect(histogram.locator('caption').textContent()).resolves.toContain(
      'Rated by 2 members, 3 stars on average',
    );
    const fourStars = histogram.getByRole('row', { name: /4 stars/ });
    await expect(fourStars.locator('.rating-count').textContent()).resolves.toBe('1');
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      `${member.username} rated this title ★★★★`,
    );
    await expect(textOf(page, '[data-region="marks"]')).resolves.toContain('You rated it 4 stars.');
    await expect(pressed(page, 'check')).resolves.toBe('true');
    await expectAccessible(page);
    await saveScreenshot(page, 'film-rating');

    await page.getByRole('button', { name: 'Remove rating' }).click();
    await page.waitForSelector('#rating-remove', { state: 'detached' });
    await expect(histogram.locator('caption').textContent()).resolves.toContain('Rated by 1 member, 2 stars');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('rates without JavaScript, and names a missing choice in words', async () => {
    const film = await addFilm(web.app, { title: 'Trafic', year: 1971 });
    const member = await registerUser(web.app);
    const context = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    await signInAs(context, web.baseURL, member);
    const page = await context.newPage();
    await page.goto(`/film/${film.slug}`);
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      'No one has rated this title yet.',
    );

    await page.getByRole('button', { name: 'Rate' }).click();
    await expect(page.locator('body').textContent()).resolves.toContain(
      'Choose from half a star to five stars',
    );

    await page.goto(`/film/${film.slug}`);
    await page.getByRole('radio', { name: '2.5 stars' }).check();
    await page.getByRole('button', { name: 'Rate' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      'Rated by 1 member, 2.5 stars on average',
    );
    await expect(page.getByRole('radio', { name: '2.5 stars' }).isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('offers an anonymous reader sign-in links instead of buttons, and answers an unknown film with a 404 page', async () => {
    const film = await addFilm(web.app, { title: 'Jour de fête', year: 1949 });
    const { context, page } = await visitor();
    await page.goto(`/film/${film.id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Jour de fête');
    await expect(marks(page).getByRole('button').count()).resolves.toBe(0);
    const signIn = marks(page).getByRole('link', { name: 'Sign in' });
    await expect(signIn.getAttribute('href')).resolves.toBe(
      `/sign-in?next=${encodeURIComponent(`/film/${film.id}`)}`,
    );
    await expect(textOf(page, '[data-region="friends"]')).resolves.toContain(
      'Sign in to see which of the members you follow have seen this film.',
    );
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      'No one has checked this title yet.',
    );
    await expect(page.getByText('Not in any official list.').count()).resolves.toBe(1);
    await expect(page.getByText('There are no critic quotes for this film yet.').count()).resolves.toBe(1);
    await expectAccessible(page);

    // A form posted without a session goes to sign in; the film is left as it was.
    const server = web.app.getHttpServer();
    const form = await request(server).get('/sign-in').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    // The form cookie is Secure: supertest's plain http would not send it back by itself.
    const cookies = (form.headers['set-cookie'] as unknown as string[]).map(
      (cookie) => cookie.split(';')[0]!,
    );
    const refused = await request(server)
      .post(`/film/${film.slug}/check`)
      .set('Cookie', cookies)
      .set('Host', new URL(web.baseURL).host)
      .set('Referer', `${web.baseURL}/film/${film.slug}`)
      .type('form')
      .send({ _csrf: token, on: 'on' });
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/film/${film.slug}`)}`);
    await expect(lists.read(`/films/${film.id}/stats`)).resolves.toMatchObject({ checks: 0 });

    expect(pageProblems(page)).toEqual([]);
    // (Chromium logs the 404 itself as a console error, so the problems are read before.)
    const missing = await page.goto('/film/no-such-film-1900');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await context.close();
  });

  it('refuses a mark that is neither on nor off, in words', async () => {
    const film = await addFilm(web.app);
    const member = await registerUser(web.app);
    const { context, page } = await visitor();
    await signInAs(context, web.baseURL, member);
    await page.goto(`/film/${film.slug}`);
    await page.locator('#mark-check').evaluate((button) => button.setAttribute('value', 'maybe'));
    await page.locator('form[action$="/check"]').evaluate((form) => form.removeAttribute('data-enhance'));
    await page.locator('#mark-check').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('on must be "on" or "off"');
    await expect(lists.read(`/films/${film.id}/stats`)).resolves.toMatchObject({ checks: 0 });
    await context.close();
  });

  it('shows a member which of the people they follow have seen the film, and an empty state in words', async () => {
    const film = await addFilm(web.app, { title: 'Mon oncle', year: 1958 });
    const [reader, friend, other, stranger] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app),
    ]);
    const { context, page } = await visitor();
    await signInAs(context, web.baseURL, reader!);

    await lists.follow(reader!, friend!);
    await settle(film, reader);
    await page.goto(`/film/${film.slug}`);
    await expect(textOf(page, '[data-region="friends"]')).resolves.toContain(
      'None of the members you follow has seen this film yet.',
    );
    await expectAccessible(page);

    await lists.follow(reader!, other!);
    await markOverApi(friend!, film, 'favourite');
    await lists.check(other!, film);
    await lists.check(stranger!, film);
    await settle(film, reader);
    await page.reload();
    const friends = page.locator('[data-region="friends"] li');
    await expect(friends.allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^${other!.username} checked it just now`)),
      expect.stringMatching(new RegExp(`^${friend!.username} checked it just now \\(a favourite\\)`)),
    ]);
    await expect(
      page
        .locator('[data-region="friends"]')
        .getByRole('link', { name: friend!.username })
        .getAttribute('href'),
    ).resolves.toBe(`/member/${friend!.username}`);
    // Someone not followed is in the activity and the statistics, not among the friends.
    await expect(textOf(page, '[data-region="friends"]')).resolves.not.toContain(stranger!.username);
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      `${stranger!.username} checked this title`,
    );
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      '33.3% of the viewers favorited this title, 0% disliked it',
    );
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('says how many official lists hold the film and have held it, each linked with the film’s rank', async () => {
    const [admin, films] = await Promise.all([
      registerUser(web.app, { roles: ['admin'] }),
      Promise.all([
        addFilm(web.app),
        addFilm(web.app),
        addFilm(web.app, { title: 'Les Vacances de M. Hulot' }),
      ]),
    ]);
    const [first, second, film] = films as [Film, Film, Film];
    const greatest = await lists.create(admin, { title: 'AAA Greatest Comedies', official: true });
    const french = await lists.create(admin, { title: 'BBB French Classics', official: true, ranked: false });
    const dropped = await lists.create(admin, { title: 'CCC Dropped It', official: true });
    await lists.fill(admin, greatest, [first, second, film]);
    await lists.fill(admin, french, [film]);
    await lists.fill(admin, dropped, [film]);
    expect((await lists.edition(admin, dropped, [first.id])).status).toBe(200);
    // A personal list does not count.
    const personal = await lists.create(admin, { title: 'Mine' });
    await lists.fill(admin, personal, [film]);
    expect(await lists.read<FilmListsBody>(`/films/${film.id}/lists`)).toMatchObject({
      currentCount: 2,
      everCount: 3,
    });

    const { context, page } = await visitor();
    await page.goto(`/film/${film.slug}`);
    await expect(page.getByText('Currently in 2 official lists, but has been in 3').count()).resolves.toBe(1);
    const items = page.locator('.film-lists li');
    await expect(items.allTextContents()).resolves.toEqual([
      'AAA Greatest Comedies At #3',
      'BBB French Classics',
    ]);
    await expect(
      page.getByRole('link', { name: 'AAA Greatest Comedies' }).getAttribute('href'),
    ).resolves.toBe(`/list/${greatest}`);
    await expect(page.getByRole('link', { name: 'BBB French Classics' }).getAttribute('href')).resolves.toBe(
      `/list/${french}`,
    );
    await expect(page.getByRole('link', { name: 'CCC Dropped It' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('shows a well-known film whole: details, critic quotes, statistics, lists, friends, activity and a comment; also on a phone', async () => {
    const film = await addFilm(web.app, DEMO_FILMS[0] as unknown as FilmRequest);
    const names = [
      'filmlovepenguin',
      'cinephile_ana',
      'marc_in_paris',
      'lou_watches',
      'kinoeye',
      'rohmerfan',
    ];
    const [admin, reader, ...members] = await Promise.all([
      registerUser(web.app, { roles: ['admin'] }),
      registerUser(web.app, { username: 'juliette_b' }),
      ...names.map((username) => registerUser(web.app, { username })),
    ]);
    const byName = (name: string) => members.find((member) => member.username === name)!;
    for (const member of members) await lists.check(member, film);
    await markOverApi(byName('filmlovepenguin'), film, 'favourite');
    await markOverApi(byName('cinephile_ana'), film, 'favourite');
    await markOverApi(byName('kinoeye'), film, 'dislike');
    await markOverApi(byName('lou_watches'), film, 'watchlist');
    await markOverApi(reader!, film, 'favourite');
    await lists.follow(reader!, byName('cinephile_ana'));
    await lists.follow(reader!, byName('marc_in_paris'));
    const essentials = await lists.create(admin!, { title: 'Essential Paris Films', official: true });
    const ensembles = await lists.create(admin!, { title: 'Great Ensemble Casts', official: true });
    const other = await addFilm(web.app, { title: 'Amélie', year: 2001 });
    await lists.fill(admin!, essentials, [other, film]);
    await lists.fill(admin!, ensembles, [film]);
    const comment = await lists.call(byName('cinephile_ana'), 'post', `/films/${film.id}/comments`, {
      body: 'The market scenes are the best part: you can almost smell the bread.',
    });
    expect(comment.status).toBe(201);
    await settle(film, reader);

    const { context, page } = await visitor();
    await signInAs(context, web.baseURL, reader!);
    await page.goto(`/film/${film.slug}`);
    const details = (await page.locator('.film-details').innerText()).replace(/\s+/g, ' ');
    expect(details).toContain('Director Cédric Klapisch');
    expect(details).toContain('Juliette Binoche, Romain Duris');
    expect(details).toContain('Comedy, Drama, Romance');
    expect(details).toContain('Languages French, English');
    expect(details).toContain('Country France');
    expect(details).toContain('Runtime 2 h 10 min');
    expect(details).toContain('Classification M offensive language');
    await expect(textOf(page, '.film-synopsis')).resolves.toContain('Pierre, a cabaret dancer');
    await expect(page.locator('.critic-quote cite').allTextContents()).resolves.toEqual([
      'Le Regard',
      'The Northern Screen',
      'Pacific Film Weekly',
      'Southern Cross Review',
    ]);
    await expect(textOf(page, '[data-region="stats"]')).resolves.toContain(
      '42.9% of the viewers favorited this title, 14.3% disliked it',
    );
    await expect(pressed(page, 'favourite')).resolves.toBe('true');
    await expect(page.getByText('Currently in 2 official lists').count()).resolves.toBe(1);
    await expect(page.locator('[data-region="friends"] li').count()).resolves.toBe(2);
    await expect(textOf(page, '[data-region="activity"]')).resolves.toContain(
      'filmlovepenguin favorited this title',
    );
    await expect(textOf(page, '[data-region="comments"]')).resolves.toContain(
      'you can almost smell the bread',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'film-page');
    expect(pageProblems(page)).toEqual([]);

    // Ten at a time: the rest of the activity is a link away.
    await expect(page.locator('.film-activity li').count()).resolves.toBe(10);
    await page.getByRole('link', { name: 'Older activity' }).click();
    await page.waitForURL(/[?&]activity=/);
    const older = await page.locator('.film-activity li').allTextContents();
    expect(older.length).toBeGreaterThan(0);
    expect(older.join(' ')).toContain('checked this title');

    const phone = await visitor(true);
    await phone.page.goto(`/film/${film.slug}`);
    await expect(horizontalOverflow(phone.page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(phone.page);
    await phone.context.close();
    await context.close();
  });
});
