import { SaveHourEntriesDocument, HourWeekDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { captionsPastTheScreen, expectNoAxeViolations, launchBrowser, logInAndOpen, mainText, newPortalContext, saveScreenshot, wordsBrokenAcrossLines } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { hoursCsv, placeClients, weekInPreviousMonth, type FixturePlacement } from '../support/hours-fixtures';
import { DEFAULT_PORTAL_DIST, startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// One platform with a worker (imports and absence signals run there) and one Chromium for the hours screens.
let platform: TestPlatform;
let browser: Browser;
let pg: Client;
let group: FixturePlacement[];
const GROUP = 'Browsergroep';
const { weekStart, days } = weekInPreviousMonth();

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ portalDist: DEFAULT_PORTAL_DIST, worker: true }), launchBrowser()]);
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  group = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 15, groupName: GROUP });
});
afterAll(async () => {
  await pg.end();
  await browser?.close();
  await platform?.close();
});

async function loggedIn(email: string, path: string): Promise<Page> {
  return logInAndOpen(await (await newPortalContext(browser)).newPage(), platform.url, email, DEMO_PASSWORD, path);
}

const dayLabel = (date: string) => `${['ma', 'di', 'wo', 'do', 'vr'][days.indexOf(date)]} ${Number(date.slice(8, 10))}-${Number(date.slice(5, 7))}-${date.slice(0, 4)}`;

describe('urenregistratie (aanbieder)', () => {
  it('fills a week for a group of 15 with the keyboard, shows totals, autosaves and keeps it after a reload', async () => {
    const page = await loggedIn('aanbieder@newbees.demo.nl', `/uren?week=${weekStart}&groep=${encodeURIComponent(GROUP)}`);
    const table = page.getByRole('table', { name: /Uren per inburgeraar en dag/ });
    await table.waitFor();
    // The grid lists the group by last name; start in its top row.
    const first = (await table.locator('tbody').getByRole('rowheader').first().innerText()).split('\n')[0];
    expect(group.map((p) => p.clientName)).toContain(first);
    // Planned hours per day column, top to bottom with the arrow key; attended follows planned.
    for (const day of days) {
      await page.getByLabel(`Gepland ${first} ${dayLabel(day)}`).focus();
      for (let row = 0; row < group.length; row += 1) {
        await page.keyboard.type('3');
        await page.keyboard.press('ArrowDown');
      }
    }
    await page.getByLabel(`Aanwezig ${first} ${dayLabel(days[1])}`).fill('1,5');
    await page.getByLabel(`Reden afwezigheid ${first} ${dayLabel(days[1])}`).selectOption({ label: 'Ziek' });
    await page.getByText('Alle wijzigingen zijn opgeslagen.').waitFor();
    expect(await page.getByTestId('grand-total').innerText()).toBe('223,5');
    const firstRow = table.getByRole('row', { name: new RegExp(first) });
    expect(await firstRow.getByTestId('row-total').innerText()).toBe('13,5');
    await saveScreenshot(page, 'hours-grid');
    await expectNoAxeViolations(page);

    await page.reload();
    await table.waitFor();
    expect(await page.getByTestId('grand-total').innerText()).toBe('223,5');
    expect(await page.getByLabel(`Aanwezig ${first} ${dayLabel(days[1])}`).inputValue()).toBe('1,5');
  });

  it('shows a conflict when someone else changed the cell meanwhile', async () => {
    const page = await loggedIn('aanbieder@newbees.demo.nl', `/uren?week=${weekStart}&groep=${encodeURIComponent(GROUP)}`);
    const second = group[1];
    await page.getByLabel(`Gepland ${second.clientName} ${dayLabel(days[4])}`).waitFor();
    // Another tab saves the same cell first.
    const other = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const { hourWeek } = await other.ok(HourWeekDocument, { weekStart, groupName: GROUP });
    const entry = hourWeek.rows.find((r) => r.placementId === second.placementId)!.entries.find((e) => e.date === days[4])!;
    await other.ok(SaveHourEntriesDocument, { input: { cells: [{ placementId: second.placementId, date: days[4], category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: 120, absenceReason: 'EXCUSED', version: entry.version }] } });

    await page.getByLabel(`Aanwezig ${second.clientName} ${dayLabel(days[4])}`).fill('2,5');
    await page.getByLabel(`Reden afwezigheid ${second.clientName} ${dayLabel(days[4])}`).selectOption({ label: 'Ziek' });
    await page.getByTestId('save-status').getByText(/Conflict: iemand anders heeft deze uren intussen gewijzigd/).waitFor();
    await page.getByRole('button', { name: 'Week opnieuw laden' }).click();
    await waitFor('reloaded week', async () => (await page.getByLabel(`Aanwezig ${second.clientName} ${dayLabel(days[4])}`).inputValue()) === '2');
  });

  it('opens last week\'s language hours when the address names no real week or an unknown kind of hours', async () => {
    const page = await loggedIn('aanbieder@newbees.demo.nl', '/uren');
    // Monday 7 December 00:30 in Amsterdam, still Sunday in UTC: last week is the one of Monday 30 November.
    await page.clock.setFixedTime(new Date('2026-12-06T23:30:00Z'));
    await page.goto(`${platform.url}/uren?week=2026-02-31&soort=XYZ`);
    await page.getByRole('table', { name: /Uren per inburgeraar en dag/ }).waitFor();
    expect(await page.getByLabel('Soort uren').inputValue()).toBe('LANGUAGE');
    await page.getByText(/^Week van 30-11-2026 t\/m 4-12-2026$/).waitFor();
  });

  it('pages the week of all groups ("1–50 van …", Volgende with the keyboard) and narrows it to one group, at 390 px', async () => {
    await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 25, groupName: 'Browsergroep 2' });
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const { total } = (await provider.ok(HourWeekDocument, { weekStart, groupName: null, limit: 1, offset: 0 })).hourWeek;
    expect(total).toBeGreaterThan(50);
    const page = await loggedIn('aanbieder@newbees.demo.nl', `/uren?week=${weekStart}`);
    await page.setViewportSize({ width: 390, height: 844 });
    const table = page.getByRole('table', { name: /Uren per inburgeraar en dag/ });
    const pager = page.getByRole('navigation', { name: 'Paginering', exact: true });
    await pager.getByText(`1–50 van ${total}`, { exact: true }).waitFor();
    expect(await table.locator('tbody').getByRole('rowheader').count()).toBe(50);
    const firstPage = await table.locator('tbody').getByRole('rowheader').allInnerTexts();

    await pager.getByRole('button', { name: 'Volgende', exact: true }).focus();
    await page.keyboard.press('Enter');
    await pager.getByText(`51–${total} van ${total}`, { exact: true }).waitFor();
    expect(page.url()).toContain('vanaf=50');
    await waitFor('de tweede pagina', async () => (await table.locator('tbody').getByRole('rowheader').count()) === total - 50);
    const secondPage = await table.locator('tbody').getByRole('rowheader').allInnerTexts();
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

    await page.getByLabel('Groep', { exact: true }).selectOption(GROUP);
    await pager.getByText(`1–${group.length} van ${group.length}`, { exact: true }).waitFor();
    expect(page.url()).not.toContain('vanaf=');
    expect(await pager.getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The grid scrolls in its box; its headings stay words ("Totaal aanwezig" was 26 px wide, one letter per line).
    expect(await wordsBrokenAcrossLines(table.locator('thead'))).toEqual([]);
    // Each day's date stays on one line ("23-11-" above "2026" before); the weekday may go above it.
    expect(await wordsBrokenAcrossLines(table.locator('thead'), /\d{1,2}-\d{1,2}-\d{4}/g)).toEqual([]);
    // Its caption wraps within the box and stays in view when the grid is scrolled sideways.
    expect(await captionsPastTheScreen(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });
});

describe('uren importeren (aanbieder)', () => {
  it('reports the bad row with row, column and reason, writes nothing, and imports the fixed file', async () => {
    const page = await loggedIn('aanbieder@newbees.demo.nl', '/uren/import');
    await page.getByRole('heading', { level: 1, name: 'Uren importeren' }).waitFor();
    const [a, b] = [group[2], group[3]];
    const rows = [
      { clientNumber: a.clientNumber, date: days[0], category: 'participatie', planned: '2', attended: '2' },
      { clientNumber: b.clientNumber, date: days[0], category: 'participatie', planned: 'twee', attended: '2' },
    ];
    await page.getByLabel('Bestand met uren').setInputFiles({ name: 'uren-week.csv', mimeType: 'text/csv', buffer: Buffer.from(hoursCsv(rows)) });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).click();
    await page.getByText('Het bestand bevat 1 fouten. Er is niets geïmporteerd').waitFor();
    const report = page.getByRole('table', { name: 'Fouten in uren-week.csv' });
    expect(await report.getByRole('row').nth(1).innerText()).toMatch(/3\s+gepland\s+"twee" is geen aantal uren/);
    await expectNoAxeViolations(page);

    // The report is in the address: a reload shows it again.
    await page.reload();
    await page.getByText('Het bestand bevat 1 fouten.').waitFor();

    rows[1].planned = '2';
    await page.getByLabel('Bestand met uren').setInputFiles({ name: 'uren-week.csv', mimeType: 'text/csv', buffer: Buffer.from(hoursCsv(rows)) });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).click();
    await page.getByText('Het bestand is goedgekeurd: 2 rijen zonder fouten.').waitFor();
    await page.getByRole('button', { name: 'Gecontroleerd bestand importeren' }).click();
    await page.getByText('2 rijen zijn geïmporteerd.').waitFor();
    const { rows: [{ count }] } = await pg.query(`SELECT count(*)::int FROM hour_entry WHERE category = 'PARTICIPATION' AND placement_id = ANY($1::uuid[])`, [[a.placementId, b.placementId]]);
    expect(count).toBe(2);

    // The recent imports, each with its date (d-M-yyyy HH:mm), Dutch status, rows and errors, link to their report.
    const recent = page.getByRole('table', { name: 'Urenimports van uw organisatie' });
    await recent.getByRole('row').filter({ hasText: 'Geïmporteerd' }).waitFor();
    const lines = (await recent.locator('tbody tr').allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^uren-week\.csv \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} Geïmporteerd 2 0$/),
      expect.stringMatching(/^uren-week\.csv \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} Goedgekeurd \(proefimport\) 2 0$/),
      expect.stringMatching(/^uren-week\.csv \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} Afgekeurd 2 1$/),
    ]));
    await expectNoAxeViolations(page);
    await recent.getByRole('row').filter({ hasText: 'Afgekeurd' }).getByRole('link').click();
    await page.getByText('Het bestand bevat 1 fouten.').waitFor();
    expect(page.url()).toContain('/uren/import?import=');
  });
});

describe('verzuimsignalen (consulent)', () => {
  it('lets the consultant of the client acknowledge a signal of three unexcused absences', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Verzuim', startDate: weekStart });
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    await provider.ok(SaveHourEntriesDocument, {
      input: { cells: days.slice(0, 3).map((date) => ({ placementId: client.placementId, date, category: 'LANGUAGE' as const, plannedMinutes: 180, attendedMinutes: 0, absenceReason: 'UNEXCUSED' as const })) },
    });
    await waitFor('signal raised', async () => Number((await pg.query(`SELECT count(*) FROM signal WHERE subject_id = $1`, [client.clientId])).rows[0].count) === 2);

    const page = await loggedIn('consulent@arnhem.demo.nl', '/verzuim');
    await page.getByRole('heading', { level: 1, name: 'Verzuimsignalen' }).waitFor();
    // Demo names repeat, so the signal is found by its link to this client's progress.
    const ofClient = () => page.getByRole('listitem').filter({ hasText: client.clientName, has: page.locator(`a[href$="client=${client.clientId}"]`) });
    const item = ofClient();
    await item.getByText('3 lesdagen achter elkaar ongeoorloofd afwezig').waitFor();
    expect(await mainText(page)).not.toMatch(/\b999\d{6}\b/);
    await expectNoAxeViolations(page);
    await item.getByLabel('Wat heeft u gedaan? (optioneel)').fill('Gebeld met de inburgeraar; afspraak gemaakt');
    await item.getByRole('button', { name: 'Afhandelen' }).click();
    await waitFor('signal gone from the open list', async () => (await ofClient().count()) === 0);

    await page.getByLabel('Alleen open signalen').uncheck();
    await ofClient().getByText(/Afgehandeld op .*: Gebeld met de inburgeraar/).waitFor();
    await ofClient().getByRole('link', { name: 'Voortgang bekijken' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(client.clientName) }).waitFor();
  });
});
