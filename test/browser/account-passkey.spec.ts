// Issue 14: a user adds a passkey on "Inloggen en beveiliging" and from then on confirms the login with it instead of a
// code. Chromium's virtual authenticator (DevTools protocol, WebAuthn domain) is the passkey. WebAuthn needs a secure
// context and a relying party id that is a domain name: the page runs on http://localhost (the API's own address
// with "localhost" for 127.0.0.1), and the API derives the relying party from that origin.
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const EMAIL = 'consulent@zevenaar.demo.nl';
const NL_MOMENT = /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d{2}:\d{2}/;

async function openOnLocalhost(): Promise<Page> {
  const page = await portal.openPortal('/');
  await page.goto(`${portal.url.replace('127.0.0.1', 'localhost')}/`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  return page;
}

async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

async function password(page: Page): Promise<void> {
  await page.getByLabel('E-mailadres').fill(EMAIL);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByLabel('Wachtwoord').press('Enter');
}

describe('passkeys', () => {
  it('adds a passkey on the security page, then logs in with password and passkey (at 390 px, keyboard only)', async () => {
    const page = await openOnLocalhost();
    await page.setViewportSize({ width: 390, height: 844 });
    await addVirtualAuthenticator(page);
    await password(page);
    await page.getByRole('banner').getByRole('link', { name: 'Inloggen en beveiliging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen en beveiliging' }).waitFor();
    const section = page.getByRole('region', { name: 'Passkeys', exact: true });
    await section.getByText('U heeft nog geen passkey.').waitFor();

    // Without a name the form says what is missing; then named, with the keyboard.
    const name = section.getByLabel('Naam van de passkey');
    await name.press('Enter');
    await section.getByRole('alert').filter({ hasText: 'Geef de passkey een naam.' }).first().waitFor();
    await name.fill('Laptop werk');
    await name.press('Enter');
    await page.getByRole('status').filter({ hasText: 'De passkey Laptop werk is toegevoegd. Op uw andere apparaten bent u uitgelogd.' }).waitFor();
    const item = section.getByRole('list', { name: 'Uw passkeys' }).getByRole('listitem');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.first().innerText()).toContain('Nog niet gebruikt om in te loggen');
    expect(await item.first().innerText()).toMatch(new RegExp(`Toegevoegd op ${NL_MOMENT.source}`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'account-passkeys');

    // Log out and in again: after the password the portal offers the passkey next to the code.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await password(page);
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    // A reload keeps the second step (the session waits for it), passkey offer included.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    const usePasskey = page.getByRole('button', { name: 'Inloggen met passkey' });
    await usePasskey.waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'login-second-step-passkey');
    await usePasskey.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

    await page.getByRole('banner').getByRole('link', { name: 'Inloggen en beveiliging' }).click();
    await item.filter({ hasText: 'Laatst gebruikt op' }).waitFor();
    expect(await item.first().innerText()).toMatch(new RegExp(`Laatst gebruikt op ${NL_MOMENT.source}`));
    const rows = await portal.query<{ counter: string; last_used_at: Date | null }>(`SELECT pk.counter, pk.last_used_at FROM user_passkey pk JOIN app_user u ON u.id = pk.user_id WHERE u.email = $1`, [EMAIL]);
    expect(rows).toHaveLength(1);
    expect(rows[0].last_used_at).not.toBeNull();

    // Removing asks for the own password: a wrong one keeps the passkey, the right one removes it.
    await item.first().getByRole('button', { name: 'Passkey Laptop werk verwijderen' }).click();
    const removal = item.first().getByRole('form', { name: 'Passkey Laptop werk verwijderen' });
    const ownPassword = removal.getByLabel('Uw wachtwoord');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await ownPassword.fill('niet-mijn-wachtwoord');
    await ownPassword.press('Enter');
    await removal.getByText('Het wachtwoord klopt niet.').first().waitFor();
    expect(await portal.query(`SELECT 1 FROM user_passkey pk JOIN app_user u ON u.id = pk.user_id WHERE u.email = $1`, [EMAIL])).toHaveLength(1);
    await expectNoAxeViolations(page);
    await ownPassword.fill(DEMO_PASSWORD);
    await ownPassword.press('Enter');
    await page.getByRole('status').filter({ hasText: 'De passkey Laptop werk is verwijderd.' }).waitFor();
    await section.getByText('U heeft nog geen passkey.').waitFor();
    expect(await portal.query(`SELECT 1 FROM user_passkey pk JOIN app_user u ON u.id = pk.user_id WHERE u.email = $1`, [EMAIL])).toHaveLength(0);
  });

  it('offers no passkey where the browser has none: the code field only', async () => {
    // The account has a passkey (made on another device; only its row matters here), so the login asks for step 2.
    await portal.query(
      `INSERT INTO user_passkey (user_id, credential_id, public_key, name) SELECT id, 'elders-gemaakt', '\\x00', 'Telefoon' FROM app_user WHERE email = $1`, [EMAIL],
    );
    const page = await openOnLocalhost();
    await page.addInitScript(() => {
      delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    });
    await page.reload();
    await password(page);
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    await page.getByLabel('Code uit de app of herstelcode').waitFor();
    expect(await page.getByRole('button', { name: 'Inloggen met passkey' }).count()).toBe(0);
  });
});
