// The digital presence list on the teacher's phone (issue 12): three students sign in (one while the classroom is
// offline: kept on the device, sent once on reconnect), one is marked sick, the list is closed with the teacher's own
// password; then the provider's week grid shows the hours from the list (not editable) and the consultant sees the
// absence signal the municipality's rules raise.
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { expectNoAxeViolations, launchBrowser, logInThroughForm, newPortalContext } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { amsterdam, lessonDay, presenceGroup, type PresenceGroupFixture } from '../support/presence-fixtures';
import { DEFAULT_PORTAL_DIST, startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';
import { placeClients } from '../support/hours-fixtures';
import { isoWeekday, startOfIsoWeek } from '@inburgering/domain';

const DAY = lessonDay();
const START = amsterdam(DAY, '09:05');
const clock = new SettableClock(START);
const GROUP = 'Presentie telefoon';
let platform: TestPlatform;
let browser: Browser;
let pg: Client;
let group: PresenceGroupFixture;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ portalDist: DEFAULT_PORTAL_DIST, worker: true, clock }), launchBrowser()]);
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const teacher = await loginAs(platform.url, 'docent@newbees.demo.nl');
  group = await presenceGroup(pg, provider, teacher, { date: DAY, name: GROUP, count: 4, teacherEmail: 'docent@newbees.demo.nl' });
}, 120_000);
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await pg?.end();
  await browser?.close();
  await platform?.close();
});

/** A phone (390×844) whose clock shows the lesson's morning, like the API's. */
async function phone(email: string, path: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await newPortalContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.clock.install({ time: START });
  await page.goto(`${platform.url}/`);
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ state: 'attached' });
  await page.goto(`${platform.url}${path}`);
  return { page, context };
}

const marksOf = async (placementId: string) =>
  (await pg.query<{ kind: string }>(`SELECT kind FROM presence_mark WHERE lesson_id = $1 AND placement_id = $2`, [group.lessonId, placementId])).rows.map((r) => r.kind);

describe('presentielijst (docent, telefoon)', () => {
  it('signs three students in (one offline), marks one sick, closes with the password; hours in the grid, signal at the consultant', async () => {
    const [a, b, c, sick] = group.students;
    // Four earlier weeks of low attendance, so this closed list tips the municipality's low-attendance rule.
    await pg.query(
      `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
       SELECT p.id, p.client_id, p.provider_id, p.municipality_id, $2::date - 7 * g, 'LANGUAGE', 180, 0, 'SICK' FROM placement p, generate_series(1, 4) g WHERE p.id = $1`,
      [sick.placementId, DAY],
    );

    const { page, context } = await phone('docent@newbees.demo.nl', '/lessen');
    await page.getByRole('heading', { level: 1, name: 'Mijn lessen' }).waitFor();
    await page.getByRole('link', { name: new RegExp(GROUP) }).click();
    await page.getByRole('heading', { level: 1, name: `Presentielijst: ${GROUP}` }).waitFor();
    await expectNoAxeViolations(page);
    const student = (name: string) => page.getByRole('listitem').filter({ hasText: name });
    const code = page.getByLabel('Persoonlijke code');
    const signIn = async (value: string) => {
      await code.fill(value);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    };

    await signIn(a.code);
    await student(a.clientName).getByText('Aanwezig vanaf 09:05').waitFor();

    // The connection drops: the sign-in stays on the device, and is sent (once) when it returns.
    await context.setOffline(true);
    await signIn(b.code);
    await page.getByText('Geen verbinding: de aanmelding staat op dit apparaat').waitFor();
    await page.getByText('1 aanmelding(en) wachten op verbinding.').waitFor();
    expect(await marksOf(b.placementId)).toEqual([]);
    await context.setOffline(false);
    await student(b.clientName).getByText(/Aanwezig vanaf 09:0\d/).waitFor();
    await waitFor('queue emptied', async () => (await page.getByText('wachten op verbinding').count()) === 0);
    expect(await marksOf(b.placementId)).toEqual(['ARRIVAL']);

    await signIn(c.code.toLowerCase());
    await student(c.clientName).getByText(/Aanwezig vanaf/).waitFor();

    await student(sick.clientName).getByLabel('Reden').selectOption({ label: 'Ziek' });
    await student(sick.clientName).getByRole('button', { name: /Afwezig melden/ }).click();
    await student(sick.clientName).getByText('Afwezig: Ziek').waitFor();

    await page.getByLabel('Uw wachtwoord').fill('niet-mijn-wachtwoord');
    await page.getByRole('button', { name: 'Afsluiten en tekenen' }).click();
    await page.getByText('Dit wachtwoord klopt niet').first().waitFor();
    await page.getByLabel('Uw wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Afsluiten en tekenen' }).click();
    await page.getByText(/Handtekening:.*docent@newbees\.demo\.nl/).waitFor();
    expect(await page.getByRole('button', { name: 'Aanmelden', exact: true }).count()).toBe(0);
    expect(await marksOf(b.placementId)).toEqual(['ARRIVAL']);
    await expectNoAxeViolations(page);

    // The provider's week grid: the hours from the list, marked as such and not editable.
    const grid = (await phone('aanbieder@newbees.demo.nl', `/uren?week=${startOfIsoWeek(DAY)}&groep=${encodeURIComponent(GROUP)}`)).page;
    const table = grid.getByRole('table', { name: /Uren per inburgeraar en dag/ });
    await table.waitFor();
    const label = `${['ma', 'di', 'wo', 'do', 'vr'][new Date(`${DAY}T12:00:00Z`).getUTCDay() - 1]} ${Number(DAY.slice(8, 10))}-${Number(DAY.slice(5, 7))}-${DAY.slice(0, 4)}`;
    for (const s of [a, b, c, sick]) {
      const planned = grid.getByLabel(`Gepland ${s.clientName} ${label}`);
      await waitFor(`planned hours of ${s.clientName}`, async () => (await planned.inputValue()) === '3');
      expect(await planned.isDisabled()).toBe(true);
      expect(await grid.getByLabel(`Aanwezig ${s.clientName} ${label}`).isDisabled()).toBe(true);
    }
    expect(await grid.getByLabel(`Aanwezig ${sick.clientName} ${label}`).inputValue()).toBe('0');
    const row = table.getByRole('row', { name: new RegExp(sick.clientName) });
    await row.getByText('Uit presentielijst').waitFor();

    // The auditor's export, from the groups page: the XLSX and the PDF of the group download.
    await grid.goto(`${platform.url}/groepen`);
    const section = grid.getByRole('region', { name: GROUP });
    for (const [name, magic] of [[/Presentielijsten voor de auditor \(XLSX\)/, 'PK'], [/Presentielijsten voor de auditor \(PDF\)/, '%PDF']] as const) {
      const [download] = await Promise.all([grid.waitForEvent('download'), section.getByRole('link', { name }).click()]);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(download.suggestedFilename()).toMatch(/^presentielijsten-.*\.(xlsx|pdf)$/);
    }

    // The group's name is there for screen readers only: the link shows just "Bekijken voor de auditor".
    const auditLink = section.getByRole('link', { name: new RegExp(`Bekijken voor de auditor ${GROUP}`) });
    const hiddenName = await auditLink.locator('span').evaluate((span) => span.getBoundingClientRect().width);
    expect(hiddenName).toBeLessThanOrEqual(1);
    // The auditor's view on screen, on the phone: the lesson with its signature, the sick student, a period to choose.
    await auditLink.click();
    await grid.getByRole('heading', { level: 1, name: `Verantwoording presentie ${GROUP}` }).waitFor();
    await grid.getByLabel('Van', { exact: true }).fill(DAY);
    await grid.getByLabel('Tot en met', { exact: true }).fill(DAY);
    await grid.getByRole('button', { name: 'Toon periode' }).click();
    const dutch = `${Number(DAY.slice(8, 10))}-${Number(DAY.slice(5, 7))}-${DAY.slice(0, 4)}`;
    await grid.getByRole('heading', { level: 2, name: `Presentie van ${dutch} tot en met ${dutch}` }).waitFor();
    const lessons = grid.getByRole('table', { name: new RegExp(`^Lessen · ${GROUP}`) });
    await lessons.getByText(/met wachtwoord bevestigd/).waitFor();
    const presence = grid.getByRole('table', { name: new RegExp(`^Presentie · ${GROUP}`) });
    await presence.getByRole('row').filter({ hasText: String(sick.clientNumber) }).getByText('ziek').waitFor();
    await presence.getByRole('row').filter({ hasText: String(b.clientNumber) }).getByText('persoonlijke code').waitFor();
    await expectNoAxeViolations(grid);

    // The consultant of the sick student's municipality sees the absence signal (within a minute of closing).
    const consultant = (await phone('consulent@arnhem.demo.nl', '/verzuim')).page;
    await consultant.getByRole('heading', { level: 1, name: 'Verzuimsignalen' }).waitFor();
    await waitFor('absence signal at the consultant', async () => {
      if ((await consultant.getByRole('listitem').filter({ hasText: sick.clientName }).count()) > 0) return true;
      await consultant.reload();
      await consultant.getByRole('heading', { level: 1, name: 'Verzuimsignalen' }).waitFor();
      return (await consultant.getByRole('listitem').filter({ hasText: sick.clientName }).count()) > 0;
    }, 60_000);
    await consultant.getByRole('listitem').filter({ hasText: sick.clientName }).getByText(/Lage aanwezigheid/).first().waitFor();
  });
});

describe('mijn lessen op een dag zonder les (docent, telefoon)', () => {
  it('names the next day with the teacher\'s lessons and opens it with one press, the keyboard on its first lesson', async () => {
    // The first day after the lesson without a lesson of this teacher, and the teacher's next lesson day after it.
    const { rows: [free] } = await pg.query<{ day: string; next: string }>(
      `SELECT d::date::text AS day, (SELECT min(l.lesson_date)::text FROM presence_lesson l WHERE l.teacher_user_id = u.id AND l.lesson_date > d::date) AS next
         FROM app_user u, generate_series($1::date + 1, $1::date + 14, interval '1 day') d
        WHERE u.email = 'docent@newbees.demo.nl' AND NOT EXISTS (SELECT 1 FROM presence_lesson l WHERE l.teacher_user_id = u.id AND l.lesson_date = d::date)
        ORDER BY d LIMIT 1`, [DAY]);
    const days = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
    const shown = `${days[isoWeekday(free.next) - 1]} ${Number(free.next.slice(8, 10))}-${Number(free.next.slice(5, 7))}-${free.next.slice(0, 4)}`;

    const { page } = await phone('docent@newbees.demo.nl', '/lessen');
    await page.getByRole('heading', { level: 1, name: 'Mijn lessen' }).waitFor();
    await page.getByLabel('Datum').fill(free.day);
    await page.getByText(`Er zijn geen lessen op deze dag. De volgende lesdag is ${shown}.`).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Naar de volgende lesdag' }).press('Enter');
    await page.getByRole('link', { name: /09:00–12:00/ }).first().waitFor();
    expect(await page.getByLabel('Datum').inputValue()).toBe(free.next);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('presence-card__link');
  });
});

describe('groepen (aanbieder, telefoon)', () => {
  it('finds students for a new group by search, keeps the choice across searches, and makes the group', async () => {
    const placed = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 2, groupName: 'Zoekklas 42' });
    const { page } = await phone('aanbieder@newbees.demo.nl', '/groepen');
    await page.getByRole('heading', { level: 1, name: 'Groepen en presentie' }).waitFor();
    const form = page.getByRole('form', { name: 'Nieuwe groep' });
    await form.getByLabel('Zoek inburgeraars').fill('Zoekklas 42');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await form.getByText('2 plaatsingen gevonden.').waitFor();
    const members = form.getByRole('group', { name: 'Inburgeraars in de groep' });
    await members.getByLabel(new RegExp(placed[0].clientName)).check();
    // Another search: the first choice stays, listed under the results.
    await form.getByLabel('Zoek inburgeraars').fill(String(placed[1].clientNumber));
    await form.getByLabel('Zoek inburgeraars').press('Enter');
    await members.getByLabel(new RegExp(placed[1].clientName)).check();
    await form.getByText('2 inburgeraars gekozen:').waitFor();
    await form.getByLabel('Naam van de groep').fill('Zoekklas 42 ochtend');
    await form.getByLabel('Leslocatie').fill('Arnhem, Velperweg');
    await form.getByLabel('Docent').selectOption({ label: 'Docent New Bees' });
    await form.getByLabel('Eerste lesdag (jjjj-mm-dd)').fill(DAY);
    await form.getByLabel('Laatste lesdag (jjjj-mm-dd)').fill(DAY);
    await form.getByRole('checkbox', { name: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'][new Date(`${DAY}T12:00:00Z`).getUTCDay() === 0 ? 6 : new Date(`${DAY}T12:00:00Z`).getUTCDay() - 1], exact: true }).check();
    await form.getByRole('button', { name: 'Groep maken' }).click();
    await page.getByText(/De groep is gemaakt met \d+ lessen/).waitFor();
    const section = page.getByRole('region', { name: 'Zoekklas 42 ochtend' });
    for (const p of placed) await section.getByRole('strong').filter({ hasText: p.clientName }).waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('verantwoording presentie met een bewerkte link (aanbieder, telefoon)', () => {
  it('shows the group\'s own period when the link\'s dates are no real dates', async () => {
    const { rows: [schedule] } = await pg.query<{ from: string }>(`SELECT schedule_from::text AS from FROM presence_group WHERE id = $1`, [group.groupId]);
    const { page } = await phone('aanbieder@newbees.demo.nl', `/groepen/verantwoording?groep=${group.groupId}&van=abc&tot=2026-02-31`);
    await page.getByRole('heading', { level: 1, name: `Verantwoording presentie ${GROUP}` }).waitFor();
    const dutch = (iso: string) => `${Number(iso.slice(8, 10))}-${Number(iso.slice(5, 7))}-${iso.slice(0, 4)}`;
    await page.getByRole('heading', { level: 2, name: `Presentie van ${dutch(schedule.from)} tot en met ${dutch(DAY)}` }).waitFor();
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe(schedule.from);
    await page.getByRole('table', { name: new RegExp(`^Lessen · ${GROUP}`) }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/NaN|abc|Er ging iets mis/);
  });
});
