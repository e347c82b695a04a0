import { lotSubjectLabel } from '@inburgering/domain';
import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { logInAsProjectleider, usePortal } from './portal-fixture';

const portal = usePortal();
const LOT = 'KNM-module Browsertest';
const MILESTONES_90 = 'De betaalmomenten tellen op tot 90%; dat moet precies 100% zijn.';

describe('regio: percelen en contracten', () => {
  it('creates a lot (milestones adding to 90% are refused next to the field) and awards it in a contract, then changes the contract with a reason', async () => {
    const page = await logInAsProjectleider(portal);
    await clickMenu(page, 'Percelen');
    await page.getByRole('link', { name: 'Nieuw perceel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw perceel' }).waitFor();
    expect(await page.title()).toBe('Nieuw perceel - Inburgering Regio');
    await expectNoAxeViolations(page);
    // The form fits a phone: the price model's box stayed 26 px wider than the page.
    const desktopSize = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize(desktopSize);

    await page.getByLabel('Naam van het perceel').fill(LOT);
    await page.getByLabel('Route of module').selectOption('KNM');
    await page.getByLabel('Een lijst gemeenten').check();
    await page.getByLabel('Arnhem').check();
    await page.getByLabel('Rheden').check();
    await page.getByLabel('Begindatum').fill('1-1-2027');
    await page.getByLabel('Einddatum').fill('31-12-2028');
    await page.getByLabel('Verlenging in maanden (samen)').fill('12');
    await page.getByLabel('Verlengingsopties').fill('1 x 12 maanden');
    await page.getByLabel('Verwacht aantal trajecten per jaar').fill('80');
    await page.getByLabel('Trajectprijs in euro').fill('1.250,00');
    await page.getByLabel('Percentage betaalmoment 1').fill('40');
    await page.getByLabel('Percentage betaalmoment 2').fill('30');
    await page.getByLabel('Percentage betaalmoment 3').fill('20');
    expect(await mainText(page)).toContain('Samen: 90%');
    await page.getByRole('button', { name: 'Perceel opslaan' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain(MILESTONES_90);
    const milestones = page.getByRole('group', { name: 'Betaalmomenten' });
    expect(await milestones.innerText()).toContain(MILESTONES_90);
    await summary.getByRole('link', { name: MILESTONES_90 }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lot-priceModel-milestones');
    await saveScreenshot(page, 'procurement-lot-milestones-error');
    await expectNoAxeViolations(page);

    await page.getByLabel('Percentage betaalmoment 3').fill('30');
    await page.getByRole('button', { name: 'Perceel opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Percelen in de regio' }).waitFor();
    await page.getByText(`Het perceel “${LOT}” is opgeslagen.`).waitFor();
    const lots = page.getByRole('table', { name: /Percelen/ });
    expect(await lots.getByRole('row').filter({ hasText: LOT }).innerText()).toContain('Arnhem, Rheden');

    // Award the lot to New Bees.
    await clickMenu(page, 'Contracten');
    await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Nieuw contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw contract' }).waitFor();
    await page.getByLabel('Perceel').selectOption({ label: `${LOT} (${lotSubjectLabel('KNM')})` });
    await page.getByLabel('Aanbieder').selectOption({ label: 'New Bees' });
    await page.getByLabel('Status').selectOption('ACTIVE');
    await page.getByLabel('Begindatum').fill('1-1-2027');
    await page.getByLabel('Einddatum').fill('31-12-2028');
    await page.getByLabel('Plafond in euro (optioneel)').fill('250.000,00');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Contract opslaan' }).click();

    await page.getByRole('heading', { level: 1, name: `Contract ${LOT}: New Bees` }).waitFor();
    let text = await mainText(page);
    expect(text).toContain('€\u00a0250.000,00');
    expect(text).toContain('1-1-2027 t/m 31-12-2028');
    expect(text).toContain('Start: 40% (€\u00a0500,00)');
    // On a phone every value is read as words: under its label, not in a column of single letters beside it.
    const desktop = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    const valueWidths = await page.locator('main dl.portal-summary-list dd').evaluateAll((values) => values.map((v) => Math.round(v.getBoundingClientRect().width)));
    expect(valueWidths.length).toBeGreaterThan(4);
    expect(Math.min(...valueWidths)).toBeGreaterThan(300);
    await page.setViewportSize(desktop);
    const history = page.getByRole('table', { name: 'Wijzigingen van het contract, nieuwste eerst' });
    expect(await history.getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page);

    // Change the ceiling: a reason is required, and the change goes into the history with who and why.
    await page.getByRole('link', { name: 'Contract wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: `Contract wijzigen: ${LOT}, New Bees` }).waitFor();
    await page.getByLabel('Plafond in euro (optioneel)').fill('300.000,00');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Geef de reden van de wijziging op.' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Reden van de wijziging').fill('Meer instroom verwacht in 2027');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: `Contract ${LOT}: New Bees` }).waitFor();
    await history.waitFor();
    expect(await history.getByRole('row').count()).toBe(3);
    text = await history.innerText();
    expect(text).toContain('Plafond: €\u00a0250.000,00 → €\u00a0300.000,00');
    expect(text).toContain('Meer instroom verwacht in 2027');
    expect(text).toContain('Projectleider');
    await saveScreenshot(page, 'procurement-contract');
  });

  it('shows New Bees its contracts, start moments and requirements, and lets it declare a start moment', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn percelen' }).waitFor();
    await clickMenu(page, 'Mijn contracten');
    const contracts = page.getByRole('table', { name: /Contracten/ });
    await contracts.waitFor();
    expect(await contracts.innerText()).toContain('B1-route Midden-Gelderland');
    await expectNoAxeViolations(page);
    await contracts.getByRole('link', { name: 'B1-route Midden-Gelderland' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract B1-route Midden-Gelderland: New Bees' }).waitFor();
    expect(await page.getByRole('link', { name: 'Contract wijzigen' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await clickMenu(page, 'Instroommomenten');
    await page.getByRole('heading', { level: 1, name: 'Instroommomenten' }).waitFor();
    const form = page.getByRole('form', { name: 'Instroommoment opgeven' });
    await form.getByLabel('Contract (perceel)').selectOption({ label: 'B1-route Midden-Gelderland' });
    await form.getByLabel('Lesplaats').fill('Arnhem, Browserstraat 1');
    await form.getByLabel('Startdatum').fill('1-9-2027');
    await form.getByLabel('Aantal plaatsen').fill('12');
    await form.getByLabel('Lesuren per week').fill('7,5');
    await form.getByLabel('Dinsdag').check();
    await form.getByLabel('Donderdag').check();
    await form.getByLabel("'s Avonds").check();
    await form.getByRole('button', { name: 'Instroommoment opgeven' }).click();
    await page.getByText('Het instroommoment van 1-9-2027 op B1-route Midden-Gelderland met 12 plaatsen is opgegeven.').waitFor();
    const moments = page.getByRole('table', { name: /Mijn instroommomenten/ });
    await moments.getByRole('row').filter({ hasText: 'Arnhem, Browserstraat 1' }).waitFor();
    await saveScreenshot(page, 'procurement-start-moments');
    await expectNoAxeViolations(page);
  });
});
