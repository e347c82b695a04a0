import { expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('inloggen', () => {
  it('sends a visitor to a Dutch login page without accessibility problems', async () => {
    const page = await portal.openPortal('/');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.title()).toBe('Inloggen - Inburgering Regio');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await mainText(page)).toContain('Log in met het e-mailadres en wachtwoord van uw organisatie.');
    await saveScreenshot(page, 'login');
    await expectNoAxeViolations(page);
  });

  it('offers a skip link as the first stop for keyboard users', async () => {
    const page = await portal.openPortal('/inloggen');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
    expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('main').evaluate((main) => main.contains(document.activeElement))).toBe(true);
  });

  it('names missing fields next to the fields and in an error summary', async () => {
    const page = await portal.openPortal('/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    // Once in the summary (a link to the field) and once above the field itself.
    expect(await page.getByText('Vul uw e-mailadres in.').count()).toBe(2);
    expect(await page.getByText('Vul uw wachtwoord in.').count()).toBe(2);
    await page.getByRole('link', { name: 'Vul uw e-mailadres in.' }).click();
    expect(await page.getByLabel('E-mailadres').evaluate((input) => input === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'login-errors');
    await expectNoAxeViolations(page);
  });

  it('refuses a wrong password with the Dutch message of the API', async () => {
    const page = await portal.openPortal('/inloggen');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', 'verkeerd-wachtwoord');
    await page.getByText('Het e-mailadres of het wachtwoord is onjuist.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Inloggen');
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
  });

  it('logs out through the header and returns to the login page', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await mainText(page)).toContain('U bent uitgelogd.');
    // The session is gone on the server too: a reload does not bring the user back in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  });

  it('runs under the strict Content-Security-Policy of the API', async () => {
    const page = await portal.openPortal('/', { bypassCSP: false });
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.reload();
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn percelen' }).waitFor();
    expect(cspErrors).toEqual([]);
  });
});
