import { CapacityOverviewDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import type { Locator, Page } from 'playwright-core';
import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot, tableRow } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { contractIdOf, lotIdByName } from '../support/procurement-helpers';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const LIEMERS = 'B1-route Liemerse kavel';

async function openCapacity(email: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Capaciteit en wachtlijst' }).waitFor();
  await page.getByRole('table', { name: 'Capaciteit per perceel' }).waitFor();
  return page;
}

/** The cells of a lot's row in the capacity table, by column header. */
const lotRow = (table: Locator, lotName: string): Promise<Record<string, string>> => tableRow(table, lotName);

/** Puts a client of Duiven on the waiting list of the Liemerse kavel, as a full start moment would. */
async function putClientOnWaitingList(): Promise<void> {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    const [client] = (await pg.query(
      `SELECT c.id, c.municipality_id FROM client c JOIN organisation m ON m.id = c.municipality_id
        WHERE m.cbs_code = 'GM0226' AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id) LIMIT 1`,
    )).rows;
    const lotId = await lotIdByName(pg, LIEMERS);
    const contractId = await contractIdOf(pg, LIEMERS, 'Sagenn');
    await pg.query(
      `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, idempotency_key)
       SELECT $1::uuid, $2::uuid, $3::uuid, c.id, c.provider_id, 'B1', 'WAITING', now(), 'browsertest:' || $1::text FROM contract c WHERE c.id = $4`,
      [client.id, client.municipality_id, lotId, contractId],
    );
  } finally {
    await pg.end();
  }
}

describe('regio: capaciteit en wachtlijst', () => {
  it('is the projectleider home page, shows seats, taken and free per lot as the API counts them, and a new waiting client the same day', async () => {
    const page = await openCapacity('projectleider@midden-gelderland.demo.nl');
    expect(await page.title()).toBe('Capaciteit en wachtlijst - Inburgering Regio');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
    expect(await menu.allInnerTexts()).toEqual(['Capaciteit', 'Percelen', 'Contracten', 'Kwaliteit beoordelen', 'Regio-inrichting', 'Facturatie per contract', 'Cijfers']);

    const api = await loginAs(portal.url, 'projectleider@midden-gelderland.demo.nl');
    const before = (await api.ok(CapacityOverviewDocument, {})).capacityOverview;
    const table = page.getByRole('table', { name: 'Capaciteit per perceel' });
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(before.lots.map((lot) => lot.lotName));
    for (const name of ['B1-route Midden-Gelderland', LIEMERS, 'Z-route Midden-Gelderland', 'Onderwijsroute Midden-Gelderland', 'Participatieverklaringstraject (PVT)']) {
      const expected = before.lots.find((lot) => lot.lotName === name)!;
      const row = await lotRow(table, name);
      expect([row.Plaatsen, row.Bezet, row.Vrij]).toEqual([String(expected.seats), String(expected.taken), String(expected.free)]);
    }
    // The bar chart repeats the numbers in text; the table stays the source.
    expect(await mainText(page)).toContain('Bezetting per perceel');
    await saveScreenshot(page, 'procurement-capacity-before');
    await expectNoAxeViolations(page);

    const waitingBefore = before.lots.find((lot) => lot.lotName === LIEMERS)!.waiting;
    await putClientOnWaitingList();
    await page.reload();
    await table.waitFor();
    const after = await lotRow(table, LIEMERS);
    expect(after.Wachtend).toBe(`${waitingBefore + 1} wachtend`);
    expect(after['Wacht sinds']).toMatch(/^\d{1,2}-\d{1,2}-\d{4} \(\d+ dag(en)?\)$/);
    const alert = page.getByRole('main').locator('.portal-waiting-alert');
    expect(await alert.innerText()).toContain(`${LIEMERS}: ${waitingBefore + 1} wachtend`);
    const demand = page.getByRole('table', { name: 'Wachtende inburgeraars per gemeente en perceel' });
    expect(await demand.getByRole('row').filter({ hasText: 'Duiven' }).filter({ hasText: LIEMERS }).count()).toBe(1);
    await saveScreenshot(page, 'procurement-capacity-waiting');
    await expectNoAxeViolations(page);
  });

  it('shows a consultant the capacity of the lots that cover its municipality', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@zevenaar.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await clickMenu(page, 'Capaciteit');
    const table = page.getByRole('table', { name: 'Capaciteit per perceel' });
    await table.waitFor();
    expect((await table.getByRole('rowheader').allInnerTexts()).sort()).toEqual([
      LIEMERS, 'Onderwijsroute Midden-Gelderland', 'Participatieverklaringstraject (PVT)', 'Z-route Midden-Gelderland',
    ]);
    await expectNoAxeViolations(page);
  });
});
