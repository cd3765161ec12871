import request from 'supertest';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/auth.js';
import { expectAccessible, horizontalOverflow, pageProblems } from './support/browser.js';
import { visitorAs } from './support/members.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: settings, a new password and signing out everywhere', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
  });

  afterAll(async () => {
    await web?.close();
  });

  const menu = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  const signedOut = async (page: Page) => {
    await page.goto('/my/settings');
    return new URL(page.url()).pathname === '/sign-in';
  };

  it('changes the password keeping this session, then signs every session out', async () => {
    const user = await registerUser(web.app);
    const here = await visitorAs(web, user);
    const phone = await visitorAs(web, user);

    await here.page.goto('/');
    await menu(here.page).getByRole('link', { name: 'Settings' }).click();
    await here.page.waitForURL('/my/settings');
    await expect(here.page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe(user.email);
    await expectAccessible(here.page);

    // A wrong current password is said beside its field, and changes nothing.
    await here.page.getByLabel('New password').fill('a brand new secret');
    await here.page.getByLabel('Current password').fill('not my password');
    await here.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(here.page.getByRole('alert').textContent()).resolves.toContain('current password is wrong');
    await expect(here.page.getByLabel('Current password').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(here.page);

    await here.page.getByLabel('New password').fill('a brand new secret');
    await here.page.getByLabel('Current password').fill(user.password);
    await here.page.getByRole('button', { name: 'Save changes' }).click();
    await here.page.waitForURL('/my/settings?saved=1');
    await expect(here.page.getByRole('status').textContent()).resolves.toContain('saved');
    await expect(menu(here.page).getByRole('link', { name: user.username }).count()).resolves.toBe(1);

    // The new password ended the phone's session; it signs in again with the new one.
    expect(await signedOut(phone.page)).toBe(true);
    await phone.page.getByLabel('Username or email').fill(user.username);
    await phone.page.getByLabel('Password').fill('a brand new secret');
    await phone.page.getByRole('button', { name: 'Sign in' }).click();
    await phone.page.waitForURL('/my/settings');

    await here.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await here.context.cookies()).some((cookie) => cookie.name === 'filmlog_session')).toBe(false);

    // The phone's page, with its old cookie, is a signed-out visitor's now.
    expect(await signedOut(phone.page)).toBe(true);
    await phone.page.goto('/');
    await expect(menu(phone.page).getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    await request(web.app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(401);
    // The refused password was answered 403 on purpose; nothing else went wrong on either page.
    expect(pageProblems(here.page, { except: [403] })).toEqual([]);
    expect(pageProblems(phone.page)).toEqual([]);
    await here.context.close();
    await phone.context.close();
  });

  it('changes the email, and names a bad one beside its field', async () => {
    const user = await registerUser(web.app);
    const { context, page } = await visitorAs(web, user);
    await page.goto(`/member/${user.username}`);
    await page.getByRole('link', { name: 'Your settings' }).click();
    await page.waitForURL('/my/settings');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email@');
    await page.getByLabel('Current password').fill(user.password);
    // The browser's own checks would stop the bad email; the server's are what is tested here.
    await page
      .locator('form[aria-label="Change email or password"]')
      .evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('email must be an email address');
    await expect(page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe('not-an-email@');
    await expectAccessible(page);

    const email = `moved.${user.email}`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL('/my/settings?saved=1');
    await expect(page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe(email);
    await request(web.app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ login: email, password: user.password })
      .expect(200);
    await context.close();
  });

  it('deletes the account with its password: the session ends and the member is gone', async () => {
    const user = await registerUser(web.app);
    const { context, page } = await visitorAs(web, user);
    await page.goto('/my/settings');
    const form = page.locator('form[aria-label="Delete your account"]');
    await form.getByLabel('Your password, to confirm').fill('not my password');
    await form.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('password is wrong');
    await expect(page.getByLabel('Your password, to confirm').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(page);
    await request(web.app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(200);

    await page.getByLabel('Your password, to confirm').fill(user.password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL('/?erased=1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('account is deleted');
    await expect(menu(page).getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    await request(web.app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(401);
    expect(pageProblems(page, { except: [403] })).toEqual([]);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const user = await registerUser(web.app);
    const { context, page } = await visitorAs(web, user, { phone: true });
    await page.goto('/my/settings');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });
});
