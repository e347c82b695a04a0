import { previousQuarter, quarterLabel, calendarDateInAmsterdam } from '@inburgering/domain';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, logInAndOpen, newPortalContext, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { DEFAULT_PORTAL_DIST, startTestPlatform, type TestPlatform } from '../support/test-platform';

// One platform with a worker (it makes the reports) and one Chromium for the projectleider's report screens.
let platform: TestPlatform;
let browser: Browser;
const B1 = 'B1-route Midden-Gelderland';
const past = quarterLabel(previousQuarter(calendarDateInAmsterdam(new Date())));

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ portalDist: DEFAULT_PORTAL_DIST, worker: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function loggedIn(path: string): Promise<Page> {
  const page = await (await newPortalContext(browser)).newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return logInAndOpen(page, platform.url, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD, path);
}

const tooWide = (page: Page) => page.evaluate(() =>
  Array.from(document.querySelectorAll('main, main > *, main section > *:not(.portal-scroll-x):not(.utrecht-table-container)'))
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)
    .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));

describe('kwartaalrapportages', () => {
  it('lets the projectleider make the lot report for a chosen quarter, follow it to ready, download XLSX and PDF, and make a second version', async () => {
    const pg = new Client({ connectionString: platform.databaseUrl });
    await pg.connect();
    const lotId = (await pg.query(`SELECT id FROM lot WHERE name = $1`, [B1]).finally(() => pg.end())).rows[0].id;
    const page = await loggedIn(`/perceel/cijfers?id=${lotId}`);
    const section = page.getByRole('region', { name: 'Kwartaalrapportages', exact: true });
    await section.waitFor();
    await section.getByText('Nog geen kwartaalrapportages.').waitFor();
    await section.getByLabel('Kwartaal', { exact: true }).selectOption({ label: past });
    await section.getByRole('button', { name: 'Rapportage maken' }).click();
    const status = section.getByRole('status').filter({ hasText: 'De rapportage' });
    await status.filter({ hasText: `De rapportage ${past} (versie 1) is klaar om te downloaden.` }).waitFor({ timeout: 30_000 });
    const table = section.getByRole('table', { name: /Gemaakte kwartaalrapportages/ });
    const row = table.getByRole('row').filter({ hasText: past });
    expect(await row.innerText()).toMatch(/B1-route Midden-Gelderland[\s\S]*Klaar[\s\S]*\d{2}-\d{2}-\d{4}/);
    const xlsx = await page.request.get(`${platform.url}${await row.getByRole('link', { name: /Excel \(XLSX\)/ }).getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const pdf = await page.request.get(`${platform.url}${await row.getByRole('link', { name: /PDF/ }).getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await tooWide(page)).toEqual([]);
    await saveScreenshot(page, 'quarterly-reports');
    await expectNoAxeViolations(page);

    await section.getByRole('button', { name: 'Rapportage maken' }).click();
    await status.filter({ hasText: `De rapportage ${past} (versie 2) is klaar om te downloaden.` }).waitFor({ timeout: 30_000 });
    expect(await table.getByRole('row').filter({ hasText: past }).count()).toBe(2);
  });

  it('shows the region reports on the dashboard, and a Dutch error for a quarter that is refused', async () => {
    const page = await loggedIn('/cijfers');
    const section = page.getByRole('region', { name: 'Kwartaalrapportages', exact: true });
    await section.waitFor();
    // The lot report of the first test is listed on the dashboard too (all of the region's reports).
    await section.getByRole('table', { name: /Gemaakte kwartaalrapportages/ }).getByRole('row').filter({ hasText: B1 }).first().waitFor();
    // A tampered choice (a quarter in the future) gets the API's Dutch message next to the field.
    await section.getByLabel('Kwartaal', { exact: true }).evaluate((select: HTMLSelectElement) => {
      const option = document.createElement('option');
      option.value = '2099-1';
      option.text = '2099-K1';
      select.add(option);
    });
    await section.getByLabel('Kwartaal', { exact: true }).selectOption('2099-1');
    await section.getByRole('button', { name: 'Rapportage maken' }).click();
    await section.getByText('Dit kwartaal is nog niet begonnen').first().waitFor();
    await expectNoAxeViolations(page);
  });
});
