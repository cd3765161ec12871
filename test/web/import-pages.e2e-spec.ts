import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { IMPORTS_QUEUE } from '../../src/modules/imports/projections/imports-triggers.projection.js';
import { bullPrefix } from '../../src/platform/jobs/bullmq.js';
import { REDIS } from '../../src/platform/redis/redis.module.js';
import { letterboxdSample } from '../fixtures/imports/letterboxd-sample.js';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { letterboxdExport } from '#testing';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { signInAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

/** The films of the Letterboxd sample that the catalogue has (Aftersun is left unmatched on purpose). */
const CATALOGUE = [
  { title: 'Parasite', originalTitle: '기생충', year: 2019 },
  { title: 'Crouching Tiger, Hidden Dragon', year: 2000 },
  { title: 'Amélie', year: 2001 },
  { title: 'The Zone of Interest', year: 2023 },
  { title: 'Stalker', year: 1979 },
  { title: 'Tinker Tailor Soldier Spy', year: 2011 },
  { title: 'Portrait of a Lady on Fire', year: 2019 },
];

const FINISH_MS = 20_000;
const IMPORT_PAGE = /\/my\/imports\/[0-9a-f-]{36}$/;

describe('web: my imports', () => {
  let web: WebTestApp;
  let queue: Queue;
  let queueConnection: Redis;
  let sampleZip: Buffer;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    for (const film of CATALOGUE) await addFilm(web.app, film);
    sampleZip = await letterboxdExport(letterboxdSample);
    // The suite's own imports queue, to hold a job back while the page shows it waiting.
    queueConnection = web.app.get<Redis>(REDIS).duplicate();
    queue = new Queue(IMPORTS_QUEUE, {
      connection: queueConnection,
      prefix: bullPrefix(web.config.redisKeyPrefix),
    });
  });

  afterAll(async () => {
    await queue?.resume();
    await queue?.close();
    queueConnection?.disconnect();
    await web?.close();
  });

  // A test that fails while the queue is held must not hold up the others' imports.
  afterEach(() => queue.resume());

  const signedIn = async (user: TestUser, options: { phone?: boolean } = {}) => {
    const visitor = await newVisitor(web.browser, web.baseURL, options);
    await signInAs(visitor.context, web.baseURL, user);
    return visitor;
  };

  const statusHeading = (page: Page) => page.locator('[data-region="import-progress"] h2');
  const region = (page: Page) => page.locator('[data-region="import-progress"]');

  const upload = async (
    page: Page,
    file: { name: string; buffer: Buffer; mimeType: string },
    source?: string,
  ) => {
    await page.goto('/my/imports');
    await page.getByLabel('Exported file').setInputFiles(file);
    if (source) await page.getByLabel('Exported from').selectOption(source);
    await page.getByRole('button', { name: 'Import' }).click();
  };

  const zip = (buffer: Buffer, name = 'letterboxd-export.zip') => ({
    name,
    buffer,
    mimeType: 'application/zip',
  });

  it('uploads a Letterboxd export, follows it live from waiting to finished, and shows the result', async () => {
    const member = await registerUser(web.app);
    const { context, page } = await signedIn(member);
    await page.goto('/my/imports');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your imports');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'You have not imported anything yet.',
    );
    await expectAccessible(page);

    await queue.pause();
    await upload(page, zip(sampleZip));
    await page.waitForURL(IMPORT_PAGE);
    const path = new URL(page.url()).pathname;

    // Held in the queue: the page says so, with a progress bar, and follows the import.
    await expect(statusHeading(page).textContent()).resolves.toBe('Waiting to start');
    await expect(page.locator('progress#import-progress-bar').count()).resolves.toBe(1);
    await expect(page.getByRole('progressbar', { name: 'Waiting for its turn…' }).count()).resolves.toBe(1);
    await expect(region(page).getAttribute('data-live-url')).resolves.toBe(path);
    await expect(page.locator('head noscript').innerHTML()).resolves.toMatch(
      /^<meta http-equiv="refresh" content="2"\/?>$/,
    );
    await expectAccessible(page);

    // The site script refreshes the region, without a reload, until the import has finished.
    await queue.resume();
    await page
      .locator('[data-region="import-progress"] h2', { hasText: 'Finished' })
      .waitFor({ timeout: FINISH_MS });
    expect(new URL(page.url()).pathname).toBe(path);
    // Announced to screen readers through the status line outside the replaced region.
    await expect(page.locator('#live-status[role="status"]').textContent()).resolves.toBe('Finished');
    await expect(region(page).getAttribute('data-live-url')).resolves.toBeNull();
    await expect(page.locator('progress').count()).resolves.toBe(0);

    const counts = await page
      .locator('.import-counts > div')
      .evaluateAll((entries) =>
        entries.map((entry) => [
          entry.querySelector('dt')!.textContent,
          entry.querySelector('dd')!.textContent,
        ]),
      );
    expect(counts).toEqual([
      ['Films checked', '4'],
      ['Favourites', '1'],
      ['Watchlist', '2'],
      ['Ratings', '3'],
      ['Diary entries', '4'],
      ['Reviews', '1'],
      ['Lists', '2'],
      ['Unmatched', '1'],
    ]);
    const unmatched = page.getByRole('region', { name: 'Rows matching no film' }).getByRole('row');
    await expect(unmatched.allInnerTexts()).resolves.toEqual([
      'Title\tYear\tFile\tLine',
      'Aftersun\t2022\twatched.csv\t5',
    ]);
    await expect(
      page.getByRole('region', { name: 'Rows that could not be read' }).getByRole('row').count(),
    ).resolves.toBe(3);
    // Every file of the export is imported now: nothing is listed as left out.
    await expect(page.locator('main').textContent()).resolves.not.toContain('reviews.csv');
    await expectAccessible(page);

    // Loaded afresh, the finished page no longer refreshes itself.
    await page.reload();
    await expect(statusHeading(page).textContent()).resolves.toBe('Finished');
    await expect(page.locator('head noscript').count()).resolves.toBe(0);
    await expect(region(page).getAttribute('data-live-url')).resolves.toBeNull();
    await saveScreenshot(page, 'import-finished');

    await page.getByRole('link', { name: 'Your imports' }).first().click();
    await page.waitForURL('/my/imports');
    const entry = page.locator('.import-entry');
    await expect(entry.count()).resolves.toBe(1);
    await expect(entry.getByRole('link').getAttribute('href')).resolves.toBe(path);
    await expect(entry.getByRole('link').textContent()).resolves.toBe('letterboxd-export.zip');
    await expect(entry.locator('.import-entry-status').textContent()).resolves.toBe(
      'Finished: 4 checked, 1 row unmatched',
    );
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('refuses an upload with no file, a file of no known kind, or not of the source chosen, in words beside the form', async () => {
    const member = await registerUser(web.app);
    const { context, page } = await signedIn(member);
    await page.goto('/my/imports');
    // The browser would stop a form with no file; the server's own check is what is tested.
    await page
      .locator('form[aria-label="Import a file"]')
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Choose the exported file to import.');
    await expect(page.locator('#field-file-error').textContent()).resolves.toBe(
      'Choose the exported file to import.',
    );
    await expect(page.getByLabel('Exported file').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);

    await upload(page, {
      name: 'notes.txt',
      buffer: Buffer.from('just some notes\n'),
      mimeType: 'text/plain',
    });
    await expect(page.locator('#field-file-error').textContent()).resolves.toContain(
      'neither a Letterboxd export (.zip) nor an iCheckMovies or IMDb export',
    );
    await expectAccessible(page);

    await upload(page, zip(sampleZip), 'imdb');
    await expect(page.locator('#field-file-error').textContent()).resolves.toBe(
      'the file does not look like a imdb export (it looks like letterboxd)',
    );
    // The source chosen stays chosen.
    await expect(page.getByLabel('Exported from').inputValue()).resolves.toBe('imdb');
    await expectAccessible(page);

    // Nothing was started.
    await page.goto('/my/imports');
    await expect(page.locator('.import-entry').count()).resolves.toBe(0);
    // Only the refused forms' own 400 answers, no script or CSP error.
    expect(pageProblems(page, { except: [400] })).toEqual([]);
    expect(pageProblems(page)).toHaveLength(3);
    await context.close();
  });

  it('pages a long list of unmatched rows', async () => {
    const member = await registerUser(web.app);
    const lines = Array.from(
      { length: 150 },
      (_, index) => `2020-01-01,Nowhere Film ${index + 1},1950,https://boxd.it/n${index}`,
    );
    const unknownFilms = await letterboxdExport({
      'watched.csv': ['Date,Name,Year,Letterboxd URI', ...lines, ''].join('\n'),
    });
    const { context, page } = await signedIn(member);
    await upload(page, zip(unknownFilms, 'unknown.zip'));
    await page.waitForURL(IMPORT_PAGE);
    await statusHeading(page).filter({ hasText: 'Finished' }).waitFor({ timeout: FINISH_MS });
    await page.reload();

    const table = page.getByRole('region', { name: 'Rows matching no film' });
    await expect(page.locator('main').textContent()).resolves.toContain('Rows 1 to 100 of 150');
    await expect(table.getByRole('row').count()).resolves.toBe(101);
    await expect(table.getByRole('row').nth(1).innerText()).resolves.toBe(
      'Nowhere Film 1\t1950\twatched.csv\t2',
    );
    await page
      .getByRole('navigation', { name: 'Pages of rows' })
      .getByRole('link', { name: 'Next rows' })
      .click();
    await page.waitForURL(/cursor=100$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Rows 101 to 150 of 150');
    await expect(table.getByRole('row').count()).resolves.toBe(51);
    await expect(table.getByRole('row').last().innerText()).resolves.toBe(
      'Nowhere Film 150\t1950\twatched.csv\t151',
    );
    await expect(page.getByRole('link', { name: 'Next rows' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('keeps imports to their owner, signs anonymous readers in, and checks the upload form’s token', async () => {
    const owner = await registerUser(web.app);
    const { context, page } = await signedIn(owner);
    await upload(page, zip(sampleZip));
    await page.waitForURL(IMPORT_PAGE);
    const path = new URL(page.url()).pathname;
    await context.close();

    const stranger = await signedIn(await registerUser(web.app));
    expect((await stranger.page.goto(path))?.status()).toBe(404);
    expect((await stranger.page.goto('/my/imports/not-an-id'))?.status()).toBe(404);
    await stranger.context.close();

    const anonymous = await newVisitor(web.browser, web.baseURL);
    await anonymous.page.goto(path);
    expect(new URL(anonymous.page.url()).pathname).toBe('/sign-in');
    expect(new URL(anonymous.page.url()).searchParams.get('next')).toBe(path);
    await anonymous.context.close();

    // A multipart form without its token is refused before anything is imported.
    const refused = await request(web.app.getHttpServer())
      .post('/my/imports')
      .set('Cookie', `filmlog_session=${owner.token}`)
      .attach('file', sampleZip, 'letterboxd-export.zip');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('did not come from this site');
  });

  it('fits a phone-sized screen: the form, the imports and a result', async () => {
    const member = await registerUser(web.app);
    const { context, page } = await signedIn(member, { phone: true });
    await upload(page, zip(sampleZip, 'a-rather-long-export-file-name-from-letterboxd-2024-01-01.zip'));
    await page.waitForURL(IMPORT_PAGE);
    await statusHeading(page).filter({ hasText: 'Finished' }).waitFor({ timeout: FINISH_MS });
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.goto('/my/imports');
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
