// Issue 14: a user sees the own sessions and logs out everywhere (a lost phone, a shared computer).
import { expectNoAxeViolations, logInAndOpen, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('mijn sessies', () => {
  it('lists this browser and the other one, and "overal uitloggen" logs out both after a confirmation', async () => {
    const other = await logInAndOpen(await portal.openPortal('/'), portal.url, 'consulent@oss.demo.nl', DEMO_PASSWORD, '/inburgeraars');
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'consulent@oss.demo.nl', DEMO_PASSWORD, '/inburgeraars');
    await page.getByRole('banner').getByRole('link', { name: 'Mijn sessies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn sessies' }).waitFor();
    const table = page.getByRole('table', { name: /Ingelogde sessies/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await table.getByRole('cell', { name: 'Deze browser' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'account-sessions');

    await page.getByRole('button', { name: 'Overal uitloggen' }).click();
    await page.getByRole('button', { name: 'Ja, overal uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await other.reload();
    await other.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });
});
