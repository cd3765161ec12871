import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import type { Film } from '../../src/modules/catalog/films/film.js';
import { picture } from '../../src/modules/catalog/posters/testing/hostile-images.js';
import { bearer, registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import { MemberClient } from '../support/member-client.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { insertEdition } from './support/festival-edition.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

interface Box {
  readonly width: number;
  readonly height: number;
}

/** Sums every layout shift the page has had, including those before the observer was made. */
const layoutShift = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const observer = new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries()) total += (entry as unknown as { value: number }).value;
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in a task of their own.
        setTimeout(() => {
          observer.disconnect();
          resolve(total);
        }, 100);
      }),
  );

const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the poster has no box');
  return { width: Math.round(box.width), height: Math.round(box.height) };
};

const loaded = (image: Locator) =>
  image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0);

describe('web: posters', () => {
  let web: WebTestApp;
  let admin: TestUser;
  let lists: ListClient;
  let withPoster: Film;
  let withoutPoster: Film;
  /** A ranked list: three films with posters, then one without. */
  let ranked: Film[];
  let listId: string;

  const upload = async (film: Film, width: number, height: number, colour: string) => {
    const response = await request(web.app.getHttpServer())
      .put(`/api/v1/films/${film.id}/poster`)
      .set('Authorization', bearer(admin))
      .set('Content-Type', 'image/png')
      .send(await picture(width, height, 'png', colour));
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    admin = await registerUser(web.app, { roles: ['admin'] });
    lists = new ListClient(web.app);
    withPoster = await addFilm(web.app, { title: 'Les Vampires', year: 1915 });
    // Not 2:3, so the box is seen to follow the poster's own ratio.
    await upload(withPoster, 700, 1000, '#1d4e89');
    withoutPoster = await addFilm(web.app, { title: 'The Seventh Seal', year: 1957 });
    ranked = [
      await addFilm(web.app, { title: 'Sunrise', year: 1927 }),
      await addFilm(web.app, { title: 'Metropolis', year: 1927 }),
      await addFilm(web.app, { title: 'Nosferatu', year: 1922 }),
    ];
    await upload(ranked[0]!, 600, 900, '#b4283c');
    await upload(ranked[1]!, 800, 1200, '#2c7a4b');
    await upload(ranked[2]!, 500, 750, '#6b4c9a');
    ranked.push(withoutPoster);
    listId = await lists.create(admin, { title: 'Silent essentials', official: true });
    expect((await lists.edition(admin, listId, ranked)).status).toBe(200);
  });

  afterAll(async () => {
    await web?.close();
  });

  const visitor = (phone = false) => newVisitor(web.browser, web.baseURL, { phone });

  it('shows a film’s poster beside its title, in a box that does not move when the picture arrives', async () => {
    const { context, page } = await visitor();
    // Posters are held back until the page has laid out, to see the box before and after.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/images/posters/**', async (route) => {
      await held;
      await route.continue();
    });
    const response = await page.goto(`/film/${withPoster.slug}`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);

    const poster = page.locator('.film-heading img.poster');
    await expect(poster.getAttribute('alt')).resolves.toBe('Poster of Les Vampires (1915)');
    await expect(poster.getAttribute('width')).resolves.toBe('240');
    await expect(poster.getAttribute('height')).resolves.toBe('343');
    await expect(poster.getAttribute('srcset')).resolves.toMatch(
      /^\/images\/posters\/[0-9a-f]{32}\.webp 150w, \S+ 300w, \S+ 600w$/,
    );
    await expect(poster.getAttribute('sizes')).resolves.toBeTruthy();
    await expect(poster.getAttribute('loading')).resolves.toBeNull();
    await expect(loaded(poster)).resolves.toBe(false);
    const before = await boxOf(poster);
    // Unrounded too: a shift of a fraction of a pixel is still a shift.
    const exactBefore = await poster.boundingBox();
    const headingBefore = await boxOf(page.getByRole('heading', { level: 1 }));
    expect(before).toEqual({ width: 240, height: 343 });

    release();
    await page.waitForLoadState('load');
    await expect(loaded(poster)).resolves.toBe(true);
    expect(await boxOf(poster)).toEqual(before);
    expect(await poster.boundingBox()).toEqual(exactBefore);
    expect(await boxOf(page.getByRole('heading', { level: 1 }))).toEqual(headingBefore);
    await expect(layoutShift(page)).resolves.toBe(0);

    await expectAccessible(page);
    await saveScreenshot(page, 'film-poster');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a placeholder of the same width, named for the film, when the film has no poster', async () => {
    const { context, page } = await visitor();
    expect((await page.goto(`/film/${withoutPoster.slug}`))?.status()).toBe(200);
    await expect(page.locator('.film-heading img').count()).resolves.toBe(0);
    const placeholder = page.getByRole('img', { name: 'No poster for The Seventh Seal (1957)' });
    await expect(placeholder.getAttribute('data-initials')).resolves.toBe('TSS');
    await expect(placeholder.textContent()).resolves.toBe('');
    await expect(
      placeholder.evaluate((element) => getComputedStyle(element, '::before').content),
    ).resolves.toBe('"TSS"');
    expect(await boxOf(placeholder)).toEqual({ width: 240, height: 360 });
    await expect(layoutShift(page)).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a ranked list as a grid of posters in rank order, switched to from the list', async () => {
    const { context, page } = await visitor();
    await lists.list(listId);
    expect((await page.goto(`/list/${listId}`))?.status()).toBe(200);
    const layouts = page.getByRole('navigation', { name: 'Show the films as' });
    await expect(layouts.getByRole('link', { name: 'List' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await layouts.getByRole('link', { name: 'Poster grid' }).click();
    await page.waitForURL(`**/list/${listId}?view=grid`);
    await page.waitForLoadState('load');
    await expect(
      layouts.getByRole('link', { name: 'Poster grid' }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    const cells = page.locator('ol.poster-grid > li');
    await expect(cells.count()).resolves.toBe(4);
    await expect(page.locator('.poster-grid-rank').allTextContents()).resolves.toEqual(['1', '2', '3', '4']);
    await expect(page.locator('.poster-grid-caption a').allTextContents()).resolves.toEqual(
      ranked.map((film) => film.title),
    );
    await expect(
      page
        .locator('.poster-grid img.poster')
        .evaluateAll((images) => images.map((image) => image.getAttribute('alt'))),
    ).resolves.toEqual([
      'Poster of Sunrise (1927)',
      'Poster of Metropolis (1927)',
      'Poster of Nosferatu (1922)',
    ]);
    const images = page.locator('.poster-grid img.poster');
    for (let index = 0; index < 3; index += 1) {
      await expect(images.nth(index).getAttribute('loading')).resolves.toBe('lazy');
      await images.nth(index).evaluate((image: HTMLImageElement) => image.decode());
      await expect(loaded(images.nth(index))).resolves.toBe(true);
    }
    // Every cell's poster is as wide as the cell, the placeholder as tall as a 2:3 poster.
    const first = await boxOf(images.first());
    const placeholder = cells.nth(3).getByRole('img', { name: 'No poster for The Seventh Seal (1957)' });
    expect(await boxOf(placeholder)).toEqual(first);
    await expect(cells.nth(3).getByRole('link').getAttribute('href')).resolves.toBe(
      `/film/${withoutPoster.slug}`,
    );
    await expect(layoutShift(page)).resolves.toBe(0);

    await expectAccessible(page);
    await saveScreenshot(page, 'list-poster-grid');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('fits a phone: the film page’s poster and the grid of posters need no sideways scrolling', async () => {
    const { context, page } = await visitor(true);
    expect((await page.goto(`/film/${withPoster.slug}`))?.status()).toBe(200);
    expect(await boxOf(page.locator('.film-heading img.poster'))).toEqual({ width: 160, height: 229 });
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    await expect(layoutShift(page)).resolves.toBe(0);
    expect((await page.goto(`/list/${listId}?view=grid`))?.status()).toBe(200);
    await expect(page.locator('ol.poster-grid > li').count()).resolves.toBe(4);
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a small poster beside each search result', async () => {
    const { context, page } = await visitor();
    expect((await page.goto('/search?q=Les+Vampires'))?.status()).toBe(200);
    const result = page.locator('.search-result').first();
    const poster = result.getByRole('img', { name: 'Poster of Les Vampires (1915)' });
    await expect(poster.getAttribute('width')).resolves.toBe('60');
    await expect(poster.getAttribute('height')).resolves.toBe('86');
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  /** The small poster (or placeholder) each row of a page leads with, by its accessible name. */
  const thumbs = (page: Page, rows: string) =>
    page
      .locator(`${rows} > .poster`)
      .evaluateAll((posters) =>
        posters.map((poster) => poster.getAttribute('alt') ?? poster.getAttribute('aria-label')),
      );

  it('leads each film of a profile, its activity, the feed and a person’s films with a small poster', async () => {
    const members = new MemberClient(web.app);
    const [ann, reader] = await members.members(2);
    await members.follow(reader!, ann!.username);
    await members.mark(ann!, 'put', 'check', withoutPoster);
    await members.mark(ann!, 'put', 'favourite', withPoster);
    await members.read('/feed', {}, reader);
    const { context, page } = await visitorAs(web, reader);

    expect((await page.goto(`/member/${ann!.username}`))?.status()).toBe(200);
    await expect(thumbs(page, '.film-entry')).resolves.toEqual([
      'Poster of Les Vampires (1915)',
      'No poster for The Seventh Seal (1957)',
    ]);
    // 700 × 1000 at 40 px wide; the placeholder is a 2:3 box of the same width.
    const small = page.locator('.film-entry img.poster');
    await expect(small.getAttribute('width')).resolves.toBe('40');
    await expect(small.getAttribute('height')).resolves.toBe('57');
    await expect(small.getAttribute('loading')).resolves.toBe('lazy');
    expect(await boxOf(page.locator('.film-entry .poster-placeholder'))).toEqual({ width: 40, height: 60 });
    await expectAccessible(page);

    expect((await page.goto(`/member/${ann!.username}?tab=activity`))?.status()).toBe(200);
    await expect(thumbs(page, '.activity-entry')).resolves.toContain('Poster of Les Vampires (1915)');

    expect((await page.goto('/'))?.status()).toBe(200);
    // The feed's rows, not the site's recent activity beside it.
    const feed = '[aria-label="Activity of the members you follow, newest first"] > .activity-entry';
    await expect(thumbs(page, feed)).resolves.toEqual([
      'Poster of Les Vampires (1915)',
      'Poster of Les Vampires (1915)',
      'No poster for The Seventh Seal (1957)',
    ]);
    await page
      .locator('.activity-entry img.poster')
      .first()
      .evaluate((image: HTMLImageElement) => image.decode());
    await expect(layoutShift(page)).resolves.toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'feed-posters');

    const judex = await addFilm(web.app, {
      title: 'Judex',
      year: 1916,
      directors: [{ name: 'Louis Feuillade' }],
    });
    await upload(judex, 600, 900, '#8a5a2b');
    expect((await page.goto(`/person/${judex.directors[0]!.slug}`))?.status()).toBe(200);
    await expect(thumbs(page, '#directed-films > li')).resolves.toEqual(['Poster of Judex (1916)']);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows posters on a festival’s programme, its days and a plan', async () => {
    const edition = await insertEdition(web.app);
    await upload(edition.films.paris, 600, 900, '#c98a1b');
    const member = await registerUser(web.app);
    const { context, page } = await visitorAs(web, member);
    const paris = `Poster of ${edition.films.paris.title} (${edition.films.paris.year})`;

    expect((await page.goto(`/festival/${edition.slug}/2016`))?.status()).toBe(200);
    const listed = await thumbs(page, '.festival-film');
    expect(listed).toHaveLength(4);
    expect(listed).toContain(paris);
    expect(listed.filter((name) => name?.startsWith('No poster for '))).toHaveLength(3);
    await expectAccessible(page);
    await saveScreenshot(page, 'festival-posters');

    expect((await page.goto(`/festival/${edition.slug}/2016/day/2016-06-18`))?.status()).toBe(200);
    await expect(thumbs(page, '.day-screening')).resolves.toContain(paris);
    await page
      .getByRole('button', { name: new RegExp(`^Add to my plan: ${edition.films.paris.title},`) })
      .click();
    await page.getByText('In your plan').waitFor();
    expect((await page.goto(`/my/festivals/${edition.slug}/2016`))?.status()).toBe(200);
    await expect(thumbs(page, '.plan-item')).resolves.toEqual([paris]);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
