// Leidschendam-Voorburg, Voorschoten and Wassenaar: one shared service works for the three municipalities (issue #15).
// Its consultant sees the clients of all three in one caseload with their municipality, and opening a client makes the
// portal work for that client's municipality; a municipality's own consultant sees only its own clients.
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const MUNICIPALITIES = ['Gemeente Leidschendam-Voorburg', 'Gemeente Voorschoten', 'Gemeente Wassenaar'];

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    return (await pg.query(sql, params)).rows as T[];
  } finally {
    await pg.end();
  }
}

async function caseloadAs(email: string, width = 1366): Promise<Page> {
  const page = await portal.openPortal('/');
  await page.setViewportSize({ width, height: 844 });
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
  await page.getByRole('table').first().waitFor();
  return page;
}

const namesOf = async (municipality: string) =>
  (await query<{ name: string }>(`SELECT c.last_name || ', ' || c.first_name AS name FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.name = $1`, [municipality]))
    .map((r) => r.name)
    .sort();

describe('the shared service of Leidschendam-Voorburg, Voorschoten and Wassenaar', () => {
  it('shows the shared-service consultant the clients of all three municipalities, each with its municipality, filterable', async () => {
    const page = await caseloadAs('consulent@uitvoeringsdienst-lvw.demo.nl');
    const table = page.getByRole('table').first();
    await table.getByRole('columnheader', { name: /Gemeente/ }).waitFor();
    const cells = await table.getByRole('cell').allInnerTexts();
    for (const municipality of MUNICIPALITIES) expect(cells).toContain(municipality);
    await expect(page.getByLabel('Werkt voor').inputValue()).resolves.toBeTruthy();
    await expectNoAxeViolations(page);

    // Only Wassenaar: every row is a Wassenaar client, and all of them are there.
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Wassenaar' });
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL(/gemeente=/);
    await page.getByRole('table').first().getByRole('cell', { name: 'Gemeente Voorschoten' }).first().waitFor({ state: 'detached' });
    const rows = (await page.getByRole('table').first().getByRole('rowheader').allInnerTexts()).map((t) => t.trim()).sort();
    expect(rows).toEqual(await namesOf('Gemeente Wassenaar'));

    // Opening a Wassenaar client makes the portal work for Wassenaar.
    await page.getByRole('table').first().getByRole('rowheader').first().getByRole('link').click();
    const [lastName, firstName] = rows[0].split(', ');
    await page.getByRole('heading', { level: 1, name: `${firstName} ${lastName}` }).waitFor();
    expect(await page.locator('#acting-municipality option:checked').innerText()).toBe('Gemeente Wassenaar');
    await expectNoAxeViolations(page);
  });

  it('fits a 390 px wide screen with the municipality choice in the header', async () => {
    const page = await caseloadAs('consulent@uitvoeringsdienst-lvw.demo.nl', 390);
    await page.getByLabel('Werkt voor').selectOption({ label: 'Gemeente Voorschoten' });
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await page.locator('#acting-municipality option:checked').innerText()).toBe('Gemeente Voorschoten');
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('header, header *, main, main > *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    await saveScreenshot(page, 'shared-service-caseload-390');
    await expectNoAxeViolations(page);
  });

  it('shows a municipality consultant only the own clients, without a municipality choice', async () => {
    const page = await caseloadAs('consulent@voorschoten.demo.nl');
    const table = page.getByRole('table').first();
    expect(await table.getByRole('columnheader', { name: /^Gemeente/ }).count()).toBe(0);
    expect(await page.getByLabel('Werkt voor').count()).toBe(0);
    const rows = (await table.getByRole('rowheader').allInnerTexts()).map((t) => t.trim()).sort();
    expect(rows).toEqual(await namesOf('Gemeente Voorschoten'));
    await expectNoAxeViolations(page);
  });
});
