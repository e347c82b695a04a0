import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

/** The projectleider lands on the capacity overview, the functioneel beheerder on Beheer (issue 14); the lots are in the menu. */
async function openRegionLots(email: string, landing = 'Capaciteit en wachtlijst') {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  await clickMenu(page, 'Percelen');
  await page.getByRole('heading', { level: 1, name: 'Percelen in de regio' }).waitFor();
  const table = page.getByRole('table', { name: /Percelen/ });
  await table.waitFor();
  return { page, table };
}

describe('regio: Percelen in de regio', () => {
  it('shows the projectleider the 5 lots of Midden-Gelderland with providers and municipalities', async () => {
    const { page, table } = await openRegionLots('projectleider@midden-gelderland.demo.nl');
    expect(await page.title()).toBe('Percelen in de regio - Inburgering Regio');
    expect(await page.getByRole('banner').innerText()).toContain('Arbeidsmarktregio Midden-Gelderland');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
    expect(await menu.allInnerTexts()).toEqual(['Capaciteit', 'Percelen', 'Contracten', 'Kwaliteit beoordelen', 'Regio-inrichting', 'Facturatie per contract', 'Cijfers']);
    expect(await page.getByRole('link', { name: 'Percelen', exact: true }).getAttribute('aria-current')).toBe('page');

    expect(await table.getByRole('rowheader').count()).toBe(5);
    const text = await mainText(page);
    expect(text).toContain('Percelen (5)');
    expect(text).toContain('B1-route Liemerse kavel');
    expect(text).toContain('Participatieverklaringstraject (PVT)');
    expect(text).toContain('Onderwijsroute Midden-Gelderland');
    expect(text).toContain('New Bees, Sagenn');
    expect(text).toContain('Duiven, Westervoort, Zevenaar');
    for (const column of ['Perceel', 'Route of module', 'Aanbieders', 'Gemeenten', 'Contractperiode', 'Verwacht aantal per jaar']) {
      expect(await table.getByRole('columnheader', { name: column }).count()).toBe(1);
    }
    await saveScreenshot(page, 'projectleider-lots');
    await expectNoAxeViolations(page);

    // On a phone (390 and 320 px) every item of the menu stays on the screen: none hides past its edge.
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const outside = await menu.evaluateAll((links, screen) => links.filter((link) => {
        const box = link.getBoundingClientRect();
        return box.left < 0 || box.right > screen;
      }).map((link) => link.textContent), width);
      expect({ width, outside }).toEqual({ width, outside: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });

  it('shows the functional admin the same regional overview', async () => {
    const { page, table } = await openRegionLots('beheer@midden-gelderland.demo.nl', 'Organisaties');
    expect(await page.getByRole('banner').innerText()).toContain('Functioneel beheerder');
    expect(await table.getByRole('rowheader').count()).toBe(5);
    await saveScreenshot(page, 'admin-lots');
    await expectNoAxeViolations(page);
  });
});
