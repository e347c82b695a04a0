// Issue 14: a user links an authenticator app on "Inloggen en beveiliging" (QR code and the key as text, first code,
// recovery codes shown once), and from then on logs in with a code from the app after the password. The test is the
// app: it computes the codes with otplib from the key the page shows.
import { generate } from 'otplib';
import { expectNoAxeViolations, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { waitFor } from '../support/wait-for';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const EMAIL = 'consulent@arnhem.demo.nl';
const step = () => Math.floor(Date.now() / 30_000);

describe('tweede stap bij het inloggen', () => {
  it('links an authenticator app, shows recovery codes once, then asks for a code at login (at 390 px, keyboard only)', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Wachtwoord').press('Enter');
    await page.getByRole('banner').getByRole('link', { name: 'Inloggen en beveiliging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen en beveiliging' }).waitFor();
    await page.getByText('Uit: er is nog geen authenticator-app gekoppeld.').waitFor();

    await page.getByRole('button', { name: 'Authenticator-app koppelen' }).click();
    const qr = page.getByRole('img', { name: 'QR-code om Inburgering Regio toe te voegen aan uw authenticator-app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'account-totp-enrolment');

    // A wrong code first: the message is at the field and in the summary.
    const codeField = page.getByLabel('Code uit de app', { exact: true });
    await codeField.fill('000000');
    await codeField.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'De code klopt niet' }).first().waitFor();
    const enrolStep = step();
    await codeField.fill(await generate({ secret, epoch: enrolStep * 30 }));
    await codeField.press('Enter');

    const codes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    expect(await codes.count()).toBe(10);
    expect(await codes.first().innerText()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText('Aan: bij het inloggen vragen we na uw wachtwoord een code uit uw authenticator-app.').waitFor();
    await page.getByText('U heeft nog 10 ongebruikte herstelcodes.').waitFor();
    await expectNoAxeViolations(page);

    // Log out and in again: after the password the portal asks for the code (a newer one: each code counts once).
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Wachtwoord').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    // A reload here keeps the half-finished login: the portal asks the API and shows the second step again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inloggen: tweede stap' }).waitFor();
    expect(await page.getByLabel('E-mailadres').count()).toBe(0);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'login-second-step');
    const loginStep = await waitFor('a TOTP step after the enrolment code', async () => (step() + 1 > enrolStep ? step() + 1 : undefined), 35_000);
    const loginCode = page.getByLabel('Code uit de app of herstelcode');
    await loginCode.fill(await generate({ secret, epoch: loginStep * 30 }));
    await loginCode.press('Enter');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
  });
});
