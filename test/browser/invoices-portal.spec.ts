import { readFile } from 'node:fs/promises';
import { addMonths } from '@inburgering/domain';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, logInAndOpen, newPortalContext } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { placeClients, today } from '../support/hours-fixtures';
import { waitFor } from '../support/wait-for';
import { DEFAULT_PORTAL_DIST, startTestPlatform, type TestPlatform } from '../support/test-platform';

// The main invoice path in the portal: the provider makes and submits a proposal, Arnhem approves it, the projectleider sees the spend.
let platform: TestPlatform;
let browser: Browser;
let pg: Client;
const month = addMonths(today(), -6).slice(0, 7);

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ portalDist: DEFAULT_PORTAL_DIST }), launchBrowser()]);
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 2, groupName: 'Factuurgroep', startDate: `${month}-06` });
});
afterAll(async () => {
  await pg.end();
  await browser?.close();
  await platform?.close();
});

async function loggedIn(email: string, path: string): Promise<Page> {
  return logInAndOpen(await (await newPortalContext(browser)).newPage(), platform.url, email, DEMO_PASSWORD, path);
}

const monthLabel = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('nl-NL', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

jest.setTimeout(180_000);

describe('facturen in het portaal', () => {
  it('lets the provider make and submit a proposal, the municipality approve it, and the projectleider see it against the ceiling', async () => {
    const provider = await loggedIn('aanbieder@newbees.demo.nl', '/facturen');
    await provider.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
    const contract = provider.getByLabel('Contract');
    const options = await contract.locator('option').allInnerTexts();
    await contract.selectOption({ label: options.find((o) => o.startsWith('B1') && o.includes('Midden-Gelderland'))! });
    await provider.getByLabel('Maand', { exact: true }).fill(month);
    await provider.getByRole('button', { name: 'Voorstel maken' }).click();
    await provider.getByRole('status').filter({ hasText: 'factuurvoorstel' }).waitFor();
    await expectNoAxeViolations(provider);
    const label = `${monthLabel(month)} Gemeente Arnhem`;
    await provider.getByLabel(`Uw kenmerk ${label}`).fill('NB-BROWSER-1');
    await provider.getByRole('button', { name: `Indienen ${label}` }).click();
    await provider.getByRole('status').filter({ hasText: 'ingediend' }).waitFor();

    const arnhem = await loggedIn('consulent@arnhem.demo.nl', '/facturen/beoordelen');
    await arnhem.getByRole('heading', { name: 'Facturen beoordelen', level: 1 }).waitFor();
    const approve = arnhem.getByRole('button', { name: `Goedkeuren ${monthLabel(month)} New Bees` });
    await approve.first().click();
    await arnhem.getByRole('status').filter({ hasText: 'goedgekeurd' }).waitFor();
    await expectNoAxeViolations(arnhem);
    const { rows } = await pg.query(`SELECT number FROM invoice WHERE provider_reference = 'NB-BROWSER-1' AND status = 'APPROVED'`);
    expect(rows[0].number).toMatch(/^F\d{4}-\d{5}$/);

    // A ceiling just at what New Bees' B1 contract has approved: the projectleider sees it reached.
    await pg.query(
      `UPDATE contract k SET ceiling_cents = (SELECT sum(CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -il.amount_cents ELSE il.amount_cents END) FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id
                                              WHERE i.contract_id = k.id AND i.status = 'APPROVED' AND il.status <> 'DISPUTED')
        FROM invoice i WHERE i.contract_id = k.id AND i.provider_reference = 'NB-BROWSER-1'`,
    );
    const region = await loggedIn('projectleider@midden-gelderland.demo.nl', '/facturen/contracten');
    await region.getByRole('table', { name: 'Facturatie per contract' }).waitFor();
    const overview = await region.getByRole('table', { name: 'Facturatie per contract' }).innerText();
    expect(overview).toContain('New Bees');
    expect(overview).toContain('100% (plafond bereikt)');
    await expectNoAxeViolations(region);
  });

  it('leads the consultant from a contract\'s realised spend in the figures to the approved invoices it sums, and back to all contracts', async () => {
    const page = await loggedIn('consulent@arnhem.demo.nl', '/cijfers');
    await page.getByRole('heading', { name: 'Besteding tegen het plafond', level: 3 }).waitFor();
    await page.getByRole('link', { name: /goedgekeurde facturen van New Bees/ }).first().click();
    await page.getByRole('heading', { name: 'Facturen beoordelen', level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('APPROVED');
    const notice = page.getByRole('status').filter({ hasText: 'Alleen de facturen van' });
    // Named after the contract once its invoices are in.
    await waitFor('the notice names the contract', async () => /^Alleen de facturen van .+: New Bees\. Alle contracten tonen$/.test(await notice.innerText()));
    expect(await page.getByLabel('Status').inputValue()).toBe('APPROVED');
    const table = page.getByRole('table', { name: /Facturen/ }).first();
    await table.locator('tbody tr').first().waitFor();
    const { rows: [contract] } = await pg.query(`SELECT l.name AS lot FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id = $1`, [url.searchParams.get('contract')]);
    for (const text of await table.locator('tbody tr').allInnerTexts()) expect(text).toContain(contract.lot);
    await expectNoAxeViolations(page);
    await notice.getByRole('link', { name: 'Alle contracten tonen' }).click();
    await page.waitForURL((u) => !u.searchParams.has('contract'));
    // The address changes before React renders the page without the contract: wait for the notice to go.
    await waitFor('the notice is gone', async () => (await page.getByRole('status').filter({ hasText: 'Alleen de facturen van' }).count()) === 0);
  });

  it('gives Arnhem\'s financial officer only the invoices to approve, with the demo credit note and the invoice it credits', async () => {
    const finance = await loggedIn('financien@arnhem.demo.nl', '/facturen/beoordelen');
    await finance.getByRole('heading', { name: 'Facturen beoordelen', level: 1 }).waitFor();
    await finance.getByLabel('Status').selectOption({ label: 'Goedgekeurd' });
    await finance.getByRole('cell', { name: /^Creditnota bij F\d{4}-\d{5}$/ }).first().waitFor();
    const menu = await finance.getByRole('navigation', { name: 'Hoofdmenu' }).innerText();
    expect(menu).toContain('Facturen beoordelen');
    expect(menu).not.toContain('Inburgeraars');
    await expectNoAxeViolations(finance);
  });

  it('pages the provider\'s invoices with Vorige/Volgende at 390 px, keeps the page in the address, and exports every page', async () => {
    // 70 proposals of New Bees to Arnhem, one per month from 1900 on (after every real invoice in the list, which is newest first).
    await pg.query(
      `INSERT INTO invoice (document_type, provider_id, contract_id, paying_municipality_id, month, status, provider_reference)
       SELECT 'INVOICE', k.provider_id, k.id, m.id, (date '1900-01-01' + make_interval(months => g))::date, 'PROPOSAL', 'BROWSERPAGINA-' || g
         FROM (SELECT k.id, k.provider_id FROM contract k JOIN organisation p ON p.id = k.provider_id JOIN lot l ON l.id = k.lot_id
                WHERE p.name = 'New Bees' AND l.subject = 'B1' ORDER BY k.created_at LIMIT 1) k
        CROSS JOIN organisation m CROSS JOIN generate_series(0, 69) g
        WHERE m.cbs_code = 'GM0202'`,
    );
    const { rows: [{ total }] } = await pg.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM invoice i JOIN organisation p ON p.id = i.provider_id WHERE p.name = 'New Bees'`,
    );
    expect(total).toBeGreaterThanOrEqual(70);
    const shown = (n: number) => n.toLocaleString('nl-NL');
    const page = await loggedIn('aanbieder@newbees.demo.nl', '/facturen');
    await page.setViewportSize({ width: 390, height: 844 });
    const table = page.getByRole('table', { name: 'Facturen', exact: true });
    const pager = page.getByRole('navigation', { name: 'Paginering', exact: true });
    await pager.getByText(`1–50 van ${shown(total)}`, { exact: true }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    // An amount is read as one: on a phone "€ 0,00" does not break after the euro sign (each invoice is a card there).
    // The lines of the cell's text only: the card's value box and its text line start at slightly different heights.
    const linesPerAmount = await table.evaluate((el) => Array.from(el.querySelectorAll('td')).filter((td) => td.textContent?.includes('€')).map((td) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) tops.add(Math.round(rect.top));
      }
      return tops.size;
    }));
    expect(linesPerAmount).toHaveLength(50);
    expect(linesPerAmount.filter((lines) => lines > 1)).toEqual([]);

    await pager.getByRole('button', { name: 'Volgende', exact: true }).focus();
    await page.keyboard.press('Enter');
    await pager.getByText(`51–${shown(Math.min(100, total))} van ${shown(total)}`, { exact: true }).waitFor();
    expect(page.url()).toContain('vanaf=50');
    await page.reload();
    await pager.getByText(`51–${shown(Math.min(100, total))} van ${shown(total)}`, { exact: true }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(Math.min(100, total) - 50);
    // The oldest test proposal (January 1900) is on the last page.
    const lastOffset = Math.floor((total - 1) / 50) * 50;
    await page.goto(`${platform.url}/facturen?vanaf=${lastOffset}`);
    await table.getByRole('rowheader', { name: 'januari 1900' }).waitFor();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren naar CSV (Excel)' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(total + 1);
    expect(lines.filter((line) => line.startsWith('januari 1900;'))).toHaveLength(1);

    await pager.getByRole('button', { name: 'Vorige', exact: true }).click();
    await pager.getByText(`${shown(lastOffset - 49)}–${shown(lastOffset)} van ${shown(total)}`, { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('vanaf') ?? '0').toBe(String(lastOffset - 50));
  });
});
