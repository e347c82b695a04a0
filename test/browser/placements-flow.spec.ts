import { addDays, addMonths, calendarDateInAmsterdam, formatDateNl, generateSyntheticBsn } from '@inburgering/domain';
import type { Page } from 'playwright-core';
import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { waitFor } from '../support/wait-for';
import { usePortal } from './portal-fixture';

const portal = usePortal();

const today = calendarDateInAmsterdam(new Date());
const pip = addMonths(today, -1);
const bsn = generateSyntheticBsn(7001);

async function logIn(email: string, landing: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  return page;
}

describe('from registration to an accepted placement', () => {
  it('lets a consultant register and request, the provider accept, and the consultant see the start date', async () => {
    // Consultant: register a new client; a wrong BSN is refused with a Dutch message in the error summary.
    const consultant = await logIn('consulent@arnhem.demo.nl', 'Inburgeraars');
    await consultant.getByRole('link', { name: 'Nieuwe inburgeraar registreren' }).click();
    await consultant.getByRole('heading', { level: 1, name: 'Nieuwe inburgeraar registreren' }).waitFor();
    await consultant.getByLabel('BSN *').fill('123456789');
    await consultant.getByLabel('Voornaam *').fill('Selam');
    await consultant.getByLabel('Achternaam *').fill('Browsertest');
    await consultant.getByLabel('Geboortedatum *').fill('3-2-1990');
    await consultant.getByLabel('Datum inschrijving BRP *').fill(formatDateNl(addDays(pip, -30)));
    await consultant.getByLabel('Uitkomst leerbaarheidstoets').selectOption('B1_FEASIBLE');
    await consultant.getByLabel('PIP ondertekend op').fill(formatDateNl(pip));
    await consultant.getByLabel('Leerroute').selectOption('B1');
    await consultant.getByLabel('Taalniveau').selectOption('B1');
    await consultant.getByLabel('Lesuren per week').fill('12');
    await consultant.getByLabel('Lespatroon').fill('Dinsdag en donderdag, ochtend');
    await consultant.getByRole('button', { name: 'Inburgeraar registreren' }).click();
    const summary = consultant.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('elfproef');
    await expectNoAxeViolations(consultant);
    await summary.getByRole('link').first().click();
    expect(await consultant.evaluate(() => document.activeElement?.id)).toBe('client-bsn');
    await consultant.getByLabel('BSN *').fill(bsn);
    await consultant.getByRole('button', { name: 'Inburgeraar registreren' }).click();

    // The client page: masked BSN, PIP dates with status, no placement yet.
    await consultant.getByRole('heading', { level: 1, name: 'Selam Browsertest' }).waitFor();
    const clientUrl = consultant.url();
    let text = await mainText(consultant);
    expect(text).toContain(`******${bsn.slice(-3)}`);
    expect(text).not.toContain(bsn);
    expect(text).toContain(formatDateNl(pip));
    expect(text).toMatch(/Routewissel mogelijk tot/);
    await expectNoAxeViolations(consultant);

    // Request a placement with New Bees on its first start moment with free seats.
    await consultant.getByRole('link', { name: 'Aanmelden bij een aanbieder' }).click();
    await consultant.getByRole('heading', { level: 1, name: 'Aanmelden bij een aanbieder' }).waitFor();
    const option = consultant.getByRole('radio', { name: /^New Bees: start .* plaatsen vrij$/ }).first();
    const optionLabel = await option.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.innerText ?? '');
    const startsOn = /start (\d+-\d+-\d{4})/.exec(optionLabel)![1];
    await expectNoAxeViolations(consultant);
    await option.check();
    await consultant.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await consultant.getByText('De aanmelding is verstuurd.').waitFor();
    expect(await consultant.getByTestId('placement-row').first().innerText()).toContain('Aangemeld');
    await saveScreenshot(consultant, 'placement-requested');

    // Provider: the request is in its inbox, without a BSN; accept on the proposed start date.
    const provider = await logIn('aanbieder@newbees.demo.nl', 'Mijn percelen');
    await clickMenu(provider, 'Aanmeldingen');
    await provider.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
    const card = provider.getByTestId('request-card').filter({ hasText: 'Selam Browsertest' });
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('Gemeente Arnhem');
    expect(cardText).toContain('3-2-1990');
    expect(cardText).toContain('12 uur');
    expect(cardText).toContain('Dinsdag en donderdag, ochtend');
    expect(await mainText(provider)).not.toContain(bsn);
    expect(await card.getByLabel('Startdatum *').inputValue()).toBe(startsOn);
    await expectNoAxeViolations(provider);
    await card.getByLabel('Groep').fill('B1 ochtend');
    await card.getByRole('button', { name: 'Accepteren' }).click();
    await provider.getByText(/is geaccepteerd\./).waitFor();
    await clickMenu(provider, 'Mijn inburgeraars');
    const placed = provider.getByRole('table', { name: /Geplaatste inburgeraars/ });
    await placed.waitFor();
    const row = placed.getByRole('row').filter({ hasText: 'Browsertest, Selam' });
    // Ordered by start date: the new placement (starting later than those running) can be on a later page.
    const pager = provider.getByRole('navigation', { name: 'Paginering', exact: true });
    for (let page = 0; page < 20 && (await row.count()) === 0; page += 1) {
      const shown = await pager.innerText();
      await pager.getByRole('button', { name: 'Volgende', exact: true }).click();
      await waitFor('the next page', async () => (await pager.innerText()) !== shown);
    }
    expect(await row.innerText()).toContain('B1 ochtend');
    expect(await placed.innerText()).not.toMatch(/\b\d{9}\b/);
    await expectNoAxeViolations(provider);

    // Consultant: the accepted start date shows on the client page.
    await consultant.goto(clientUrl);
    await consultant.getByRole('heading', { level: 1, name: 'Selam Browsertest' }).waitFor();
    const placement = consultant.getByTestId('placement-row').first();
    await placement.getByText('Geaccepteerd').waitFor();
    expect(await placement.getByTestId('placement-start-date').innerText()).toBe(startsOn);
    text = await placement.innerText();
    expect(text).toContain('New Bees');
    expect(text).toContain('B1 ochtend');
  });

  it('shows the caseload with a placement column and filters it on overdue deadlines', async () => {
    const page = await logIn('consulent@arnhem.demo.nl', 'Inburgeraars');
    await page.getByLabel('Termijnen').selectOption('OVERDUE');
    await page.getByLabel('Volgorde').selectOption('URGENCY');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(/termijn=OVERDUE/);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.waitFor();
    const firstRow = table.locator('tbody tr').first();
    await firstRow.getByText('Verlopen').first().waitFor();
    expect(await table.innerText()).toContain('Plaatsing');
    await expectNoAxeViolations(page);
  });
});
