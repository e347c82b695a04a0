import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

async function openClientList() {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
  const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
  await table.waitFor();
  return { page, table };
}

describe('consulent: Inburgeraars', () => {
  it('lists the first 50 of the 124 clients of Gemeente Arnhem (90 and 34 of the demo history) with masked BSN and deadline badges', async () => {
    const { page, table } = await openClientList();
    expect(await page.title()).toBe('Inburgeraars - Inburgering Regio');
    const header = await page.getByRole('banner').innerText();
    expect(header).toContain('Consulent Arnhem');
    expect(header).toContain('Gemeente Arnhem');
    expect((await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText()).split('\n')[0]).toBe('Inburgeraars');

    expect(await mainText(page)).toContain('1–50 van 124');
    expect(await table.locator('tbody tr').count()).toBe(50);
    const text = await table.innerText();
    for (const column of ['Klantnummer', 'Naam', 'Geboortedatum', 'Doelgroep', 'Route', 'Niveau', 'BSN', 'PIP uiterlijk', 'Einde inburgeringstermijn']) {
      expect(text).toContain(column);
    }
    expect(text).toMatch(/\*{6}\d{3}/); // BSN masked, last three digits only
    expect(text).not.toMatch(/\b\d{9}\b/); // never a full BSN
    expect(text).toMatch(/Statushouder|Gezinsmigrant/);
    expect(text).toMatch(/Op tijd|Binnenkort|Verlopen|Gehaald/);
    await saveScreenshot(page, 'consultant-clients');
    await expectNoAxeViolations(page);
  });

  it('pages to the remaining 24 clients', async () => {
    const { page, table } = await openClientList();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('51–100 van 124').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('101–124 van 124').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(24);
    expect(await page.getByRole('button', { name: 'Volgende' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByText('51–100 van 124').waitFor();
  });

  it('searches on a name', async () => {
    const { page, table } = await openClientList();
    const firstName = (await table.getByRole('rowheader').first().innerText()).split(', ')[0];
    await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill(firstName);
    await page.keyboard.press('Enter');
    await page.getByText(`resultaten voor “${firstName}”`, { exact: false }).waitFor();
    const names = await table.getByRole('rowheader').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(124);
    for (const name of names) expect(name.toLowerCase()).toContain(firstName.toLowerCase());
    await expectNoAxeViolations(page);
  });

  it('exports the whole caseload (every page, not only the 50 shown) to a CSV file that Excel reads', async () => {
    const { page } = await openClientList();
    const range = await page.getByRole('navigation', { name: 'Paginering' }).locator('.portal-pagination__range').innerText();
    const total = Number(range.split(' van ')[1].replace(/\./g, ''));
    expect(total).toBeGreaterThan(50);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren naar CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inburgeraars-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Klantnummer;Naam;Geboortedatum;Doelgroep;Route;Niveau;BSN;PIP uiterlijk;Einde inburgeringstermijn;Plaatsing;Dringendste termijn');
    expect(lines).toHaveLength(total + 1);
  });
});
