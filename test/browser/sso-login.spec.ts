import { clickMenu, expectNoAxeViolations, logInAndOpen, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-test-provider';
import { usePortal } from './portal-fixture';

// Single sign-on (issue 14) in the browser: from the login page to the test identity provider's own login and consent
// pages (oidc-provider's development pages) and back, ending on the user's start page; and out again at both.
const portal = usePortal();
let idp: TestIdentityProvider;

beforeAll(async () => {
  idp = await startTestIdentityProvider(portal.url, { 'arnhem-consulent': { email: 'consulent@arnhem.demo.nl', email_verified: true } });
  const [{ organisation_id: arnhem }] = await portal.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'consulent@arnhem.demo.nl'`);
  const admin = await loginAs(portal.url, 'beheer@midden-gelderland.demo.nl');
  await admin.ok(`mutation Save($input: SaveSsoConnectionInput!) { saveSsoConnection(input: $input) { id } }`, {
    input: { organisationId: arnhem, kind: 'OIDC', issuerUrl: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, emailDomains: ['arnhem.demo.nl'], emailMatching: 'VERIFIED', enabled: true },
  });
});
afterAll(() => idp?.close());

describe('inloggen met uw organisatie', () => {
  it('logs in at the organisation\'s identity provider and ends on the start page, then logs out at both', async () => {
    const page = await portal.openPortal('/inloggen');
    await page.getByRole('button', { name: 'Inloggen met uw organisatie' }).click();
    const choice = page.getByRole('form', { name: 'Inloggen met uw organisatie: kies de organisatie', exact: true });
    expect(await choice.getByLabel('Uw organisatie').locator('option:checked').innerText()).toBe('Gemeente Arnhem');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'login-sso-choice');
    await choice.getByRole('button', { name: 'Verder naar uw organisatie' }).click();

    // The identity provider's own pages.
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill('arnhem-consulent');
    await page.locator('input[name="password"]').fill('wachtwoord-bij-de-gemeente');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inburgeraars');
    expect(await page.getByRole('banner').innerText()).toContain('Gemeente Arnhem');

    await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  });

  it('tells a user without an account at the organisation in Dutch, on the login page', async () => {
    const page = await portal.openPortal('/inloggen?sso=onbekend');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await mainText(page)).toContain('er is op dit platform geen account voor u bij die organisatie');
    await expectNoAxeViolations(page);
  });
});

describe('beheer: inloggen met de eigen organisatie instellen', () => {
  it('sets a provider\'s eHerkenning broker to a signed assertion and shows the address of the platform\'s public key', async () => {
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'beheer@midden-gelderland.demo.nl', DEMO_PASSWORD, '/');
    await clickMenu(page, 'Inloggen met de eigen organisatie');
    await page.getByRole('heading', { level: 1, name: 'Inloggen met de eigen organisatie' }).waitFor();
    const organisation = page.getByLabel('Organisatie', { exact: true });
    const newBees = await organisation.locator('option', { hasText: 'New Bees' }).first().getAttribute('value');
    await organisation.selectOption(newBees!);
    const form = page.getByRole('form', { name: /^Inloginstelling van New Bees/ });
    expect(await form.getByLabel('Soort').locator('option:checked').innerText()).toBe('eHerkenning (makelaar)');
    await form.getByLabel('Issuer-URL').fill(idp.issuer);
    await form.getByLabel('Client-id').fill('inburgering-regio-eherkenning');
    await form.getByLabel('Hoe het platform zich bekendmaakt').selectOption('PRIVATE_KEY_JWT');
    expect(await form.getByLabel('Clientgeheim').count()).toBe(0);
    await form.getByLabel('E-maildomeinen').fill('newbees.demo.nl');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    const jwksLine = form.getByText('JWKS-adres om bij de identity provider op te geven');
    const url = /(http\S+\/jwks\.json)/.exec(await jwksLine.innerText())?.[1];
    expect(url).toBe(`${portal.url}/api/sso/${newBees}/jwks.json`);
    const jwks = (await (await fetch(url!)).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys.map((k) => [k.kty, k.d])).toEqual([['EC', undefined]]);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'sso-settings-private-key-jwt');
  });
});
