import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { bearer, registerUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { unzipFiles } from '../support/zip-files.js';
import { expectAccessible, newVisitor, pageProblems, saveScreenshot } from './support/browser.js';
import { signInAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

const FINISH_MS = 30_000;

describe('web: export your data', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
  });

  afterAll(async () => {
    await web?.close();
  });

  it('asks for an export on the imports page, follows it live, and downloads a zip', async () => {
    const member = await registerUser(web.app);
    const film = await addFilm(web.app, { title: 'Exported in the browser', year: 1999 });
    await request(web.app.getHttpServer())
      .put(`/api/v1/films/${film.id}/favourite`)
      .set('Authorization', bearer(member))
      .expect(200);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await signInAs(context, web.baseURL, member);

    await page.goto('/my/imports');
    const section = page.locator('[data-region="export-status"]');
    await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Export your data');
    await expectAccessible(page);
    await section.getByRole('button', { name: 'Export my data' }).click();
    await page.waitForURL(/\/my\/imports/);

    // The site script refreshes the section until the archive is ready.
    const link = section.getByRole('link', { name: 'Download your archive' });
    await link.waitFor({ timeout: FINISH_MS });
    await expect(section.getAttribute('data-live-url')).resolves.toBeNull();
    await expectAccessible(page);
    await saveScreenshot(page, 'export-your-data');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^filmlog-export-\d{4}-\d\d-\d\d\.zip$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const files = await unzipFiles(bytes);
    expect(files.get('likes/films.csv')!.toString()).toContain('Exported in the browser,1999');
    expect(JSON.parse(files.get('filmlog.json')!.toString())).toMatchObject({ format: 'filmlog-export' });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('lets no one else download a member’s archive', async () => {
    const [owner, other] = [await registerUser(web.app), await registerUser(web.app)];
    const started = await request(web.app.getHttpServer())
      .post('/api/v1/me/exports')
      .set('Authorization', bearer(owner))
      .expect(202);
    const { context, page } = await newVisitor(web.browser, web.baseURL);
    await signInAs(context, web.baseURL, other);
    const response = await page.goto(`/my/exports/${(started.body as { id: string }).id}/file`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
