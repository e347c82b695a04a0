// Issue 14: the region's functioneel beheerder invites a user from its own "Beheer" menu; the invitee opens the link from
// the (stored) mail, chooses a password and logs in with it.
import { clickMenu, expectNoAxeViolations, logInAndOpen, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('beheer: gebruikers uitnodigen', () => {
  it('invites a consultant; the invitee sets a password through the link and logs in', async () => {
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'beheer@midden-gelderland.demo.nl', DEMO_PASSWORD, '/beheer/gebruikers');
    await clickMenu(page, 'Gebruikers');
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    const form = page.getByRole('form', { name: 'Iemand uitnodigen', exact: true });
    await form.getByLabel('Organisatie').selectOption({ label: 'Gemeente Arnhem' });
    await form.getByLabel('Naam').fill('Sanne de Wit');
    await form.getByLabel('E-mailadres').fill('sanne.dewit@arnhem.example.nl');
    await form.getByLabel('Rol').selectOption({ label: 'Consulent' });
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'De uitnodiging voor sanne.dewit@arnhem.example.nl is verstuurd.' }).waitFor();
    const mails = page.getByRole('table', { name: 'Verzonden uitnodigingen', exact: true });
    const body = await mails.getByRole('cell', { name: /uitnodiging\// }).first().textContent();
    const link = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(body ?? '')![0];
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'administration-users');

    // The link opened while still logged in: the portal names who is logged in and logs out first on request.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Uitnodiging' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'U bent ingelogd als Functioneel beheerder Arbeidsmarktregio Midden-Gelderland (beheer@midden-gelderland.demo.nl). Deze uitnodiging is voor een nieuw account; log eerst uit om hem aan te nemen.' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Uitloggen en uitnodiging openen' }).click();
    await page.getByRole('form', { name: 'Wachtwoord kiezen' }).getByText('Welkom, Sanne de Wit.').waitFor();

    const invitee = await portal.openPortal('/');
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: 'Uitnodiging' }).waitFor();
    await invitee.getByLabel('Wachtwoord', { exact: true }).fill('Een heel goed wachtwoord');
    await invitee.getByLabel('Herhaal het wachtwoord').fill('Een heel goed wachtwoord');
    await expectNoAxeViolations(invitee);
    await invitee.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await invitee.getByRole('status').filter({ hasText: 'Uw account is actief.' }).waitFor();
    await invitee.getByRole('link', { name: 'Naar inloggen' }).click();
    await logInThroughForm(invitee, 'sanne.dewit@arnhem.example.nl', 'Een heel goed wachtwoord');
    await invitee.getByRole('banner').getByText('Sanne de Wit').waitFor();
  });

  it('resets a user\'s second factor after a confirmation (a lost phone)', async () => {
    const [teacher] = await portal.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'docent@newbees.demo.nl'`);
    await portal.query(`INSERT INTO user_totp (user_id, secret_encrypted, confirmed_at) VALUES ($1, 'test', now()) ON CONFLICT (user_id) DO NOTHING`, [teacher.id]);
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'beheer@midden-gelderland.demo.nl', DEMO_PASSWORD, '/beheer/gebruikers');
    const table = page.getByRole('table', { name: 'Gebruikers', exact: true });
    await table.getByRole('button', { name: 'Tweede factor resetten van Docent New Bees' }).click();
    await page.getByRole('button', { name: 'Ja, tweede factor resetten' }).click();
    await page.getByRole('status').filter({ hasText: 'De tweede factor van Docent New Bees is gereset.' }).waitFor();
    expect(await portal.query(`SELECT 1 FROM user_totp WHERE user_id = $1`, [teacher.id])).toEqual([]);
    // The reset is in the administration history, with who did it.
    await clickMenu(page, 'Geschiedenis');
    await page.getByRole('cell', { name: /Docent New Bees <docent@newbees\.demo\.nl>: tweede factor gereset/ }).waitFor();
  });

  it('starts the admin on Beheer: a wrong CBS code is named at its field in Dutch, a new sub-region shows in the history', async () => {
    const page = await portal.openPortal('/');
    await page.goto(`${portal.url}/`);
    await logInThroughForm(page, 'beheer@midden-gelderland.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    const municipality = page.getByRole('form', { name: 'Gemeente toevoegen', exact: true });
    await municipality.getByLabel('Naam').fill('Renkum');
    await municipality.getByLabel('CBS-code').fill('0274');
    await municipality.getByRole('button', { name: 'Opslaan' }).click();
    await municipality.getByText('Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0202.').first().waitFor();
    await expectNoAxeViolations(page);

    const subRegion = page.getByRole('form', { name: 'Subregio aanmaken of hernoemen', exact: true });
    await subRegion.getByLabel('Naam').fill('Veluwezoom');
    await subRegion.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('table', { name: /^Subregio's/ }).getByRole('rowheader', { name: 'Veluwezoom' }).waitFor();
    await saveScreenshot(page, 'administration-organisations');

    await clickMenu(page, 'Geschiedenis');
    await page.getByRole('heading', { level: 1, name: 'Geschiedenis' }).waitFor();
    await page.getByRole('cell', { name: 'Subregio aangemaakt: Veluwezoom' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets New Bees\' own administrator manage its staff and teachers from the header, on a phone-wide screen too', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${portal.url}/`);
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('banner').getByRole('link', { name: 'Gebruikers beheren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    const table = page.getByRole('table', { name: 'Gebruikers', exact: true });
    await table.getByRole('rowheader', { name: 'Docent New Bees', exact: true }).waitFor();
    expect(await table.getByRole('cell', { name: /Gemeente|Sagenn/ }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Iemand uitnodigen', exact: true });
    expect(await form.getByLabel('Rol').locator('option').allInnerTexts()).toEqual(['Medewerker aanbieder', 'Docent']);
    // Each user is a card within the phone's width (no box to scroll sideways); nothing in it (its hidden labels neither)
    // makes the page wider than the phone. The row header's name above is without the card's visible label "Naam".
    const box = page.getByRole('region', { name: 'Gebruikers', exact: true });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'administration-provider-admin');
  });
});
