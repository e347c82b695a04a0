// One platform (API + seeded database + built portal) and one Chromium per spec file; a fresh context per test.
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logInThroughForm, newPortalContext } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { DEFAULT_PORTAL_DIST, startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../support/test-platform';

export interface PortalFixture {
  readonly url: string;
  readonly browser: Browser;
  /** The seeded test database, for a test that sets up a situation the portal cannot create (a waiting client). */
  readonly databaseUrl: string;
  /** Rows of one SQL query on the seeded test database, on a connection of its own. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A new page in its own context (no cookies), on the portal's start URL. */
  openPortal(path?: string, options?: { bypassCSP?: boolean }): Promise<Page>;
}

/** `config`: further API config for this spec file's platform (e.g. `{ secondFactor: 'required' }`). */
export function usePortal(config?: TestPlatformOptions['config']): PortalFixture {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform({ portalDist: DEFAULT_PORTAL_DIST, ...(config ? { config } : {}) }), launchBrowser()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  return {
    get url() {
      if (!platform) throw new Error('platform not started');
      return platform.url;
    },
    get databaseUrl() {
      if (!platform) throw new Error('platform not started');
      return platform.databaseUrl;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      if (!platform) throw new Error('platform not started');
      const pg = new Client({ connectionString: platform.databaseUrl });
      await pg.connect();
      try {
        return (await pg.query(sql, params)).rows as T[];
      } finally {
        await pg.end();
      }
    },
    async openPortal(path = '/', options = {}) {
      if (!browser || !platform) throw new Error('platform not started');
      const context = await newPortalContext(browser, options);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${platform.url}${path}`);
      return page;
    },
  };
}

/** A link of the main menu, by its exact text, also when it sits in a closed group (to click one, use clickMenu). */
export const menuLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true, includeHidden: true });

/** Logs in as the Midden-Gelderland projectleider and waits for the start page (capacity). */
export async function logInAsProjectleider(portal: PortalFixture): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Capaciteit en wachtlijst' }).waitFor();
  return page;
}
