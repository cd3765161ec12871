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

describe('web: reporting comments and the moderation pages', () => {
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
  const commentBy = (page: Page, username: string) =>
    page.locator('#comments').getByRole('article', { name: `Comment by ${username}` });
  const queueItem = (page: Page, author: string, filmTitle: string) =>
    page.getByRole('article', { name: `${author}’s comment on ${filmTitle}` });
  const noHorizontalScroll = async (page: Page) =>
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  /** Opens the queue once the moderation projection shows the reports sent through the pages. */
  async function openQueueWith(page: Page, author: string, filmTitle: string) {
    await api.until(async () => {
      await page.goto('/moderate');
      return (await queueItem(page, author, filmTitle).count()) > 0;
    }, `the queue showing ${author}'s comment`);
  }

  /** Reports the comment as `reporter` through the film page's Report form. */
  async function reportThroughPage(
    reporter: TestUser,
    slug: string,
    author: string,
    reason: string,
    note = '',
  ) {
    const { context, page } = await visitorAs(reporter);
    await page.goto(`/film/${slug}`);
    const comment = commentBy(page, author);
    await comment.locator('summary', { hasText: 'Report' }).click();
    await comment.getByLabel('Reason').selectOption(reason);
    if (note) await comment.getByLabel('Note for the moderators (optional)').fill(note);
    await comment.getByRole('button', { name: 'Send report' }).click();
    await comment.locator('details[open]').waitFor({ state: 'detached' });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  }

  it('three reports through the page hide a comment; a moderator sees it in the queue, hides it for good, and the log says so', async () => {
    expect(web.config.moderation.autohideReports).toBe(3);
    const film = await addFilm(web.app);
    const [author, first, second, third, moderator] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app, { roles: ['moderator'] }),
    ]);
    const commentId = await posted(author, film.id, 'Buy cheap watches at example.test!');
    await reportThroughPage(first, film.slug, author.username, 'spam', 'An advert.');
    await reportThroughPage(second, film.slug, author.username, 'spam');
    await reportThroughPage(third, film.slug, author.username, 'off-topic', 'Nothing to do with the film.');

    // The third report queues the auto-hide job: the comment goes from readers' pages.
    const reader = await visitorAs();
    await api.untilHiddenFrom(commentId);
    await reader.page.goto(`/film/${film.slug}`);
    await expect(commentBy(reader.page, author.username).count()).resolves.toBe(0);
    await expect(reader.page.locator('#comments').textContent()).resolves.toContain(
      'There are currently no comments.',
    );

    const { context, page } = await visitorAs(moderator);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await page.waitForURL('/moderate');
    const item = queueItem(page, author.username, film.title);
    await expect(item.textContent()).resolves.toContain('Buy cheap watches at example.test!');
    await expect(item.locator('.queue-state').textContent()).resolves.toBe(
      '3 reports · hidden automatically, awaiting a decision',
    );
    const rows = item.getByRole('table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).textContent()).resolves.toContain(`${first.username}SpamAn advert.`);
    await expect(rows.nth(1).textContent()).resolves.toContain(`${second.username}SpamNone`);
    await expect(rows.nth(2).textContent()).resolves.toContain(
      `${third.username}Off topicNothing to do with the film.`,
    );
    await expect(rows.nth(0).locator('time').count()).resolves.toBe(1);
    await expect(item.getByRole('link', { name: film.title }).getAttribute('href')).resolves.toBe(
      `/film/${film.slug}`,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'moderation-queue');

    // A moderator still sees the auto-hidden comment on the film page, marked.
    await page.goto(`/film/${film.slug}`);
    await expect(commentBy(page, author.username).textContent()).resolves.toContain('Hidden from readers');
    // Moderators may delete anyone's comment; reporting a hidden one is no longer offered.
    await expect(commentBy(page, author.username).locator('summary').allTextContents()).resolves.toEqual([
      'Delete',
    ]);
    await page.goBack();

    // Hiding needs a reason: refused beside the form, then done.
    await item.getByRole('button', { name: 'Hide comment' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('reason must be text of 1 to 500');
    await expectAccessible(page);
    await page.getByLabel('Reason (required to hide)').fill('Spam links');
    await page.getByRole('button', { name: 'Hide comment' }).click();
    await page.waitForURL('/moderate');
    await expect(queueItem(page, author.username, film.title).count()).resolves.toBe(0);
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'There are currently no reported comments waiting for a decision.',
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Resolved' }).click();
    const resolved = queueItem(page, author.username, film.title);
    await expect(resolved.locator('.queue-decided').textContent()).resolves.toMatch(
      new RegExp(`^Hidden by ${moderator.username} .+: Spam links$`),
    );
    await expect(resolved.getByRole('button', { name: 'Hide comment' }).count()).resolves.toBe(0);
    await expect(resolved.getByRole('button', { name: 'Restore comment' }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Moderation log' }).click();
    await page.waitForURL('/moderate/log');
    const entry = page.getByRole('table').locator('tbody tr').first();
    await expect(entry.textContent()).resolves.toContain(
      `${moderator.username}Hid ${author.username}’s comment on ${film.title}Spam links`,
    );
    await expectAccessible(page);

    // Readers still do not see it; the author does, told why.
    await reader.page.reload();
    await expect(commentBy(reader.page, author.username).count()).resolves.toBe(0);
    const own = await visitorAs(author);
    await own.page.goto(`/film/${film.slug}`);
    await expect(commentBy(own.page, author.username).textContent()).resolves.toContain(
      'Hidden by moderation: only you and the moderators see this comment.',
    );
    for (const visitor of [reader, own, { context, page }]) {
      expect(pageProblems(visitor.page)).toEqual([]);
      await visitor.context.close();
    }
  });

  it('restores a reported comment from the queue, dismisses reports, deletes from the film page; the log lists each', async () => {
    const film = await addFilm(web.app);
    const [author, other, reporter, moderator] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app, { roles: ['moderator'] }),
    ]);
    await posted(author, film.id, 'A sharp reading of the last scene.');
    await posted(other, film.id, 'I disagree entirely.');
    await reportThroughPage(reporter, film.slug, author.username, 'abuse');
    await reportThroughPage(reporter, film.slug, other.username, 'other');

    const { context, page } = await visitorAs(moderator);
    await openQueueWith(page, other.username, film.title);
    const first = queueItem(page, author.username, film.title);
    await expect(first.locator('.queue-state').textContent()).resolves.toBe('1 report · visible to readers');
    await first.getByRole('button', { name: 'Dismiss reports' }).click();
    await page.waitForURL('/moderate');
    await expect(queueItem(page, author.username, film.title).count()).resolves.toBe(0);
    const second = queueItem(page, other.username, film.title);
    await second.getByLabel('Reason (required to hide)').fill('Rude');
    await second.getByRole('button', { name: 'Hide comment' }).click();
    await page.waitForURL('/moderate');

    await page.goto('/moderate?status=resolved');
    const hidden = queueItem(page, other.username, film.title);
    await hidden.getByRole('button', { name: 'Restore comment' }).click();
    await page.waitForURL('/moderate?status=resolved');
    await expect(
      queueItem(page, other.username, film.title).locator('.queue-decided').textContent(),
    ).resolves.toMatch(/^Restored by /);

    const reader = await visitorAs();
    await reader.page.goto(`/film/${film.slug}`);
    await expect(commentBy(reader.page, author.username).count()).resolves.toBe(1);
    await expect(commentBy(reader.page, other.username).count()).resolves.toBe(1);

    // A moderator deletes a comment from the film page, confirming first.
    await page.goto(`/film/${film.slug}`);
    await commentBy(page, author.username).locator('summary', { hasText: 'Delete' }).click();
    await expect(commentBy(page, author.username).textContent()).resolves.toContain(
      `Delete ${author.username}’s comment? This cannot be undone.`,
    );
    await commentBy(page, author.username).getByRole('button', { name: 'Delete comment' }).click();
    await commentBy(page, author.username).waitFor({ state: 'detached' });

    await page.goto('/moderate/log');
    const actions = await page.getByRole('table').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.slice(0, 4)).toEqual([
      'Deleted a comment',
      `Restored ${other.username}’s comment on ${film.title}`,
      `Hid ${other.username}’s comment on ${film.title}`,
      // The dismissed comment is the one deleted since: the log keeps the action.
      'Dismissed the reports on a comment since deleted',
    ]);
    expect(pageProblems(page)).toEqual([]);
    await reader.context.close();
    await context.close();
  });

  it('suspends a member from the queue: their comment form says so, and the log names them', async () => {
    const film = await addFilm(web.app);
    const [author, reporter, moderator] = await Promise.all([
      registerUser(web.app),
      registerUser(web.app),
      registerUser(web.app, { roles: ['moderator'] }),
    ]);
    await posted(author, film.id, 'Spam, spam, spam.');
    await reportThroughPage(reporter, film.slug, author.username, 'spam');

    const { context, page } = await visitorAs(moderator, true);
    await openQueueWith(page, author.username, film.title);
    const item = queueItem(page, author.username, film.title);
    await item.locator('summary', { hasText: `Suspend ${author.username}` }).click();
    await noHorizontalScroll(page);
    await expectAccessible(page);
    // A past end date is refused, the form shown again on its own with what was typed.
    await item.getByLabel(`Reason for suspending ${author.username}`).fill('Posting spam');
    await item.getByLabel('Suspended until (optional)').fill('2001-01-01');
    await item.getByRole('button', { name: `Suspend ${author.username}` }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('until must be');
    await expect(page.getByLabel(`Reason for suspending ${author.username}`).inputValue()).resolves.toBe(
      'Posting spam',
    );
    await expectAccessible(page);
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Suspended until (optional)').fill(until);
    await page.getByRole('button', { name: `Suspend ${author.username}` }).click();
    await page.waitForURL('/moderate');

    const suspended = await visitorAs(author);
    await suspended.page.goto(`/film/${film.slug}`);
    await expect(suspended.page.locator('#comments .comment-suspended').textContent()).resolves.toContain(
      'You cannot post or change comments while your account is suspended.',
    );
    await expect(suspended.page.locator('.notice-warning').textContent()).resolves.toContain('Posting spam');
    await expect(suspended.page.locator('.notice-warning').textContent()).resolves.toContain(until);
    await expect(suspended.page.locator('form[aria-label="Post a comment"]').count()).resolves.toBe(0);
    await expect(commentBy(suspended.page, author.username).locator('summary').count()).resolves.toBe(0);
    await expectAccessible(suspended.page);

    await page.goto('/moderate/log');
    await expect(page.getByRole('table').locator('tbody tr').first().textContent()).resolves.toContain(
      `Suspended ${author.username}Posting spam`,
    );
    await noHorizontalScroll(page);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(suspended.page)).toEqual([]);
    await suspended.context.close();
    await context.close();
  });

  it('keeps the moderation pages to moderators, and fits them on a phone', async () => {
    const member = await registerUser(web.app);
    const server = web.app.getHttpServer();
    const anonymous = await request(server).get('/moderate').expect(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fmoderate');
    const refused = await request(server)
      .get('/moderate/log')
      .set('Cookie', `filmlog_session=${member.token}`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('moderator');
    await request(server)
      .get('/moderate?status=everything')
      .set('Cookie', `filmlog_session=${(await registerUser(web.app, { roles: ['moderator'] })).token}`)
      .expect(400);

    const moderator = await registerUser(web.app, { roles: ['moderator'] });
    // The log pages, newest first.
    for (const name of [
      await registerUser(web.app),
      await registerUser(web.app),
      await registerUser(web.app),
    ]) {
      const suspended = await api.call('post', `/moderation/members/${name.username}/suspend`, moderator, {
        reason: 'Paging the log',
      });
      expect(suspended.status).toBe(200);
    }
    await api.call('get', '/moderation/log', moderator); // a consistent read: the log has them
    const asModerator = `filmlog_session=${moderator.token}`;
    const first = await request(server).get('/moderate/log?limit=2').set('Cookie', asModerator).expect(200);
    expect(first.text.match(/<tr>/g)).toHaveLength(3); // the header row and two entries
    const older = /href="(\/moderate\/log\?cursor=[^"]+)" rel="next"/.exec(first.text)![1]!;
    const next = await request(server)
      .get(older.replaceAll('&amp;', '&'))
      .set('Cookie', asModerator)
      .expect(200);
    expect(next.text).toContain('Back to the newest');

    const { context, page } = await visitorAs(moderator, true);
    for (const path of ['/moderate', '/moderate?status=resolved', '/moderate/log']) {
      await page.goto(path);
      await noHorizontalScroll(page);
      await expectAccessible(page);
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
