// Noordoost-Brabant (Oss): clients wait in the instroomklas until their route starts; its hours stand beside the route's
// 800 + 800, and the waiting time shows how much of the wait the instroomklas filled (issue #15).
import { formatDateNl } from '@inburgering/domain';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logInAndOpen, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => portal.query<T>(sql, params);

async function loggedIn(email: string, path: string, width = 1280): Promise<Page> {
  const page = await portal.openPortal('/');
  await page.setViewportSize({ width, height: 900 });
  return logInAndOpen(page, portal.url, email, DEMO_PASSWORD, path);
}

/** Nothing of the page's own content sticks out at this width. */
async function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('main, main > *, main section > *'))
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
}

describe('Oss: from the instroomklas to the Z-route', () => {
  it('the consultant ends the instroomklas of a client whose Z-route started; its hours stay beside the route and the waiting time shows', async () => {
    // The demo's Oss client whose Z-route with ROC De Leijgraaf started while the instroomklas still runs.
    const [client] = await query<{ id: string; route_start: string; klas_start: string }>(
      `SELECT c.id, to_char(r.start_date, 'YYYY-MM-DD') AS route_start, to_char(k.start_date, 'YYYY-MM-DD') AS klas_start
         FROM client c JOIN organisation m ON m.id = c.municipality_id
         JOIN placement k ON k.client_id = c.id AND k.kind = 'INSTROOMKLAS' AND k.status = 'STARTED'
         JOIN placement r ON r.client_id = c.id AND r.kind = 'REGULAR' AND r.status = 'STARTED' AND r.route = 'Z'
        WHERE m.cbs_code = 'GM0828' LIMIT 1`,
    );
    expect(client).toBeDefined();
    const page = await loggedIn('consulent@oss.demo.nl', `/inburgeraar?id=${client.id}`, 390);
    await page.getByRole('heading', { level: 2, name: 'Instroomklas en wachttijd' }).waitFor();
    await page.getByTestId('instroomklas-route-started').waitFor();
    expect(await page.getByTestId('instroomklas-route-started').innerText()).toContain(formatDateNl(client.route_start));
    expect(await page.getByTestId('instroomklas-periods').innerText()).toContain(`Sinds ${formatDateNl(client.klas_start)} bij ROC De Leijgraaf`);
    const hours = await page.getByTestId('instroomklas-hours').innerText();
    expect(hours).toMatch(/^\d+(,\d)? uur aanwezig van \d+(,\d)? uur gepland \(apart van de route\)$/);
    expect(await sticksOut(page)).toEqual([]);
    await expectNoAxeViolations(page);

    // End it: "Route gestart" on the day the route started is what the form proposes.
    await page.getByRole('button', { name: 'Instroomklas beëindigen' }).click();
    const form = page.getByRole('form', { name: 'Plaatsing beëindigen' });
    await form.waitFor();
    expect(await form.getByLabel('Reden van beëindiging *').inputValue()).toBe('ROUTE_STARTED');
    expect(await form.getByLabel('Einddatum *').inputValue()).toBe(formatDateNl(client.route_start));
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Plaatsing beëindigen' }).click();
    await page.getByText('De instroomklas is beëindigd.').waitFor();
    await page.getByText(`Van ${formatDateNl(client.klas_start)} tot ${formatDateNl(client.route_start)} bij ROC De Leijgraaf (Route gestart)`).waitFor();
    const waiting = await page.getByTestId('waiting-from-pip').innerText();
    expect(waiting).toMatch(/^\d+ dagen, waarvan \d+ in de instroomklas · Route gestart op /);
    expect(await page.getByTestId('instroomklas-hours').innerText()).toBe(hours);
    expect((await page.getByTestId('placement-row').allInnerTexts()).some((row) => row.startsWith('Instroomklas') && row.includes('Beëindigd'))).toBe(true);
    await saveScreenshot(page, 'oss-instroomklas-ended');
    await expectNoAxeViolations(page);

    // The progress page keeps the Z-route's 800 + 800 apart from the instroomklas hours.
    await page.getByRole('link', { name: 'Voortgang: uren en resultaten' }).click();
    await page.getByTestId('progress-instroomklas').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Cursusuren (taal en KNM, Z-route)');
    expect(text).toMatch(/Instroomklas · ROC De Leijgraaf/);
    await expectNoAxeViolations(page);
  });

  it('the consultant places a waiting client in the instroomklas, with every field error at once', async () => {
    const [client] = await query<{ id: string }>(
      `SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id
        WHERE m.cbs_code = 'GM0828' AND c.route IS NOT NULL AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id)
        ORDER BY c.client_number LIMIT 1`,
    );
    const page = await loggedIn('consulent@oss.demo.nl', `/inburgeraar?id=${client.id}`);
    await page.getByRole('heading', { level: 2, name: 'Instroomklas en wachttijd' }).waitFor();
    await page.getByRole('button', { name: 'Plaatsen in de instroomklas' }).click();
    const form = page.getByRole('form', { name: 'Plaatsen in de instroomklas' });
    await form.getByRole('button', { name: 'In de instroomklas plaatsen' }).click();
    const summary = page.locator('.portal-error-summary').first();
    await summary.waitFor();
    const errors = await summary.innerText();
    for (const field of ['Aanbieder van de instroomklas', 'Eerste dag in de instroomklas']) expect(errors).toContain(field);
    await expectNoAxeViolations(page);

    await form.getByLabel('Aanbieder van de instroomklas *').selectOption({ label: 'ROC De Leijgraaf' });
    await form.getByLabel('Eerste dag in de instroomklas *').fill('1-12-2099');
    await form.getByRole('button', { name: 'In de instroomklas plaatsen' }).click();
    await page.getByText(/De begindatum in de instroomklas \(1-12-2099\) ligt in de toekomst/).first().waitFor();
    const yesterday = (await query<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'Europe/Amsterdam')::date - 1, 'YYYY-MM-DD') AS d`))[0].d;
    await form.getByLabel('Eerste dag in de instroomklas *').fill(formatDateNl(yesterday));
    await form.getByRole('button', { name: 'In de instroomklas plaatsen' }).click();
    await page.getByText('De inburgeraar is in de instroomklas geplaatst.').waitFor();
    expect(await page.getByTestId('instroomklas-periods').innerText()).toBe(`Sinds ${formatDateNl(yesterday)} bij ROC De Leijgraaf`);
    await page.getByRole('button', { name: 'Instroomklas beëindigen' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
