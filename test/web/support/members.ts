import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestUser } from '../../support/auth.js';
import { SESSION_COOKIE } from '../../../src/web/http/web-session.js';
import { newVisitor } from './browser.js';

/** Signs a member up through the sign-up page, as a visitor would; lands on the home page. */
export async function signUpThroughPage(page: Page, username: string, password = `pw-${username}-secret`) {
  await page.goto('/sign-up');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username.toLowerCase()}@example.org`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('/');
  return { username, password };
}

/** Signs in a member registered over the API by handing the browser their token as the session cookie. */
export async function signInAs(context: BrowserContext, baseURL: string, user: TestUser): Promise<void> {
  await context.addCookies([
    { name: SESSION_COOKIE, value: user.token, url: baseURL, httpOnly: true, secure: true, sameSite: 'Lax' },
  ]);
}

/** A visitor of their own, signed in as the member when one is given. */
export async function visitorAs(
  web: { readonly browser: Browser; readonly baseURL: string },
  user?: TestUser,
  options: { readonly phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const visitor = await newVisitor(web.browser, web.baseURL, options);
  if (user) await signInAs(visitor.context, web.baseURL, user);
  return visitor;
}
