import { calendarDateInAmsterdam } from '@inburgering/domain';
import { clickMenu, expectNoAxeViolations, saveScreenshot } from '../support/browser';
import { logInAsProjectleider, usePortal } from './portal-fixture';

const portal = usePortal();
const YEAR = Number(calendarDateInAmsterdam(new Date()).slice(0, 4));
const SUB_REGION = 'Rivierengebied Browsertest';
const NO_MUNICIPALITY = 'Kies ten minste één gemeente voor deze subregio.';
const REQUIREMENT = 'Browsertest groepsgrootte';

describe('regio-inrichting', () => {
  it('shows the Liemers, creates a sub-region (a missing municipality is refused next to the field) and changes a keurmerk date', async () => {
    const page = await logInAsProjectleider(portal);
    await clickMenu(page, 'Regio-inrichting');
    await page.getByRole('heading', { level: 1, name: 'Regio-inrichting' }).waitFor();
    expect(await page.title()).toBe('Regio-inrichting - Inburgering Regio');

    const municipalities = page.getByRole('table', { name: /Gemeenten in de regio/ });
    expect(await municipalities.getByRole('row').filter({ hasText: 'Duiven' }).innerText()).toContain('GM0226');
    const subRegions = page.getByRole('table', { name: 'Subregio\'s met hun gemeenten' });
    expect(await subRegions.getByRole('row').filter({ hasText: 'De Liemers' }).innerText()).toContain('Duiven, Westervoort, Zevenaar');
    await expectNoAxeViolations(page);

    // A sub-region without municipalities is refused, with the message next to the checkboxes and in the summary.
    const subRegionForm = page.getByRole('form', { name: 'Subregio maken' });
    await subRegionForm.getByLabel('Naam van de subregio').fill(SUB_REGION);
    await subRegionForm.getByRole('button', { name: 'Subregio maken' }).click();
    const summary = subRegionForm.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain(NO_MUNICIPALITY);
    expect(await subRegionForm.getByRole('group', { name: 'Gemeenten in de subregio' }).innerText()).toContain(NO_MUNICIPALITY);
    await expectNoAxeViolations(page);

    await subRegionForm.getByLabel('Arnhem').check();
    await subRegionForm.getByLabel('Rheden').check();
    await subRegionForm.getByRole('button', { name: 'Subregio maken' }).click();
    await page.getByText(`De subregio “${SUB_REGION}” is gemaakt met Arnhem, Rheden.`).waitFor();
    await subRegions.getByRole('row').filter({ hasText: SUB_REGION }).filter({ hasText: 'Arnhem, Rheden' }).waitFor();

    // Sagenn's keurmerk expires within 45 days; a renewed keurmerk turns the badge to "Geldig".
    const providers = page.getByRole('table', { name: /Aanbieders en hun keurmerk/ });
    const sagenn = providers.getByRole('row').filter({ hasText: 'Sagenn' });
    expect(await sagenn.innerText()).toContain('Verloopt binnenkort');
    const providerForm = page.getByRole('form', { name: 'Aanbieder toevoegen of wijzigen' });
    await providerForm.getByLabel('Welke aanbieder').selectOption({ label: 'Sagenn' });
    expect(await providerForm.getByLabel('KvK-nummer').inputValue()).toBe('09115430');
    await providerForm.getByLabel('Keurmerk geldig tot en met').fill(`31-12-${YEAR + 3}`);
    await providerForm.getByRole('button', { name: 'Aanbieder opslaan' }).click();
    await page.getByText('De aanbieder “Sagenn” is opgeslagen.').waitFor();
    await sagenn.filter({ hasText: `31-12-${YEAR + 3}` }).waitFor();
    expect(await sagenn.innerText()).toContain('Geldig');
    expect(await sagenn.innerText()).not.toContain('Verloopt binnenkort');
    await saveScreenshot(page, 'procurement-region-setup');
    await expectNoAxeViolations(page);
  });

  it('adds a quality requirement to a contract (a first due date after the contract is refused next to the field)', async () => {
    const page = await logInAsProjectleider(portal);
    await clickMenu(page, 'Contracten');
    const contracts = page.getByRole('table', { name: /Contracten/ });
    await contracts.getByRole('row').filter({ hasText: 'B1-route Midden-Gelderland' }).filter({ hasText: 'New Bees' })
      .getByRole('link', { name: 'B1-route Midden-Gelderland' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract B1-route Midden-Gelderland: New Bees' }).waitFor();

    const form = page.getByRole('form', { name: 'Kwaliteitseis toevoegen' });
    await form.getByLabel('Soort eis').selectOption({ label: 'Maximale groepsgrootte' });
    await form.getByLabel('Titel').fill(REQUIREMENT);
    await form.getByLabel('Norm', { exact: true }).fill('Hoogstens 16 deelnemers per lesgroep');
    await form.getByLabel('Normwaarde').fill('16');
    await form.getByLabel('Per jaar').check();
    await form.getByLabel('Eerste vervaldatum').fill(`1-7-${YEAR + 5}`);
    await form.getByRole('button', { name: 'Kwaliteitseis toevoegen' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('De eerste vervaldatum moet binnen de looptijd van het contract liggen');
    const dueField = page.locator('#requirement-firstDueOn-error');
    expect(await dueField.innerText()).toContain('De eerste vervaldatum moet binnen de looptijd van het contract liggen');
    expect(await form.getByLabel('Eerste vervaldatum').getAttribute('aria-describedby')).toContain('requirement-firstDueOn-error');
    await expectNoAxeViolations(page);

    await form.getByLabel('Eerste vervaldatum').fill(`1-7-${YEAR + 1}`);
    await form.getByRole('button', { name: 'Kwaliteitseis toevoegen' }).click();
    await page.getByText(`De kwaliteitseis “${REQUIREMENT}” is toegevoegd.`).waitFor();
    const requirements = page.getByRole('table', { name: 'Kwaliteitseisen van dit contract' });
    const row = requirements.getByRole('row').filter({ hasText: REQUIREMENT });
    await row.waitFor();
    expect(await row.innerText()).toContain('Maximale groepsgrootte');
    expect(await row.innerText()).toContain('Per jaar');
    await saveScreenshot(page, 'procurement-contract-requirement');
    await expectNoAxeViolations(page);
  });
});
