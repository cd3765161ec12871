import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/test-app.js';
import { launchBrowser, type TestBrowser } from './browser.js';

export interface WebTestApp extends TestApp {
  /** http://localhost:<port>: browsers treat localhost as secure, so the Secure cookies work. */
  readonly baseURL: string;
  readonly browser: TestBrowser['browser'];
}

/** The whole application on a free port, with a headless Chromium to drive its pages. */
export async function startWebApp(options: TestAppOptions = {}): Promise<WebTestApp> {
  const browser = await launchBrowser();
  const testApp = await startTestApp(options).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  await testApp.app.listen(0);
  const { port } = testApp.app.getHttpServer().address() as AddressInfo;
  return {
    ...testApp,
    baseURL: `http://localhost:${port}`,
    browser: browser.browser,
    close: async () => {
      await browser.close();
      await testApp.close();
    },
  };
}
