import type { Page } from 'playwright-core';
import type { Film } from '../../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { MemberClient } from '../support/member-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  pageProblems as allPageProblems,
  saveScreenshot,
} from './support/browser.js';
import { signInAs, visitorAs as signedInVisitor } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(90_000);

/** The page's problems, but for Chromium's line on each form the tests have the server refuse (400). */
const pageProblems = (page: Page): readonly string[] => allPageProblems(page, { except: [400] });

const SPOILER_SUMMARY = 'This review contains spoilers — show it';

describe('web: reviews on the film page and on their own pages', () => {
  let web: WebTestApp;
  let api: MemberClient;
  let year = 1950;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    api = new MemberClient(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const film = (title: string): Promise<Film> => addFilm(web.app, { title, year: (year += 1) });
  const visitorAs = (user?: TestUser, phone = false) => signedInVisitor(web, user, { phone });
  const reviews = (page: Page) => page.locator('#reviews');
  const reviewBy = (page: Page, username: string) =>
    reviews(page).getByRole('article', { name: `Review by ${username}` });
  const likeButton = (scope: ReturnType<Page['locator']>) => scope.getByRole('button', { name: /^♥? ?Like/ });
  /** Posts over the API, then waits until the film's reviews hold every write so far. */
  const postOverApi = async (author: TestUser, of: Film, body: object) => {
    const posted = await api.write<{ id: string; position: string }>(
      author,
      'post',
      `/films/${of.id}/reviews`,
      body,
      201,
    );
    return posted.id;
  };
  const settle = (of: Film) => api.read(`/films/${of.id}/reviews`);

  it('lets a member write a spoiler review with stars, folded until opened; another likes it; the author edits and deletes it', async () => {
    const seen = await film('Le Samouraï');
    const [author, reader] = await Promise.all([registerUser(web.app), registerUser(web.app)]);

    // The author writes it from the film page.
    const writer = await visitorAs(author);
    const page = writer.page;
    await page.goto(`/film/${seen.slug}`);
    await expect(reviews(page).textContent()).resolves.toContain('No one has reviewed this film yet.');
    const form = page.locator('form[aria-label="Write a review"]');
    await form.getByRole('textbox', { name: 'Your review' }).fill('He dies at the end,\nalone, on purpose.');
    await form.getByLabel('It gives the story away (spoilers)').check();
    await form.getByLabel('Stars (optional)').selectOption('4');
    await form.getByRole('button', { name: 'Post review' }).click();

    let mine = reviewBy(page, author.username);
    await mine.waitFor();
    await expect(mine.getByRole('link', { name: author.username }).getAttribute('href')).resolves.toBe(
      `/member/${author.username}`,
    );
    await expect(mine.getByRole('img', { name: '4 stars' }).count()).resolves.toBe(1);
    await expect(mine.locator('time').first().textContent()).resolves.toMatch(/just now|seconds? ago/);
    await expect(mine.locator('.review-likes').textContent()).resolves.toBe('0 likes');
    // Folded: the summary shows, the text does not until it is opened.
    const body = mine.locator('.review-body');
    await expect(mine.locator('summary', { hasText: SPOILER_SUMMARY }).isVisible()).resolves.toBe(true);
    await expect(body.isVisible()).resolves.toBe(false);
    // No like button on one's own review (the API refuses that like).
    await expect(likeButton(mine).count()).resolves.toBe(0);
    // The form is ready for another; the stars became the author's rating of the film.
    await expect(form.getByRole('textbox', { name: 'Your review' }).inputValue()).resolves.toBe('');
    await expect(page.locator('.rating-summary').textContent()).resolves.toContain('You rated it 4 stars.');
    await expectAccessible(page);
    await mine.locator('summary', { hasText: SPOILER_SUMMARY }).click();
    await expect(body.isVisible()).resolves.toBe(true);
    await expect(body.innerText()).resolves.toBe('He dies at the end,\nalone, on purpose.');

    // Another member likes it: the count and the pressed state change in place; again takes it back.
    const liker = await visitorAs(reader);
    const theirs = reviewBy(liker.page, author.username);
    await liker.page.goto(`/film/${seen.slug}`);
    await expect(theirs.locator('.review-body').isVisible()).resolves.toBe(false);
    await expect(likeButton(theirs).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(likeButton(theirs).textContent()).resolves.toContain(`${author.username}’s review`);
    await likeButton(theirs).click();
    await theirs.locator('button[aria-pressed="true"]').waitFor();
    await expect(theirs.locator('.review-likes').textContent()).resolves.toBe('1 like');
    await expect(liker.page.locator('#enhance-status').textContent()).resolves.toBe('Liked');
    await theirs.locator('summary', { hasText: SPOILER_SUMMARY }).click();
    await expectAccessible(liker.page);
    await saveScreenshot(liker.page, 'reviews');
    await likeButton(theirs).click();
    await theirs.locator('button[aria-pressed="false"]').waitFor();
    await expect(theirs.locator('.review-likes').textContent()).resolves.toBe('0 likes');
    await likeButton(theirs).click();
    await theirs.locator('button[aria-pressed="true"]').waitFor();
    expect(pageProblems(liker.page)).toEqual([]);
    await liker.context.close();

    // The author's own page of it: edit refused in words, then saved; then deleted.
    await page.reload();
    mine = reviewBy(page, author.username);
    await expect(mine.locator('.review-likes').textContent()).resolves.toBe('1 like');
    await mine.getByRole('link', { name: 'Edit or delete your review' }).click();
    await page.waitForURL(/\/film\/[^/]+\/reviews\/[0-9a-f-]{36}$/);
    const reviewPath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `${author.username}’s review of ${seen.title}`,
    );
    await expect(likeButton(page.locator('main')).count()).resolves.toBe(0);
    await expect(page.locator('summary', { hasText: 'Report' }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.locator('summary', { hasText: 'Edit' }).click();
    const edit = page.locator('form[aria-label="Edit your review"]');
    await expect(edit.getByLabel('Your review').inputValue()).resolves.toBe(
      'He dies at the end,\nalone, on purpose.',
    );
    await expect(edit.getByLabel('It gives the story away (spoilers)').isChecked()).resolves.toBe(true);
    await expect(edit.getByLabel('Stars (optional)').inputValue()).resolves.toBe('4');
    await edit.getByLabel('Your review').fill('   ');
    await edit.evaluate((element) => element.setAttribute('novalidate', ''));
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('body must be text of 1 to 20000');
    await expect(page.locator('details#edit[open]').count()).resolves.toBe(1);
    await expectAccessible(page);

    await edit.getByLabel('Your review').fill('A cold, perfect film.');
    await edit.getByLabel('It gives the story away (spoilers)').uncheck();
    await edit.getByLabel('Stars (optional)').selectOption('4.5');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(reviewPath);
    const whole = page.getByRole('article', { name: `Review by ${author.username}` });
    await expect(whole.locator('.review-body').isVisible()).resolves.toBe(true);
    await expect(whole.locator('.review-body').textContent()).resolves.toBe('A cold, perfect film.');
    await expect(whole.locator('summary').count()).resolves.toBe(0);
    await expect(whole.getByRole('img', { name: '4.5 stars' }).count()).resolves.toBe(1);
    await expect(whole.locator('.review-edited').textContent()).resolves.toContain('edited');
    await expect(whole.locator('.review-likes').textContent()).resolves.toBe('1 like');

    await page.locator('summary', { hasText: 'Delete' }).click();
    await expect(page.locator('form[aria-label="Delete your review"]').textContent()).resolves.toContain(
      'This cannot be undone.',
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Delete review' }).click();
    await page.waitForURL(`/film/${seen.slug}#reviews`);
    await expect(reviews(page).textContent()).resolves.toContain('No one has reviewed this film yet.');
    expect(pageProblems(page)).toEqual([]);
    await expect(page.goto(reviewPath).then((response) => response?.status())).resolves.toBe(404);
    await writer.context.close();
  });

  it('reveals a spoiler and likes without JavaScript', async () => {
    const seen = await film('Vertigo');
    const [author, reader] = await Promise.all([registerUser(web.app), registerUser(web.app)]);
    await postOverApi(author, seen, { body: 'Madeleine is Judy.', spoilers: true, rating: 5 });
    await settle(seen);

    const context = await web.browser.newContext({ baseURL: web.baseURL, javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    await signInAs(context, web.baseURL, reader);
    const page = await context.newPage();
    await page.goto(`/film/${seen.slug}`);
    const theirs = reviewBy(page, author.username);
    await expect(theirs.locator('.review-body').isVisible()).resolves.toBe(false);
    await theirs.locator('summary', { hasText: SPOILER_SUMMARY }).click();
    await expect(theirs.locator('.review-body').isVisible()).resolves.toBe(true);
    await expect(theirs.locator('.review-body').textContent()).resolves.toBe('Madeleine is Judy.');

    // The like button posts and the page comes back with the review pressed and counted.
    await likeButton(theirs).click();
    await page.waitForURL(/#review-/);
    await expect(likeButton(theirs).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(theirs.locator('.review-likes').textContent()).resolves.toBe('1 like');
    await expect(theirs.locator('.review-body').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('orders by most liked, pages the reviews, and keeps the order and page after a like', async () => {
    const seen = await film('Playtime');
    const authors = await api.members(3);
    const fans = await api.members(2);
    const ids: string[] = [];
    for (let index = 1; index <= 11; index += 1) {
      ids.push(await postOverApi(authors[index % 3]!, seen, { body: `Review number ${index}` }));
    }
    // Review 3 has two likes, review 7 one.
    for (const fan of fans) await api.write(fan, 'put', `/reviews/${ids[2]}/like`);
    await api.write(fans[0]!, 'put', `/reviews/${ids[6]}/like`);
    await settle(seen);

    const reader = await registerUser(web.app);
    const { context, page } = await visitorAs(reader);
    await page.goto(`/film/${seen.slug}`);
    const bodies = reviews(page).locator('.review-body');
    await expect(bodies.count()).resolves.toBe(10);
    await expect(bodies.first().textContent()).resolves.toBe('Review number 11');
    await expect(
      reviews(page).getByRole('link', { name: 'Most recent' }).getAttribute('aria-current'),
    ).resolves.toBe('true');
    await reviews(page).getByRole('link', { name: 'Older reviews' }).click();
    await expect(bodies.allTextContents()).resolves.toEqual(['Review number 1']);

    await reviews(page).getByRole('link', { name: 'Most liked' }).click();
    await page.waitForURL(/reviews=popular/);
    await expect(
      reviews(page).getByRole('link', { name: 'Most liked' }).getAttribute('aria-current'),
    ).resolves.toBe('true');
    await expect(bodies.nth(0).textContent()).resolves.toBe('Review number 3');
    await expect(bodies.nth(1).textContent()).resolves.toBe('Review number 7');
    await expect(reviews(page).locator('.review-likes').first().textContent()).resolves.toBe('2 likes');
    await expectAccessible(page);

    // On the second page of the most liked, a like (without the script) comes back to that page.
    await reviews(page).getByRole('link', { name: 'Less liked reviews' }).click();
    await page.waitForURL(/reviewPage=/);
    const secondPage = new URL(page.url());
    await expect(bodies.count()).resolves.toBe(1);
    const last = reviews(page).locator('.review').first();
    await last.locator('form').evaluate((element) => element.removeAttribute('data-enhance'));
    await likeButton(last).click();
    await page.waitForURL((url) => url.search === secondPage.search && url.hash.startsWith('#review-'));
    // With its like it climbed to the first page, so nothing is left after the first page's last.
    await expect(reviews(page).textContent()).resolves.toContain('There are no more reviews.');
    await reviews(page).getByRole('link', { name: 'Back to the most liked reviews' }).click();
    await expect(reviews(page).locator('button[aria-pressed="true"]').count()).resolves.toBe(1);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('lets another member report a review, a moderator delete it, and an anonymous reader only read', async () => {
    const seen = await film('Jeanne Dielman');
    const [author, reader, moderator] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app, { roles: ['moderator'] }),
    ]);
    const id = await postOverApi(author, seen, { body: 'Three hours of potatoes. Then.' });
    await settle(seen);

    const anonymous = await visitorAs();
    await anonymous.page.goto(`/film/${seen.slug}`);
    const shown = reviewBy(anonymous.page, author.username);
    await expect(likeButton(shown).count()).resolves.toBe(0);
    await expect(shown.locator('.review-likes').textContent()).resolves.toBe('0 likes');
    await expect(
      reviews(anonymous.page).getByRole('link', { name: 'Sign in to write a review' }).count(),
    ).resolves.toBe(1);
    await expectAccessible(anonymous.page);
    await anonymous.page.goto(`/film/${seen.slug}/reviews/${id}`);
    await expect(anonymous.page.locator('summary').count()).resolves.toBe(0);
    await anonymous.context.close();

    const { context, page } = await visitorAs(reader);
    await page.goto(`/film/${seen.slug}`);
    await reviewBy(page, author.username)
      .getByRole('link', { name: `Open this review by ${author.username}` })
      .click();
    await page.waitForURL(`/film/${seen.slug}/reviews/${id}`);
    await expect(page.locator('summary', { hasText: 'Edit' }).count()).resolves.toBe(0);
    await expect(page.locator('summary', { hasText: 'Delete' }).count()).resolves.toBe(0);
    await page.locator('summary', { hasText: 'Report' }).click();
    await page.getByLabel('Reason').selectOption('spoiler');
    await page.getByLabel('Note for the moderators (optional)').fill('Spoils the potatoes.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(`/film/${seen.slug}/reviews/${id}?reported=1`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'your report was sent to the moderators',
    );
    // The like button works on the review's own page too.
    await likeButton(page.locator('main')).click();
    await page.locator('main button[aria-pressed="true"]').waitFor();
    await expect(page.locator('main .review-likes').textContent()).resolves.toBe('1 like');
    await context.close();

    const moderating = await visitorAs(moderator);
    await moderating.page.goto(`/film/${seen.slug}/reviews/${id}`);
    await expect(moderating.page.locator('summary', { hasText: 'Edit' }).count()).resolves.toBe(0);
    await moderating.page.locator('summary', { hasText: 'Delete' }).click();
    await moderating.page.getByRole('button', { name: 'Delete review' }).click();
    await moderating.page.waitForURL(`/film/${seen.slug}#reviews`);
    await expect(reviews(moderating.page).textContent()).resolves.toContain(
      'No one has reviewed this film yet.',
    );
    expect(pageProblems(moderating.page)).toEqual([]);
    await moderating.context.close();
  });

  it('refuses a blank review beside the form, and fits a phone with a spoiler opened', async () => {
    const seen = await film('Stalker');
    const [author, reader] = await Promise.all([registerUser(web.app), registerUser(web.app)]);
    const { context, page } = await visitorAs(author);
    await page.goto(`/film/${seen.slug}`);
    const form = page.locator('form[aria-label="Write a review"]');
    await form.getByRole('textbox', { name: 'Your review' }).fill('  \n ');
    await form.getByLabel('It gives the story away (spoilers)').check();
    await form.getByLabel('Stars (optional)').selectOption('3');
    await form.evaluate((element) => element.setAttribute('novalidate', ''));
    await form.getByRole('button', { name: 'Post review' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('body must be text of 1 to 20000');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Review ${seen.title}`);
    // What was chosen is kept for the next try.
    await expect(page.getByLabel('It gives the story away (spoilers)').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Stars (optional)').inputValue()).resolves.toBe('3');
    await expectAccessible(page);
    await page.getByLabel('Your review').fill(`The Zone ${'w'.repeat(300)}ants what you want.`);
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.waitForURL(new RegExp(`/film/${seen.slug}#review-`));
    await reviewBy(page, author.username).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();

    const phone = await visitorAs(reader, true);
    await phone.page.goto(`/film/${seen.slug}#reviews`);
    await reviewBy(phone.page, author.username).locator('summary', { hasText: SPOILER_SUMMARY }).click();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page);
    await phone.context.close();
  });
});
