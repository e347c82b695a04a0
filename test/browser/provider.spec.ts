import { expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('taalaanbieder: Mijn percelen', () => {
  it('shows New Bees its own lots with route, period and municipalities', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn percelen' }).waitFor();
    await page.getByRole('table', { name: /Percelen/ }).waitFor();

    expect(await page.title()).toBe('Mijn percelen - Inburgering Regio');
    const header = await page.getByRole('banner').innerText();
    expect(header).toContain('Medewerker New Bees');
    expect(header).toContain('New Bees');
    // The start page's group comes first in the grouped menu.
    expect((await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText()).split('\n')[0]).toBe('Percelen en contracten');

    const text = await mainText(page);
    expect(text).toContain('B1-route Midden-Gelderland');
    expect(text).toContain('Z-route Midden-Gelderland');
    expect(text).toContain('Z-route (zelfredzaamheidsroute)');
    expect(text).not.toContain('Onderwijsroute Midden-Gelderland');
    expect(text).toContain('Arnhem');
    expect(text).toMatch(/\b\d{1,2}-\d{1,2}-\d{4} t\/m \d{1,2}-\d{1,2}-\d{4}\b/);
    await saveScreenshot(page, 'provider-lots');
    await expectNoAxeViolations(page);
  });

  it('sorts a column with the keyboard and tells which way', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    const table = page.getByRole('table', { name: /Percelen/ });
    await table.waitFor();
    const lotNames = () => table.getByRole('rowheader').allInnerTexts();
    const sortButton = table.getByRole('button', { name: 'Perceel' });

    await sortButton.focus();
    await page.keyboard.press('Enter');
    expect(await table.getByRole('columnheader', { name: 'Perceel' }).getAttribute('aria-sort')).toBe('ascending');
    expect(await lotNames()).toEqual(['B1-route Midden-Gelderland', 'Z-route Midden-Gelderland']);

    await page.keyboard.press('Space');
    expect(await table.getByRole('columnheader', { name: 'Perceel' }).getAttribute('aria-sort')).toBe('descending');
    expect(await lotNames()).toEqual(['Z-route Midden-Gelderland', 'B1-route Midden-Gelderland']);
    expect(await page.getByText('Gesorteerd op Perceel, aflopend.').count()).toBe(1);
  });

  it('does not open the client list for a provider', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn percelen' }).waitFor();
    await page.goto(`${portal.url}/inburgeraars`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).locator('a[href="/inburgeraars"]').count()).toBe(0);
  });

  it('shows every column of its placed clients on a 1,280 px laptop without scrolling sideways', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 1280, height: 800 });
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn percelen' }).waitFor();
    await page.goto(`${portal.url}/mijn-inburgeraars`);
    const table = page.getByRole('table', { name: /Geplaatste inburgeraars/ });
    await table.locator('tbody tr').first().waitFor();
    const region = page.getByRole('region', { name: /Geplaatste inburgeraars/ });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await region.getAttribute('tabindex')).toBeNull();
    // Twelve columns, the last (the lesson pattern) inside the screen.
    const headers = table.getByRole('columnheader');
    expect(await headers.count()).toBe(12);
    const last = await headers.last().boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(1280);
  });
});
