import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInThroughForm } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { placeClients } from '../support/hours-fixtures';
import { usePortal } from './portal-fixture';

const portal = usePortal();

/** A database connection for one step (the portal fixture drops the database after the file, so none stays open). */
async function withPg<T>(work: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}

async function loggedIn(email: string, path: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  await page.goto(`${portal.url}${path}`);
  return page;
}

const optionTexts = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('option').allInnerTexts();

describe('the result form offers only what the client\'s route allows', () => {
  it('opens on the eindgesprek for a Z-route client, and offers exams only at A2', async () => {
    const [client] = await withPg((pg) => placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'Z', count: 1, groupName: 'Z-resultaat' }));
    const page = await loggedIn('aanbieder@newbees.demo.nl', `/voortgang?client=${client.clientId}`);
    await page.getByRole('heading', { level: 2, name: 'Resultaat vastleggen' }).waitFor();
    expect(await page.getByLabel('Soort resultaat').inputValue()).toBe('Z_COMPLETION');
    expect(await optionTexts(page, 'Soort resultaat')).toEqual(['Eindgesprek Z-route', 'KNM', 'MAP', 'PVT', 'Examenonderdeel']);
    await page.getByLabel('Soort resultaat').selectOption('EXAM');
    expect(await optionTexts(page, 'Niveau')).toEqual(['A2']);
    await expectNoAxeViolations(page);
  });

  it('offers no MAP and no A2 in the Onderwijsroute', async () => {
    const [client] = await withPg((pg) => placeClients(pg, { provider: 'HAN Hogeschool van Arnhem en Nijmegen', municipality: 'GM0202', route: 'ONDERWIJS', count: 1, groupName: 'OR-resultaat' }));
    const page = await loggedIn('aanbieder@han.demo.nl', `/voortgang?client=${client.clientId}`);
    await page.getByRole('heading', { level: 2, name: 'Resultaat vastleggen' }).waitFor();
    expect(await optionTexts(page, 'Soort resultaat')).toEqual(['Taalschakeltraject', 'Examenonderdeel', 'KNM', 'PVT']);
    await page.getByLabel('Soort resultaat').selectOption('EXAM');
    expect(await optionTexts(page, 'Niveau')).toEqual(['B1', 'B2']);
  });
});
