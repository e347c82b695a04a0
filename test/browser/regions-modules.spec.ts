import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInAndOpen } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => portal.query<T>(sql, params);

async function loggedIn(email: string, path: string): Promise<Page> {
  return logInAndOpen(await portal.openPortal('/'), portal.url, email, DEMO_PASSWORD, path);
}

describe('Midden-Gelderland: the PVT with VluchtelingenWerk next to the B1-route', () => {
  it('VluchtelingenWerk sees its PVT clients of the demo data', async () => {
    const page = await loggedIn('aanbieder@vwn.demo.nl', '/mijn-inburgeraars');
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    const table = page.getByRole('table').first();
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await table.innerText()).toContain('Gestart');
    await expectNoAxeViolations(page);
  });

  it('a consultant places a client who follows the B1-route on the PVT lot with VluchtelingenWerk', async () => {
    const [client] = await query<{ id: string; name: string }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name FROM client c JOIN placement p ON p.client_id = c.id JOIN lot l ON l.id = p.lot_id
        JOIN organisation m ON m.id = c.municipality_id
        WHERE m.cbs_code = 'GM0202' AND l.subject = 'B1' AND p.status = 'STARTED'
          AND NOT EXISTS (SELECT 1 FROM placement q JOIN lot ql ON ql.id = q.lot_id WHERE q.client_id = c.id AND ql.subject = 'PVT')
        ORDER BY c.client_number LIMIT 1`,
    );
    const page = await loggedIn('consulent@arnhem.demo.nl', `/inburgeraar?id=${client.id}`);
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await page.getByRole('link', { name: 'Aanmelden voor een module (PVT, KNM of MAP)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij een aanbieder' }).waitFor();
    await page.getByRole('radio', { name: /^VluchtelingenWerk Oost Nederland: start / }).first().check();
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page.getByText('De aanmelding is verstuurd.').waitFor();
    const rows = await page.getByTestId('placement-row').allInnerTexts();
    expect(rows.some((row) => row.includes('Participatieverklaringstraject (PVT)') && row.includes('VluchtelingenWerk Oost Nederland'))).toBe(true);
    expect(rows.some((row) => row.includes('B1-route Midden-Gelderland') && row.includes('Gestart'))).toBe(true);
    await expectNoAxeViolations(page);
  });
});
