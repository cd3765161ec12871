import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); playwright-core downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '../../artifacts');

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh, empty profile (playwright makes one per launch). The flags keep
 * it off the network (this machine has none; Chromium otherwise keeps reaching Google) and out of
 * a sandbox a root user cannot use.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A visitor with their own cookies, on a desktop or a phone-sized screen. */
export async function newVisitor(
  browser: Browser,
  baseURL: string,
  { phone = false }: { readonly phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: phone ? { width: 375, height: 740 } : { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // A CSP violation or a script error is a failure of the page, not noise.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  (page as PageWithProblems).problems = problems;
  return { context, page };
}

interface PageWithProblems extends Page {
  problems?: string[];
}

/**
 * Script errors and console errors (CSP refusals among them) seen on the page so far; `except`
 * leaves out Chromium's line for responses of those statuses, which a test caused on purpose.
 */
export const pageProblems = (
  page: Page,
  { except = [] }: { readonly except?: readonly number[] } = {},
): readonly string[] =>
  ((page as PageWithProblems).problems ?? []).filter(
    (problem) =>
      !except.some((status) => problem.includes(`the server responded with a status of ${status}`)),
  );

/** How far the page is wider than the window: above 0, a phone reader scrolls sideways. */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.2 A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect({ url: page.url(), serious }).toEqual({ url: page.url(), serious: [] });
}

/** Written on every run, for people to look at (the README shows the film page). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
