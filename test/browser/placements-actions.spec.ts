import { AcceptPlacementDocument, RequestPlacementDocument } from '@inburgering/contracts';
import { addDays, formatDateNl } from '@inburgering/domain';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { lotId, newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { usePortal } from './portal-fixture';

const portal = usePortal();

async function logIn(email: string, landing: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  return page;
}

/** The client page of a client registered through the API, as the Arnhem consultant. */
async function openClientPage(clientId: string, name: string): Promise<Page> {
  const page = await logIn('consulent@arnhem.demo.nl', 'Inburgeraars');
  await page.goto(`${portal.url}/inburgeraar?id=${clientId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Gegevens' }).waitFor();
  return page;
}

async function registerAtArnhem(seed: number, options?: Parameters<typeof registerWithPip>[2]) {
  const arnhem = await loginAs(portal.url, 'consulent@arnhem.demo.nl');
  return { arnhem, ...(await registerWithPip(arnhem, seed, options)) };
}

async function searchCaseload(page: Page, search: string): Promise<string> {
  await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill(search);
  await page.keyboard.press('Enter');
  await page.getByText(`resultaten voor “${search}”`, { exact: false }).waitFor();
  return mainText(page);
}

describe('the consultant changes a client', () => {
  it('records a route switch with its written reason; the history shows it', async () => {
    const { id } = await registerAtArnhem(301);
    const page = await openClientPage(id, 'Plaatsing Test 301');
    await page.getByRole('button', { name: 'Route wisselen' }).click();
    const form = page.getByRole('form', { name: 'Route wisselen' });
    // Without a reason the API refuses with the rule's message, next to the field and linked from the summary.
    await form.getByLabel('Nieuwe leerroute *').selectOption('Z');
    await form.getByLabel('Taalniveau *').selectOption('A2');
    await form.getByRole('button', { name: 'Route wisselen' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: 'Geef schriftelijk de reden voor de routewissel op.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('switch-reason');
    await form.getByLabel('Reden van de routewissel *').fill('Leerbaarheid valt tegen na drie maanden les.');
    await saveScreenshot(page, 'route-switch-form');
    await form.getByRole('button', { name: 'Route wisselen' }).click();

    await page.getByRole('status').filter({ hasText: 'De route is gewisseld.' }).waitFor();
    const history = page.getByTestId('client-history');
    await history.waitFor();
    expect(await history.innerText()).toBe(
      `${formatDateNl(today())}: routewissel van de B1-route naar de Z-route (zelfredzaamheidsroute). Reden: Leerbaarheid valt tegen na drie maanden les.`,
    );
    expect(await mainText(page)).toContain('Z-route (zelfredzaamheidsroute), Niveau A2');
  });

  it('shows the 18-month rule when the PIP is older, and changes nothing', async () => {
    const { id } = await registerAtArnhem(302, { pipMonthsAgo: 20 });
    const page = await openClientPage(id, 'Plaatsing Test 302');
    await page.getByRole('button', { name: 'Route wisselen' }).click();
    const form = page.getByRole('form', { name: 'Route wisselen' });
    await form.getByLabel('Nieuwe leerroute *').selectOption('Z');
    await form.getByLabel('Taalniveau *').selectOption('A2');
    await form.getByLabel('Reden van de routewissel *').fill('Te laat gevraagd.');
    await form.getByRole('button', { name: 'Route wisselen' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Een routewissel mag alleen binnen 18 maanden na ondertekening van het PIP/);
    await saveScreenshot(page, 'route-switch-refused');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Gegevens' }).waitFor();
    expect(await mainText(page)).toContain('B1-route, Niveau B1');
    expect(await page.getByTestId('client-history').count()).toBe(0);
  });

  it('moves a client to Oss after a confirmation; Arnhem no longer finds it, Oss does', async () => {
    const { id } = await registerAtArnhem(303);
    const page = await openClientPage(id, 'Plaatsing Test 303');
    await page.getByRole('button', { name: 'Verhuizing vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Verhuizing vastleggen' });
    await form.getByLabel('Nieuwe gemeente *').selectOption({ label: 'Gemeente Oss' });
    await form.getByLabel('Datum verhuizing *').fill(formatDateNl(today()));
    await form.getByRole('button', { name: 'Verder' }).click();
    const confirmation = page.getByRole('alert').filter({ hasText: 'Verhuizing bevestigen' });
    expect(await confirmation.innerText()).toContain('Na het bevestigen heeft uw gemeente geen toegang meer tot deze inburgeraar.');
    await saveScreenshot(page, 'move-confirm');
    await confirmation.getByRole('button', { name: 'Verhuizing bevestigen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'is overgedragen aan Gemeente Oss' }).waitFor();
    expect(await searchCaseload(page, 'Test 303')).not.toContain('Test 303, Plaatsing');

    const oss = await logIn('consulent@oss.demo.nl', 'Inburgeraars');
    expect(await searchCaseload(oss, 'Test 303')).toContain('Test 303, Plaatsing');
  });

  it('has no axe violations with every form open, and links to the progress page', async () => {
    const { id } = await registerAtArnhem(304);
    const page = await openClientPage(id, 'Plaatsing Test 304');
    for (const name of ['Gegevens en intake wijzigen', 'PIP vastleggen of wijzigen', 'Route wisselen', 'Verhuizing vastleggen']) {
      await page.getByRole('button', { name }).click();
      await page.getByRole('form', { name }).waitFor();
    }
    // A refused PIP (B2 is not a level DUO's PIP message carries): the error summary and a field message are on the page too.
    const pip = page.getByRole('form', { name: 'PIP vastleggen of wijzigen' });
    await pip.getByLabel('Taalniveau').selectOption('B2');
    await pip.getByRole('button', { name: 'PIP opslaan' }).click();
    await pip.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
    expect(await pip.innerText()).toContain('Niveau B2 kan niet in een PIP staan: DUO registreert in het PIP alleen niveau A2 of B1');
    await page.getByRole('form', { name: 'Gegevens en intake wijzigen' }).getByLabel('Intakenotities').fill('Gesprek gehad.');
    await page.getByRole('form', { name: 'Gegevens en intake wijzigen' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'client-forms-open');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De gegevens en de intake zijn opgeslagen.' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Gesprek gehad.' }).waitFor();

    await page.getByRole('link', { name: 'Voortgang: uren en resultaten' }).click();
    await page.waitForURL(/\/voortgang\?client=/);
    await page.getByRole('heading', { level: 2, name: /Plaatsing Test 304/ }).waitFor();
  });
});

describe('a placement', () => {
  it('is marked as started by the provider and ended by the consultant', async () => {
    const { arnhem, id } = await registerAtArnhem(305);
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const input = { clientId: id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() };
    const { requestPlacement } = await arnhem.ok(RequestPlacementDocument, { input });
    const newBees = await loginAs(portal.url, 'aanbieder@newbees.demo.nl');
    await newBees.ok(AcceptPlacementDocument, {
      input: { placementId: requestPlacement.id, version: requestPlacement.version, startDate: requestPlacement.startMoment!.startsOn, location: 'Arnhem, Velperweg' },
    });
    // The start moment lies ahead; a placement can only start on its start date, so let that day arrive.
    await pg.query(`UPDATE placement SET start_date = $2 WHERE id = $1`, [requestPlacement.id, today()]);
    await pg.end();

    const page = await logIn('aanbieder@newbees.demo.nl', 'Mijn percelen');
    await clickMenu(page, 'Mijn inburgeraars');
    const table = page.getByRole('table', { name: /Geplaatste inburgeraars/ });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Test 305, Plaatsing' });
    expect(await row.innerText()).toContain('Geaccepteerd');
    await expectNoAxeViolations(page);
    // On a phone each placed client is a card: nothing to scroll sideways, the button on screen beside its label.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = page.getByRole('region', { name: /Geplaatste inburgeraars/ });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const started = await row.getByRole('button', { name: /^Gestart: klantnummer \d+ is begonnen$/ }).boundingBox();
    expect(started!.x + started!.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: /^Gestart: klantnummer \d+ is begonnen$/ }).click();
    await page.getByRole('status').filter({ hasText: /De plaatsing van klantnummer \d+ is gestart\./ }).waitFor();
    await row.getByRole('button').waitFor({ state: 'detached' });
    expect(await row.innerText()).toContain('Gestart');
    await saveScreenshot(page, 'placement-started');

    // The consultant ends it: a date in the future is refused next to the field, then it ends as completed.
    const consultant = await openClientPage(id, 'Plaatsing Test 305');
    const placement = consultant.getByTestId('placement-row').first();
    expect(await placement.innerText()).toContain('Gestart');
    await consultant.getByRole('button', { name: 'Plaatsing beëindigen' }).click();
    const form = consultant.getByRole('form', { name: 'Plaatsing beëindigen' });
    await form.getByLabel('Reden van beëindiging *').selectOption({ label: 'Afgerond' });
    await form.getByLabel('Einddatum *').fill(formatDateNl(addDays(today(), 1)));
    await form.getByRole('button', { name: 'Plaatsing beëindigen' }).click();
    await form.getByText(/De einddatum \(.*\) ligt in de toekomst\./).first().waitFor();
    expect(await form.getByLabel('Einddatum *').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Einddatum *').fill(formatDateNl(today()));
    await form.getByRole('button', { name: 'Plaatsing beëindigen' }).click();
    await consultant.getByRole('status').filter({ hasText: 'De plaatsing is beëindigd.' }).waitFor();
    await placement.getByText('Reden van beëindiging: Afgerond').waitFor();
    expect(await placement.innerText()).toContain('Beëindigd');
  });
});
