import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInAndOpen, mainText, saveScreenshot, wordsBrokenAcrossLines } from '../support/browser';
import { RequestPlacementDocument } from '@inburgering/contracts';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { insertHours, placeClients, weekInPreviousMonth } from '../support/hours-fixtures';
import { fillLot, lotId, newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
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
  return logInAndOpen(await portal.openPortal('/'), portal.url, email, DEMO_PASSWORD, path);
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

describe('withdrawing a request', () => {
  it('asks for confirmation first, and afterwards no longer says the client is on the waiting list', async () => {
    const consultant = await loginAs(portal.url, 'consulent@rheden.demo.nl');
    const client = await registerWithPip(consultant, 501);
    const lot = await withPg(async (pg) => {
      const id = await lotId(pg, 'B1-route Midden-Gelderland');
      await fillLot(pg, id, today());
      return id;
    });
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: lot, providerId: await withPg((pg) => providerId(pg, 'New Bees')), idempotencyKey: newKey() },
    });
    expect(requestPlacement.status).toBe('WAITING');

    const page = await loggedIn('consulent@rheden.demo.nl', `/inburgeraar?id=${client.id}&aangemeld=WAITING`);
    await page.getByText('Er is geen vrije plaats: de inburgeraar staat op de wachtlijst.').waitFor();
    // On a phone each placement is a card within the screen (no box to scroll sideways) and its words stay whole (the
    // table showed "Aa-nb-ie-de-r").
    await page.setViewportSize({ width: 390, height: 844 });
    const placements = page.getByRole('table', { name: 'Plaatsingen', exact: true });
    expect(await wordsBrokenAcrossLines(placements)).toEqual([]);
    expect(await page.getByRole('region', { name: 'Tabel met de plaatsingen', exact: true }).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Aanmelding intrekken' }).click();
    const question = page.getByRole('group', { name: 'Weet u zeker dat u de aanmelding bij New Bees wilt intrekken?' });
    await question.waitFor();
    await expectNoAxeViolations(page);
    // Cancelling changes nothing.
    await question.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.getByTestId('placement-row').first().innerText()).toContain('Wachtlijst');
    await page.getByRole('button', { name: 'Aanmelding intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('De aanmelding is ingetrokken.').waitFor();
    await page.getByTestId('placement-row').first().getByText('Ingetrokken').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('staat op de wachtlijst');
    expect(page.url()).not.toContain('aangemeld=');
  });
});

describe('hour months', () => {
  it('the provider confirms before submitting; the consultant sees clients and days behind the totals, with room for every button', async () => {
    const { weekStart } = weekInPreviousMonth();
    const [placed] = await withPg(async (pg) => {
      const clients = await placeClients(pg, { provider: 'Sagenn', municipality: 'GM0293', route: 'B1', count: 1, groupName: 'Maand' });
      await insertHours(pg, clients[0], 'LANGUAGE', 2, 150, weekStart);
      return clients;
    });
    const provider = await loggedIn('aanbieder@sagenn.demo.nl', '/uren/maanden');
    await provider.getByRole('heading', { level: 1, name: 'Urenmaanden' }).waitFor();
    const submit = provider.getByRole('button', { name: /^Indienen .* Gemeente Westervoort$/ }).first();
    await submit.click();
    await provider.getByRole('group', { name: /Westervoort indienen\? Daarna kunt u ze niet meer wijzigen/ }).waitFor();
    await expectNoAxeViolations(provider);
    await provider.getByRole('button', { name: 'Ja, indienen' }).click();
    await provider.getByText(/is ingediend\.$/).waitFor();

    const consultant = await loggedIn('consulent@westervoort.demo.nl', '/uren/goedkeuren');
    await consultant.getByRole('heading', { level: 1, name: 'Uren goedkeuren' }).waitFor();
    const row = consultant.getByRole('row').filter({ has: consultant.getByRole('button', { name: /^Goedkeuren / }) }).first();
    // The reason's label stays hidden, and every button of the row shows in full inside the table.
    const hiddenLabel = await row.getByText(/Reden van afwijzing voor/).boundingBox();
    expect(hiddenLabel!.width).toBeLessThanOrEqual(1);
    const region = consultant.getByRole('region', { name: 'Urenmaanden' });
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await row.getByRole('button', { name: /^Inburgeraars en dagen van / }).click();
    const details = consultant.getByRole('table', { name: /^Inburgeraars en lesdagen: / });
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toContain(String(placed.clientNumber));
    expect(text).toMatch(/2,5\/2,5/);
    await expectNoAxeViolations(consultant);
  });
});

describe('the menu', () => {
  it('marks one page as current, has no dead-end "Voortgang", and leads a provider from its clients to their progress', async () => {
    const [client] = await withPg((pg) => placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Menu' }));
    const page = await loggedIn('aanbieder@newbees.demo.nl', '/uren/import');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await menu.locator('[aria-current="page"]').allInnerTexts()).toHaveLength(1);
    expect(await menu.getByRole('link', { name: 'Voortgang', exact: true, includeHidden: true }).count()).toBe(0);
    // Grouped: four groups on one line at 1,280 px, the current page's group marked; a group opens with the keyboard
    // and Escape closes it, back on its button.
    const groups = menu.getByRole('button');
    expect(await groups.allInnerTexts()).toEqual(['Percelen en contracten', 'Uren en presentie', 'Inburgeraars', 'Facturen en cijfers']);
    const heights = await groups.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().top));
    expect(new Set(heights).size).toBe(1);
    const hours = menu.getByRole('button', { name: 'Uren en presentie' });
    expect(await hours.getAttribute('class')).toContain('portal-nav__toggle--current');
    await hours.focus();
    await page.keyboard.press('Enter');
    expect(await hours.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Urenregistratie');
    await page.keyboard.press('Escape');
    expect(await hours.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('portal-nav-toggle-hours');
    await hours.click();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'menu-grouped');
    await page.setViewportSize({ width: 390, height: 800 });
    await saveScreenshot(page, 'menu-grouped-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await menu.getByRole('link', { name: 'Urenmaanden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Urenmaanden' }).waitFor();
    expect(await hours.getAttribute('aria-expanded')).toBe('false');

    await page.goto(`${portal.url}/voortgang`);
    await page.getByRole('link', { name: 'Naar de lijst met inburgeraars' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    const [first, ...last] = client.clientName.split(' ');
    // Demo names repeat (30 first names × 20 last names), so the link is the one to this client's progress.
    await page.getByRole('link', { name: `${last.join(' ')}, ${first}` }).and(page.locator(`[href$="client=${client.clientId}"]`)).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`klantnummer ${client.clientNumber}`) }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Resultaat vastleggen' }).waitFor();
  });
});

describe('a page that fails to render', () => {
  it('says so inside the page, keeps the menu, and shows the page again on retry', async () => {
    const page = await portal.openPortal('/');
    // An answer the caseload cannot render (as after an API and portal of different versions): no list of clients.
    const brokenCaseload = '**/graphql';
    await page.route(brokenCaseload, (route) =>
      route.request().postData()?.includes('query Clients(') ? route.fulfill({ json: { data: { clients: {} } } }) : route.fallback(),
    );
    await logInAndOpen(page, portal.url, 'consulent@arnhem.demo.nl', DEMO_PASSWORD, '/inburgeraars');
    await page.getByRole('heading', { level: 1, name: 'Er ging iets mis op deze pagina' }).waitFor();
    expect(await mainText(page)).toContain('Wat u al had opgeslagen, blijft bewaard.');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').count()).toBeGreaterThan(0);
    expect(await page.getByRole('main').getByRole('link', { name: 'Naar de startpagina' }).getAttribute('href')).toBe('/');
    expect(await page.title()).toMatch(/^Er ging iets mis op deze pagina - /);
    await expectNoAxeViolations(page);

    await page.unroute(brokenCaseload);
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Inburgeraars');
  });
});

describe('an import page opened from an edited link', () => {
  it('says the id is no id, or that the import is unknown, and keeps the upload form', async () => {
    const page = await loggedIn('aanbieder@newbees.demo.nl', '/uren/import?import=abc');
    await page.getByRole('heading', { level: 1, name: 'Uren importeren' }).waitFor();
    const alert = page.locator('.utrecht-alert');
    await alert.getByText('De gegevens konden niet worden geladen. Dit is geen geldige id.').waitFor();
    expect(await mainText(page)).not.toContain('gemarkeerde velden');
    expect(await page.getByLabel('Bestand met uren').isEnabled()).toBe(true);

    // An id of no import of this provider (the API answers another provider's the same way).
    await page.goto(`${portal.url}/uren/import?import=${randomUUID()}`);
    await alert.getByText('De gegevens konden niet worden geladen. Deze import bestaat niet of is niet bij uw organisatie bekend.').waitFor();
    await expectNoAxeViolations(page);
  });
});
