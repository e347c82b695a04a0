import { addMonths } from '@inburgering/domain';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, logInAndOpen, newPortalContext } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { placeClients, today } from '../support/hours-fixtures';
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

    const region = await loggedIn('projectleider@midden-gelderland.demo.nl', '/facturen/contracten');
    await region.getByRole('table', { name: 'Facturatie per contract' }).waitFor();
    expect(await region.getByRole('table', { name: 'Facturatie per contract' }).innerText()).toContain('New Bees');
    await expectNoAxeViolations(region);
  });
});
