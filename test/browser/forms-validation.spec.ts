import { clickMenu, expectNoAxeViolations, logInThroughForm } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { logInAsProjectleider, usePortal } from './portal-fixture';

const portal = usePortal();

describe('forms show all their errors at once, each naming its field', () => {
  it('registering a client flags the empty BSN, names and dates on the first submit, linked to their fields', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Nieuwe inburgeraar registreren' }).click();
    await page.getByLabel('Geboortedatum').fill('31-02-1990');
    await page.getByRole('button', { name: 'Inburgeraar registreren' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Vul het BSN in.' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'BSN: Vul het BSN in.',
      'Voornaam: Vul de voornaam in.',
      'Achternaam: Vul de achternaam in.',
      'Geboortedatum: Vul een geldige datum in als dag-maand-jaar, bijvoorbeeld 3-2-2026.',
      'Datum inschrijving BRP: Vul een geldige datum in als dag-maand-jaar, bijvoorbeeld 3-2-2026.',
    ]);
    await summary.getByRole('link', { name: 'Achternaam: Vul de achternaam in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('client-lastName');
    await expectNoAxeViolations(page);
  });

  it('a new lot with an empty name flags the name together with the dates', async () => {
    const page = await logInAsProjectleider(portal);
    await clickMenu(page, 'Percelen');
    await page.getByRole('link', { name: 'Nieuw perceel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw perceel' }).waitFor();
    await page.getByRole('button', { name: 'Perceel opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Geef het perceel een naam.' });
    await summary.waitFor();
    const links = await summary.getByRole('link').allInnerTexts();
    expect(links[0]).toBe('Naam van het perceel: Geef het perceel een naam.');
    expect(links).toContain('Begindatum: ' + (await page.locator('#lot-periodStart-error').innerText()).trim());
  });
});
