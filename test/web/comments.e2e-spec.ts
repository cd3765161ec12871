import type { Page } from 'playwright-core';
import request from 'supertest';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ModerationClient } from '../support/moderation.js';
import {
  expectAccessible,
  horizontalOverflow,
  pageProblems as allPageProblems,
  saveScreenshot,
} from './support/browser.js';
import { visitorAs as signedInVisitor } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

/** The page's problems, but for Chromium's line on each form the tests have the server refuse (400). */
const pageProblems = (page: Page): readonly string[] => allPageProblems(page, { except: [400] });

describe('web: comments on a film page', () => {
  let web: WebTestApp;
  let api: ModerationClient;

  beforeAll(async () => {
    web = await startWebApp();
    api = new ModerationClient(web.app);
  });

  afterAll(async () => {
    await web?.close();
  });

  const posted = (author: TestUser, filmId: string, body?: string) =>
    api.readableComment(author, filmId, body);

  const visitorAs = (user?: TestUser, phone = false) => signedInVisitor(web, user, { phone });
  const comments = (page: Page) => page.locator('#comments');
  const commentBy = (page: Page, username: string) =>
    comments(page).getByRole('article', { name: `Comment by ${username}` });
  /** The post form's field (each comment's edit form has one by the same name). */
  const newComment = (page: Page) =>
    page.locator('form[aria-label="Post a comment"]').getByRole('textbox', { name: 'Your comment' });
  const noHorizontalScroll = async (page: Page) =>
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  it('says there are no comments yet, and offers an anonymous reader to sign in to comment', async () => {
    const film = await addFilm(web.app);
    const { context, page } = await visitorAs();
    await page.goto(`/film/${film.slug}`);
    await expect(comments(page).textContent()).resolves.toContain('There are currently no comments.');
    await expect(page.getByLabel('Your comment').count()).resolves.toBe(0);
    const signIn = comments(page).getByRole('link', { name: 'Sign in to comment' });
    expect(new URL((await signIn.getAttribute('href'))!, web.baseURL).searchParams.get('next')).toBe(
      `/film/${film.slug}#comments`,
    );
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('lets a member post, edit and delete their own comment, shown with its author, time and edit mark', async () => {
    const film = await addFilm(web.app);
    const author = await registerUser(web.app);
    const { context, page } = await visitorAs(author);
    await page.goto(`/film/${film.slug}`);
    await expect(comments(page).textContent()).resolves.toContain('There are currently no comments.');
    await expectAccessible(page);

    await newComment(page).fill('The last ten minutes\nare worth the whole film.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = commentBy(page, author.username);
    await mine.waitFor();
    await expect(mine.locator('.comment-body').innerText()).resolves.toBe(
      'The last ten minutes\nare worth the whole film.',
    );
    await expect(mine.getByRole('link', { name: author.username }).getAttribute('href')).resolves.toBe(
      `/member/${author.username}`,
    );
    await expect(mine.locator('time').first().textContent()).resolves.toMatch(/just now|seconds? ago/);
    // The form is ready for another comment; no Report button on one's own comment.
    await expect(newComment(page).inputValue()).resolves.toBe('');
    await expect(mine.locator('summary', { hasText: 'Report' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'film-comments');

    await mine.locator('summary', { hasText: 'Edit' }).click();
    await expectAccessible(page);
    await mine.getByRole('textbox', { name: 'Your comment' }).fill('The last five minutes, really.');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.locator('.comment-body', { hasText: 'The last five minutes, really.' }).waitFor();
    await expect(mine.locator('.comment-edited').textContent()).resolves.toContain('edited');

    // Without the script too: the edit page of its own, then back to the film's comments.
    await page.goto(`/film/${film.slug}/comments/${await commentIdOf(page, author.username)}/edit`);
    await expectAccessible(page);
    await page.getByLabel('Your comment', { exact: true }).fill('   ');
    await page
      .locator('form[aria-label="Edit your comment"]')
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('body must be text of 1 to 5000');
    await expectAccessible(page);
    await page.getByLabel('Your comment', { exact: true }).fill('Edited on its own page.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`/film/${film.slug}#comments`);
    await expect(commentBy(page, author.username).locator('.comment-body').textContent()).resolves.toBe(
      'Edited on its own page.',
    );

    await commentBy(page, author.username).locator('summary', { hasText: 'Delete' }).click();
    await expect(commentBy(page, author.username).textContent()).resolves.toContain('This cannot be undone.');
    await expectAccessible(page);
    await commentBy(page, author.username).getByRole('button', { name: 'Delete comment' }).click();
    await comments(page).getByText('There are currently no comments.').waitFor();
    await expect(commentBy(page, author.username).count()).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('posts once when the same form is sent twice (its idempotency key)', async () => {
    const film = await addFilm(web.app);
    const author = await registerUser(web.app);
    const { context, page } = await visitorAs(author);
    await page.goto(`/film/${film.slug}`);
    await newComment(page).fill('Said once, sent twice.');
    const statuses = await page.locator('form[aria-label="Post a comment"]').evaluate(async (form) => {
      const send = () =>
        fetch((form as HTMLFormElement).action, {
          method: 'POST',
          body: new URLSearchParams(
            new FormData(form as HTMLFormElement) as unknown as Record<string, string>,
          ),
          redirect: 'manual',
        }).then((response) => response.status);
      return Promise.all([send(), send()]);
    });
    expect(statuses).toEqual([0, 0]); // opaque redirects: both were 303s
    await page.reload();
    await expect(commentBy(page, author.username).count()).resolves.toBe(1);
    const listed = await api.call('get', `/films/${film.id}/comments`);
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
    await context.close();
  });

  it('refuses a blank comment beside the form, keeping the film page for the next try', async () => {
    const film = await addFilm(web.app);
    const author = await registerUser(web.app);
    const { context, page } = await visitorAs(author);
    await page.goto(`/film/${film.slug}`);
    await newComment(page).fill('  \n ');
    await page
      .locator('form[aria-label="Post a comment"]')
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('body must be text of 1 to 5000');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Comment on ${film.title}`,
    );
    await expectAccessible(page);
    await newComment(page).fill('Second try.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(`/film/${film.slug}#comments`);
    await commentBy(page, author.username).locator('.comment-body', { hasText: 'Second try.' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows other members a Report form (with a reason) and no edit or delete; the report reaches the queue', async () => {
    const film = await addFilm(web.app);
    const [author, reader, moderator] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app, { roles: ['moderator'] }),
    ]);
    const commentId = await posted(author, film.id, 'Everyone dies at the end.');
    const { context, page } = await visitorAs(reader);
    await page.goto(`/film/${film.slug}`);
    const theirs = commentBy(page, author.username);
    await expect(theirs.locator('summary', { hasText: 'Edit' }).count()).resolves.toBe(0);
    await expect(theirs.locator('summary', { hasText: 'Delete' }).count()).resolves.toBe(0);
    await theirs.locator('summary', { hasText: 'Report' }).click();
    await expectAccessible(page);
    await theirs.getByLabel('Reason').selectOption('spoiler');
    await theirs.getByLabel('Note for the moderators (optional)').fill('Spoils the ending.');
    await theirs.getByRole('button', { name: 'Send report' }).click();
    await theirs.locator('details[open]').waitFor({ state: 'detached' });
    // With the script, the page says so where a screen reader hears it.
    await expect(page.locator('#enhance-status').textContent()).resolves.toBe(
      'Report sent to the moderators',
    );

    const queue = await api.call('get', '/moderation/queue', moderator);
    const item = (queue.body as { items: { comment: { id: string }; reports: unknown[] }[] }).items.find(
      (candidate) => candidate.comment.id === commentId,
    );
    expect(item?.reports).toEqual([
      expect.objectContaining({
        reporter: { id: reader.id, username: reader.username },
        reason: 'spoiler',
        note: 'Spoils the ending.',
      }),
    ]);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('pages a long discussion, oldest first, and a write returns to the page it came from', async () => {
    const film = await addFilm(web.app);
    const authors = await Promise.all([registerUser(web.app), registerUser(web.app), registerUser(web.app)]);
    for (let index = 1; index <= 21; index += 1) {
      await posted(authors[index % 3]!, film.id, `Comment number ${index}`);
    }
    const reader = await registerUser(web.app);
    const { context, page } = await visitorAs(reader);
    await page.goto(`/film/${film.slug}`);
    const bodies = comments(page).locator('.comment-body');
    await expect(bodies.count()).resolves.toBe(20);
    await expect(bodies.first().textContent()).resolves.toBe('Comment number 1');
    await comments(page).getByRole('link', { name: 'Later comments' }).click();
    await expect(bodies.allTextContents()).resolves.toEqual(['Comment number 21']);
    await expectAccessible(page);
    const secondPage = page.url();
    expect(new URL(secondPage).searchParams.get('cursor')).toBeTruthy();

    // Without the script: the form posts and the page reloads, on the same page of comments.
    await newComment(page).fill('Comment number 22');
    await page
      .locator('form[aria-label="Post a comment"]')
      .evaluate((form) => form.removeAttribute('data-enhance'));
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(secondPage);
    await expect(bodies.allTextContents()).resolves.toEqual(['Comment number 21', 'Comment number 22']);
    await comments(page).getByRole('link', { name: 'Back to the first comments' }).click();
    await expect(bodies.count()).resolves.toBe(20);
    await context.close();
  });

  it('fits a phone-sized screen, long words and open forms included', async () => {
    const film = await addFilm(web.app);
    const author = await registerUser(web.app);
    const reader = await registerUser(web.app);
    await posted(author, film.id, `A${'a'.repeat(300)}h! ${'Wonderful. '.repeat(30)}`);
    const { context, page } = await visitorAs(reader, true);
    await page.goto(`/film/${film.slug}#comments`);
    await commentBy(page, author.username).locator('summary', { hasText: 'Report' }).click();
    await noHorizontalScroll(page);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('answers a comment under another film, or an edit page of someone else’s comment, with refusals', async () => {
    const [film, other] = await Promise.all([addFilm(web.app), addFilm(web.app)]);
    const author = await registerUser(web.app);
    const stranger = await registerUser(web.app);
    const commentId = await posted(author, film.id);
    const server = web.app.getHttpServer();
    const cookie = (user: TestUser) => `filmlog_session=${user.token}`;
    await request(server)
      .get(`/film/${other.slug}/comments/${commentId}/edit`)
      .set('Cookie', cookie(author))
      .expect(404);
    await request(server)
      .get(`/film/${film.slug}/comments/${commentId}/edit`)
      .set('Cookie', cookie(stranger))
      .expect(403);
    const anonymous = await request(server).get(`/film/${film.slug}/comments/${commentId}/edit`).expect(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);
  });
});

/** The id of the reader-visible comment by `username`, from its anchor. */
async function commentIdOf(page: Page, username: string): Promise<string> {
  const id = await page
    .locator('#comments li.comment')
    .filter({ has: page.getByRole('article', { name: `Comment by ${username}` }) })
    .getAttribute('id');
  return id!.replace(/^comment-/, '');
}
