import request from 'supertest';
import type { Page } from 'playwright-core';
import { AccessTokens } from '../../src/modules/identity/auth/access-tokens.js';
import { registerUser, uniqueUsername } from '../support/auth.js';
import { expectAccessible, horizontalOverflow, newVisitor, pageProblems } from './support/browser.js';
import { signUpThroughPage } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: sign up, sign in, sign out', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp();
  });

  afterAll(async () => {
    await web?.close();
  });

  const visitor = () => newVisitor(web.browser, web.baseURL);
  const signedInName = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link').nth(1);

  it('signs a visitor up into a session that the pages and the header know', async () => {
    const { context, page } = await visitor();
    const username = uniqueUsername('web');
    await page.goto('/');
    await expectAccessible(page);
    await signUpThroughPage(page, username);

    await expect(signedInName(page).textContent()).resolves.toBe(username);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'filmlog_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    // The cookie holds the API's own access token: the same identity on both.
    const me = await request(web.app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${session!.value}`)
      .expect(200);
    expect(me.body).toMatchObject({ username });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows each bad field beside the form, keeps what was typed, and is accessible', async () => {
    const { context, page } = await visitor();
    await page.goto('/sign-up');
    await expectAccessible(page);
    await page.getByLabel('Username').fill('no');
    await page.getByLabel('Email').fill('not-an-email@');
    await page.getByLabel('Password').fill('short');
    // The browser's own checks would stop the bad email; the server's are what is tested here.
    await page
      .locator('form[aria-label="Create an account"]')
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Create account' }).click();

    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('username must be 3 to 30 letters');
    await expect(alert.textContent()).resolves.toContain('password must be at least 8 characters');
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe('no');
    await expect(page.getByLabel('Username').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);
    await context.close();
  });

  it('signs in with a wrong password refused in words, then the right one, back to where the reader was', async () => {
    const user = await registerUser(web.app);
    const { context, page } = await visitor();
    await page.goto('/search?q=casablanca');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
    await expectAccessible(page);
    await page.getByLabel('Username or email').fill(user.username);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/wrong|invalid/i);

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('/search?q=casablanca');
    await expect(signedInName(page).textContent()).resolves.toBe(user.username);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('/');
    const menu = page.getByRole('navigation', { name: 'Main' });
    await expect(menu.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    expect((await context.cookies()).some((cookie) => cookie.name === 'filmlog_session')).toBe(false);
    await context.close();
  });

  it('refuses a form without its CSRF token, or with another session’s', async () => {
    const server = web.app.getHttpServer();
    const user = await registerUser(web.app);
    const noToken = await request(server)
      .post('/sign-in')
      .type('form')
      .send({ login: user.username, password: user.password });
    expect(noToken.status).toBe(403);
    expect(noToken.headers['content-type']).toMatch(/^text\/html/);
    expect(noToken.text).toContain('did not come from this site');

    // A token and cookie from an anonymous page do not sign out a signed-in session.
    const agent = request.agent(server);
    const form = await agent.get('/sign-in').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    await agent
      .post('/sign-out')
      .set('Cookie', [
        `filmlog_session=${user.token}`,
        ...(form.headers['set-cookie'] as unknown as string[]),
      ])
      .type('form')
      .send({ _csrf: token })
      .expect(403);
  });

  it('renews a session in use past half its life, and leaves a fresh one alone', async () => {
    const user = await registerUser(web.app);
    const server = web.app.getHttpServer();
    const sessionCookieOf = (response: request.Response) =>
      ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((cookie) =>
        cookie.startsWith('filmlog_session='),
      );
    const fresh = await request(server).get('/').set('Cookie', `filmlog_session=${user.token}`).expect(200);
    expect(sessionCookieOf(fresh)).toBeUndefined();

    const ageing = await new AccessTokens(web.config.jwtSecret, 120).issue(user);
    const renewed = await request(server).get('/').set('Cookie', `filmlog_session=${ageing}`).expect(200);
    const cookie = sessionCookieOf(renewed);
    expect(cookie).toMatch(/HttpOnly/);
    const token = /^filmlog_session=([^;]+)/.exec(cookie!)![1]!;
    expect(token).not.toBe(ageing);
    await request(server).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('serves pages under a strict Content-Security-Policy, with no inline script or style', async () => {
    const response = await request(web.app.getHttpServer()).get('/sign-up').expect(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\sstyle=|<style/);
    expect(response.text).not.toMatch(/\son[a-z]+=/);
  });

  it('answers an unknown page with an HTML 404, and an unknown API path still with problem+json', async () => {
    const server = web.app.getHttpServer();
    const page = await request(server).get('/no-such-page').set('Accept', 'text/html').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Page not found');
    const api = await request(server).get('/api/v1/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends a signed-out reader of a members-only page to sign in and back', async () => {
    const { context, page } = await visitor();
    await page.goto('/my/imports');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/my/imports');
    await context.close();
  });

  it('can be used by keyboard alone: skip link first, then every control in order', async () => {
    const user = await registerUser(web.app);
    const { context, page } = await visitor();
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-login');
    await page.keyboard.type(user.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('/');
    await expect(signedInName(page).textContent()).resolves.toBe(user.username);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const { context, page } = await newVisitor(web.browser, web.baseURL, { phone: true });
    await page.goto('/sign-up');
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });
});
