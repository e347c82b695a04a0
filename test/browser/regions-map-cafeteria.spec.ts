// Zuid-Limburg/Parkstad (Kerkrade): MAP parts offered cafeteria-style by the WSP Parkstad. The consultant records the
// parts a client picks, the WSP marks one completed, the consultant sees the progress towards the MAP (issue #15).
import { calendarDateInAmsterdam, formatDateNl } from '@inburgering/domain';
import type { Page } from 'playwright-core';
import { clickMenu, expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => portal.query<T>(sql, params);

/** Logged in on a phone-sized screen (390 px), so every step also shows the page works there. */
async function onPhone(email: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await page.setViewportSize({ width: 390, height: 844 });
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  return page;
}

/** Elements of the page's own content wider than the screen (a table may scroll inside its own box). */
const overflowing = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('main, main > *, main section > *:not(.portal-scroll-x):not(div)'))
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));

describe('Kerkrade: MAP parts from the WSP Parkstad (cafetariamodel)', () => {
  it('a consultant picks MAP parts for a client, the WSP marks one completed, the consultant sees the progress', async () => {
    // A Kerkrade client on the B1- or Z-route with a PIP who has not chosen MAP parts yet.
    const [client] = await query<{ id: string; name: string; number: number }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.client_number AS number FROM client c JOIN organisation m ON m.id = c.municipality_id
        WHERE m.cbs_code = 'GM0928' AND c.route IN ('B1', 'Z') AND c.pip_signed_on IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM map_part_choice mc WHERE mc.client_id = c.id)
        ORDER BY c.client_number LIMIT 1`,
    );
    const consultant = await onPhone('consulent@kerkrade.demo.nl');
    await consultant.goto(`${portal.url}/inburgeraar?id=${client.id}`);
    await consultant.getByRole('heading', { level: 1, name: client.name }).waitFor();
    const section = consultant.getByRole('region', { name: 'MAP-onderdelen (cafetariamodel)' });
    await section.getByRole('cell', { name: 'Nog geen MAP-onderdelen gekozen.' }).waitFor();

    // Nothing ticked: the error names the field and links to it.
    await section.getByRole('button', { name: 'Onderdelen vastleggen' }).click();
    const summary = section.locator('.portal-error-summary').first();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Kies minstens één MAP-onderdeel.');

    // By keyboard: tick Oriëntatie op werk and Sollicitatietraining with the space bar, then save.
    await section.getByRole('checkbox', { name: /^Oriëntatie op werk \(16 uur/ }).focus();
    await consultant.keyboard.press('Space');
    await section.getByRole('checkbox', { name: /^Sollicitatietraining \(12 uur/ }).check();
    await section.getByRole('checkbox', { name: /^Werkervaringsplek \(80 uur/ }).check();
    await section.getByRole('button', { name: 'Onderdelen vastleggen' }).click();
    await consultant.getByText('De gekozen MAP-onderdelen zijn vastgelegd.').waitFor();
    const chosen = section.getByRole('table', { name: 'Gekozen MAP-onderdelen' });
    await chosen.getByRole('cell', { name: 'Werkervaringsplek' }).waitFor();
    expect(await chosen.locator('tbody tr').count()).toBe(3);
    expect(await section.innerText()).toContain('0 van 3');
    expect(await overflowing(consultant)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(consultant, 'map-parts-consultant');
    await expectNoAxeViolations(consultant);

    // The WSP Parkstad sees the client by number and name (no BSN) and marks Oriëntatie op werk completed.
    const wsp = await onPhone('aanbieder@wspparkstad.demo.nl');
    await clickMenu(wsp, 'MAP-onderdelen');
    await wsp.getByRole('heading', { level: 1, name: 'MAP-onderdelen' }).waitFor();
    const participants = wsp.getByRole('table', { name: 'Inburgeraars die een MAP-onderdeel kozen' });
    await participants.getByRole('rowheader', { name: client.name }).first().waitFor();
    expect(await participants.innerText()).not.toMatch(/\b999\d{6}\b/);
    await wsp.getByLabel('Inburgeraar en onderdeel').selectOption({ label: `${client.number} ${client.name}: Oriëntatie op werk` });
    const today = formatDateNl(calendarDateInAmsterdam(new Date()));
    await wsp.getByLabel('Afgerond op').fill(today);
    await wsp.getByRole('button', { name: 'Afgerond melden' }).click();
    await wsp.getByText(`Oriëntatie op werk van ${client.name} is als afgerond gemeld.`).waitFor();
    expect(await overflowing(wsp)).toEqual([]);
    await saveScreenshot(wsp, 'map-parts-wsp');
    await expectNoAxeViolations(wsp);

    // The WSP keeps its catalogue: an empty part shows every error at once, each naming its field; then it is added.
    const add = wsp.getByRole('form', { name: 'Onderdeel toevoegen aan de catalogus' });
    await add.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    const errors = add.locator('.portal-error-summary').first();
    await errors.waitFor();
    const errorText = await errors.innerText();
    for (const message of ['Vul de naam van het MAP-onderdeel in.', 'Beschrijf wat de inburgeraar', 'Vul de duur in uren in', "Kies de MAP-thema's"]) expect(errorText).toContain(message);
    await add.getByLabel('Onderdeel', { exact: true }).fill('Taalstage in de zorg');
    await add.getByLabel('Beschrijving').fill('Meelopen op een zorglocatie, met vaktaal en een begeleider van het WSP.');
    await add.getByLabel('Duur in uren').fill('60');
    await add.getByLabel('Prijs in euro').fill('1.100');
    await add.getByRole('checkbox', { name: 'Beroepscompetenties verwerven' }).check();
    await add.getByRole('checkbox', { name: /^Praktijkactiviteit op de arbeidsmarkt/ }).check();
    await add.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    await wsp.getByText('Taalstage in de zorg staat in de catalogus.').waitFor();
    await wsp.getByRole('table', { name: 'MAP-onderdelen in de catalogus' }).getByRole('rowheader', { name: 'Taalstage in de zorg' }).waitFor();
    const [stored] = await query<{ minutes: number; price: number; practical: boolean }>(`SELECT minutes, price_cents AS price, practical FROM map_part WHERE name = 'Taalstage in de zorg'`);
    expect(stored).toEqual({ minutes: 3600, price: 110000, practical: true });
    await expectNoAxeViolations(wsp);

    // Back at the consultant: one of three parts done, 16 of 108 hours, the MAP not yet complete.
    await consultant.reload();
    const after = consultant.getByRole('region', { name: 'MAP-onderdelen (cafetariamodel)' });
    await after.getByText('1 van 3', { exact: true }).waitFor();
    const text = await after.innerText();
    expect(text).toContain('16 van 108 uur');
    expect(text).toContain('Nog 2 van de 3 gekozen onderdelen af te ronden.');
    expect(text).toContain('Termijn MAP (18 maanden)');
    expect(await after.getByRole('table', { name: 'Gekozen MAP-onderdelen' }).innerText()).toContain(today);
    await expectNoAxeViolations(consultant);
  });

  it('the demo shows a Kerkrade client whose chosen parts complete the MAP', async () => {
    const [complete] = await query<{ id: string }>(
      `SELECT c.client_id AS id FROM map_part_choice c JOIN client cl ON cl.id = c.client_id WHERE c.idempotency_key LIKE 'demo-map-parts:%'
        GROUP BY c.client_id, cl.client_number HAVING bool_and(c.status = 'COMPLETED') ORDER BY cl.client_number LIMIT 1`,
    );
    const consultant = await onPhone('consulent@kerkrade.demo.nl');
    await consultant.goto(`${portal.url}/inburgeraar?id=${complete.id}`);
    const section = consultant.getByRole('region', { name: 'MAP-onderdelen (cafetariamodel)' });
    await section.getByTestId('map-progress-summary').waitFor();
    expect(await section.getByTestId('map-progress-summary').innerText()).toMatch(/^De gekozen onderdelen vullen de MAP \(afgerond op .*\)\. Plan het eindgesprek MAP\.$/);
    await expectNoAxeViolations(consultant);
  });
});
