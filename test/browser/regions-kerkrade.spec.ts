// Zuid-Limburg/Parkstad (Kerkrade): the Onderwijsroute is not tendered, so the consultant places each client individually
// with an institution, outside a lot, at the price agreed for that client (issue #15).
import { addDays, calendarDateInAmsterdam, formatDateNl } from '@inburgering/domain';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInAndOpen, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => portal.query<T>(sql, params);

async function loggedIn(email: string, path: string): Promise<Page> {
  return logInAndOpen(await portal.openPortal('/'), portal.url, email, DEMO_PASSWORD, path);
}

describe('Kerkrade: the Onderwijsroute per client, outside a lot', () => {
  it('the demo has a Kerkrade client placed individually, and the institution sees the agreement', async () => {
    const rows = await query<{ status: string; price: number }>(
      `SELECT p.status, p.agreed_price_cents AS price FROM placement p JOIN organisation m ON m.id = p.municipality_id WHERE m.cbs_code = 'GM0928' AND p.lot_id IS NULL`,
    );
    expect(rows.map((r) => r.status)).toContain('STARTED');
    const page = await loggedIn('aanbieder@parkstadtaal.demo.nl', '/mijn-inburgeraars');
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('the consultant places an Onderwijsroute client with an institution at an agreed price, all field errors at once', async () => {
    // A Kerkrade status holder with a PIP and no placement, on the Onderwijsroute (the demo's route roll may give none).
    const [client] = await query<{ id: string }>(
      `UPDATE client SET route = 'ONDERWIJS', level = 'B1' WHERE id = (SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id
         WHERE m.cbs_code = 'GM0928' AND c.pip_signed_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id)
         ORDER BY c.client_number LIMIT 1) RETURNING id`,
    );
    const page = await loggedIn('consulent@kerkrade.demo.nl', `/inburgeraar/aanmelden?id=${client.id}`);
    await page.getByRole('heading', { level: 2, name: 'Individueel plaatsen bij een onderwijsinstelling' }).waitFor();
    expect(await page.getByText('Er is geen perceel voor deze route').count()).toBe(0);
    await page.getByRole('button', { name: 'Individueel plaatsen' }).click();
    const summary = page.locator('.portal-error-summary').first();
    await summary.waitFor();
    const text = await summary.innerText();
    for (const field of ['Onderwijsinstelling', 'Afgesproken prijs', 'Begindatum', 'Einddatum']) expect(text).toContain(field);

    const today = calendarDateInAmsterdam(new Date());
    await page.getByLabel('Onderwijsinstelling *').selectOption({ label: 'Taalcentrum Parkstad (fictief)' });
    await page.getByLabel('Afgesproken prijs in euro *').fill('9.850');
    await page.getByLabel('Begindatum *').fill(formatDateNl(addDays(today, 7)));
    await page.getByLabel('Einddatum *').fill(formatDateNl(addDays(today, 250)));
    await expectNoAxeViolations(page);
    // On a phone (390 px) the form fits: nothing sticks out sideways, and the button stays on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const button = await page.getByRole('button', { name: 'Individueel plaatsen' }).boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'kerkrade-individual-390');
    await page.getByRole('button', { name: 'Individueel plaatsen' }).click();
    await page.getByTestId('placement-row').first().waitFor();
    const placementRows = await page.getByTestId('placement-row').allInnerTexts();
    expect(placementRows.some((row) => row.includes('Individuele plaatsing (taalschakeltraject)') && row.includes('Taalcentrum Parkstad (fictief)'))).toBe(true);
    const [stored] = await query<{ price: number }>(`SELECT agreed_price_cents AS price FROM placement WHERE client_id = $1`, [client.id]);
    expect(stored.price).toBe(985000);

    // The institution finds the request in its inbox with the agreement.
    const inbox = await loggedIn('aanbieder@parkstadtaal.demo.nl', '/aanmeldingen');
    await inbox.getByText(/buiten een perceel, van .* afgesproken prijs .*9\.850,00/).first().waitFor();
    await expectNoAxeViolations(inbox);
  });
});
