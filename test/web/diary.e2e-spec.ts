import { registerUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { expectAccessible, newVisitor, pageProblems, saveScreenshot } from './support/browser.js';
import { signInAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: the diary', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
  });

  afterAll(async () => {
    await web?.close();
  });

  const clean = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

  it('logs a rewatch from the film page, shows it in the diary, and changes and deletes it there', async () => {
    const film = await addFilm(web.app, { title: 'Playtime', year: 1967 });
    const member = await registerUser(web.app);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await signInAs(context, web.baseURL, member);
    await page.goto(`/film/${film.slug}`);

    const form = page.getByRole('group', { name: 'Log a viewing' });
    await form.getByLabel('Watched on').fill('2024-02-10');
    await form.getByLabel('I had seen it before').check();
    await form.getByLabel('Stars').selectOption('4');
    await form.getByRole('button', { name: 'Add to diary' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    expect(clean(await page.locator('[data-region="marks"]').textContent())).toContain(
      'One viewing in your diary.',
    );

    await page.getByRole('link', { name: 'your diary' }).click();
    await page.waitForURL(/tab=diary/);
    const diary = page.getByRole('list', { name: `${member.username}’s diary, latest viewing first` });
    const entry = diary.getByRole('listitem').first();
    expect(clean(await entry.textContent())).toMatch(/^2024-02-10 Playtime \(1967\) Rewatch ★★★★/);
    await expectAccessible(page);
    await saveScreenshot(page, 'diary');

    await entry.getByText('Edit').click();
    await entry.getByLabel('Watched on').fill('2024-02-09');
    await entry.getByLabel('Rewatch').uncheck();
    await entry.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/tab=diary/);
    const changed = page.locator('.diary-entry').first();
    expect(clean(await changed.textContent())).toMatch(/^2024-02-09 Playtime \(1967\) ★★★★/);
    await expect(changed.locator('.mark-badge').count()).resolves.toBe(0);

    await changed.getByText('Edit').click();
    await changed.getByRole('button', { name: 'Delete this viewing' }).click();
    await page.waitForURL(/tab=diary/);
    await expect(page.locator('.profile-section').textContent()).resolves.toContain(
      `${member.username} has not logged any viewings yet.`,
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('posts a review with a viewing, linked from the diary to its page', async () => {
    const film = await addFilm(web.app, { title: 'Trafic', year: 1971 });
    const member = await registerUser(web.app);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await signInAs(context, web.baseURL, member);
    await page.goto(`/film/${film.slug}`);

    const form = page.getByRole('group', { name: 'Log a viewing' });
    await form.getByLabel('Watched on').fill('2024-03-03');
    await form.getByLabel('Stars').selectOption('3.5');
    await form.getByText('Write a review of this viewing').click();
    await form.getByLabel('Review (optional)').fill('The traffic jam is the film.');
    await form.getByLabel('It gives the story away (spoilers)').check();
    await form.getByRole('button', { name: 'Add to diary' }).click();
    await page.waitForURL(`/film/${film.slug}`);

    await page.goto(`/member/${member.username}?tab=diary`);
    const entry = page.locator('.diary-entry').first();
    expect(clean(await entry.textContent())).toMatch(/^2024-03-03 Trafic \(1971\) ★★★½ Review/);
    await entry.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(new RegExp(`/film/${film.slug}/reviews/`));
    const review = page.locator('.review-whole');
    await review.getByText('This review contains spoilers — show it').click();
    await expect(review.textContent()).resolves.toContain('The traffic jam is the film.');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('names a future day in words, and shows no edit controls on another member’s diary', async () => {
    const film = await addFilm(web.app, { title: 'Mon Oncle', year: 1958 });
    const [owner, reader] = await Promise.all([registerUser(web.app), registerUser(web.app)]);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await signInAs(context, web.baseURL, owner);
    await page.goto(`/film/${film.slug}`);
    const form = page.getByRole('group', { name: 'Log a viewing' });
    // The browser's own check would stop a date past `max`; the server's is what this is about.
    await page.locator('#viewing-date').evaluate((input) => input.removeAttribute('max'));
    await form.getByLabel('Watched on').fill('2999-01-01');
    await form.getByRole('button', { name: 'Add to diary' }).click();
    await expect(page.locator('body').textContent()).resolves.toContain('watchedOn must be a real date');

    await page.goto(`/film/${film.slug}`);
    await form.getByLabel('Watched on').fill('2020-01-01');
    await form.getByRole('button', { name: 'Add to diary' }).click();
    await page.waitForURL(`/film/${film.slug}`);
    await context.close();

    const other = await newVisitor(web.browser, web.baseURL);
    await signInAs(other.context, web.baseURL, reader);
    await other.page.goto(`/member/${owner.username}?tab=diary`);
    await expect(other.page.locator('.diary-entry').count()).resolves.toBe(1);
    await expect(other.page.locator('.diary-edit').count()).resolves.toBe(0);
    await other.context.close();
  });
});
