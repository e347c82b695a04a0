// Issue 14: a consultant sees which files lose their personal data under the municipality's retention policy, and lets
// the nightly run carry it out.
import { clickMenu, expectNoAxeViolations, logInAndOpen, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('bewaartermijnen (consulent)', () => {
  it('shows the files past their period by client number, refuses a wrong policy per field, and saves one that is carried out', async () => {
    const [client] = await portal.query<{ id: string; client_number: number }>(
      `UPDATE client SET brp_registration_date = '2015-01-10', first_pip_signed_on = '2015-03-01', pip_signed_on = '2015-03-01', target_group = 'FAMILY_MIGRANT'
       WHERE id = (SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.name = 'Gemeente Zevenaar'
                   AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id) ORDER BY c.client_number LIMIT 1)
       RETURNING id, client_number`,
    );
    await portal.query(`DELETE FROM duo_client_state WHERE client_id = $1`, [client.id]);
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'consulent@zevenaar.demo.nl', DEMO_PASSWORD, '/inburgeraars');
    await clickMenu(page, 'Bewaartermijnen');
    await page.getByRole('heading', { level: 1, name: 'Bewaartermijnen persoonsgegevens' }).waitFor();
    await page.getByText('laat alleen zien wat hij zou verwijderen').waitFor();
    const due = page.getByRole('table', { name: /Inburgeraars met persoonsgegevens over de termijn/ });
    await due.getByRole('link', { name: String(client.client_number), exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'retention');

    await page.getByLabel('Vrije teksten (jaren)').fill('8');
    await page.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page.getByRole('alert').getByText('Vrije teksten mogen niet langer bewaard worden dan naam en BSN.').first().waitFor();

    await page.getByLabel('Vrije teksten (jaren)').fill('2');
    await page.getByLabel('Voer dit beleid elke nacht uit').check();
    await page.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page.getByRole('status').getByText('Het bewaarbeleid is opgeslagen.').waitFor();
    await page.getByText('De nachtelijke run voert dit beleid uit sinds').waitFor();
    const [policy] = await portal.query<{ free_text_years: number; carried: boolean }>(
      `SELECT free_text_years, carried_out_since IS NOT NULL AS carried FROM retention_policy p JOIN organisation m ON m.id = p.municipality_id WHERE m.name = 'Gemeente Zevenaar'`,
    );
    expect(policy).toEqual({ free_text_years: 2, carried: true });
  });
});
