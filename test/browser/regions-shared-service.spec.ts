// Leidschendam-Voorburg, Voorschoten and Wassenaar: one shared service works for the three municipalities (issue #15).
// Its consultant sees the clients of all three in one caseload with their municipality, and opening a client makes the
// portal work for that client's municipality; a municipality's own consultant sees only its own clients.
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const MUNICIPALITIES = ['Gemeente Leidschendam-Voorburg', 'Gemeente Voorschoten', 'Gemeente Wassenaar'];

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => portal.query<T>(sql, params);

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

describe('budget per municipality and route estimate (Leidschendam-Voorburg, Voorschoten, Wassenaar)', () => {
  it('shows the projectleider each municipality budget with its spend, and the route estimate against demand, editable with field errors', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'projectleider@lvw.demo.nl', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.goto(`${portal.url}/cijfers`);
    const budgets = page.getByRole('table', { name: /Budget en uitgaven per gemeente/ });
    await budgets.waitFor();
    expect(await budgets.getByRole('rowheader').allInnerTexts()).toEqual(MUNICIPALITIES);
    expect(await budgets.innerText()).toContain('€\u00a01.250.000,00');

    const summary = page.getByTestId('route-demand-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/^Werkelijke vraag over \d+ inburgeraars met een PIP: B1-route .*\(geschat 55%\), Z-route .*\(geschat 25%\), Onderwijsroute .*\(geschat 20%\)/);
    await page.getByRole('table', { name: 'Routeschatting tegen werkelijke vraag' }).waitFor();
    await page.locator('.portal-figures-chart .recharts-wrapper').last().waitFor();
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main, main > *, main section > *:not(.portal-scroll-x)'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    await expectNoAxeViolations(page);

    // 55 + 20 + 20 = 95: the summary names the field and the sum; then a valid estimate is saved.
    await page.getByLabel('Z-route (%)').fill('20');
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    const errors = page.locator('.portal-error-summary').last();
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/B1-route \(%\).*95%/s);
    await expectNoAxeViolations(page);
    await page.getByLabel('B1-route (%)').fill('50');
    await page.getByLabel('Z-route (%)').fill('30');
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    await page.getByText('De routeschatting is opgeslagen.').waitFor();
    await page.getByText(/\(geschat 30%\)/).waitFor();
    expect(await page.getByText('De routeschatting is opgeslagen.').count()).toBe(1);
    const [stored] = await query<{ z: number }>(`SELECT z_percent AS z FROM region_route_estimate e JOIN organisation r ON r.id = e.region_id WHERE r.name = 'Leidschendam-Voorburg, Voorschoten en Wassenaar'`);
    expect(stored.z).toBe(30);
    await saveScreenshot(page, 'route-estimate-390');
  });

  it('lets a municipality consultant set the own budget, and see only the own municipality', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@voorschoten.demo.nl', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.goto(`${portal.url}/cijfers`);
    const budgets = page.getByRole('table', { name: /Budget en uitgaven per gemeente/ });
    await budgets.waitFor();
    expect(await budgets.getByRole('rowheader').allInnerTexts()).toEqual(['Gemeente Voorschoten']);
    expect(await page.getByTestId('route-demand-summary').count()).toBe(0);
    await page.getByLabel('Budget in euro').fill('veel');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.portal-error-summary').getByText(/Vul het budget in als bedrag in euro/).first().waitFor();
    await page.getByLabel('Budget in euro').fill('450.000');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(/Het budget van Gemeente Voorschoten voor \d{4} is opgeslagen\./).waitFor();
    await budgets.getByText('€\u00a0450.000,00').waitFor();
    await expectNoAxeViolations(page);
  });
});
