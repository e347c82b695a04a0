// Issue 14, SECOND_FACTOR=required: a user without a second factor may add a passkey instead of linking an app, and is
// then logged in; the next login asks for the passkey. Chromium's virtual authenticator is the passkey; the page runs
// on http://localhost (WebAuthn needs a secure context and a domain name as relying party).
import { expectNoAxeViolations, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal({ secondFactor: 'required' });
const EMAIL = 'aanbieder@sagenn.demo.nl';

describe('passkey as the required second factor', () => {
  it('enrols with a passkey instead of an app after the password, then logs in with it (at 390 px)', async () => {
    const page = await portal.openPortal('/');
    await page.goto(`${portal.url.replace('127.0.0.1', 'localhost')}/`);
    await page.setViewportSize({ width: 390, height: 844 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    const logIn = async () => {
      await page.getByLabel('E-mailadres').fill(EMAIL);
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await page.getByLabel('Wachtwoord').press('Enter');
    };
    await logIn();
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap instellen' }).waitFor();
    const passkey = page.getByRole('region', { name: 'Of: een passkey toevoegen', exact: true });
    await passkey.getByLabel('Naam van de passkey').fill('Werklaptop');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'login-enrol-passkey');
    await passkey.getByLabel('Naam van de passkey').press('Enter');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await logIn();
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    await page.getByRole('button', { name: 'Inloggen met passkey' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    const rows = await portal.query<{ name: string }>(`SELECT pk.name FROM user_passkey pk JOIN app_user u ON u.id = pk.user_id WHERE u.email = $1`, [EMAIL]);
    expect(rows).toEqual([{ name: 'Werklaptop' }]);
  });
});
