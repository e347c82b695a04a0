import { addDays, addMonths, calendarDateInAmsterdam, formatDateNl, quarterLabel, quarterOf, quarterPeriod } from '@inburgering/domain';
import { Client } from 'pg';
import { captionsPastTheScreen, clickMenu, expectNoAxeViolations, logInThroughForm, saveScreenshot, tableRow } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { contractIdOf } from '../support/procurement-helpers';
import { menuLink, usePortal } from './portal-fixture';

const portal = usePortal();
const B1 = 'B1-route Midden-Gelderland';

/** Page content wider than the viewport (a table may scroll inside its own box). */
const tooWide = (page: import('playwright-core').Page) => page.evaluate(() =>
  Array.from(document.querySelectorAll('main, main > *, main section > *:not(.portal-scroll-x):not(.utrecht-table-container)'))
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)
    .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));

/** Logs in (waiting for the landing page's heading) and opens the figures page of the B1 lot. */
async function openLotFigures(email: string, landing: string) {
  const [{ id: lotId }] = await portal.query<{ id: string }>(`SELECT id FROM lot WHERE name = $1`, [B1]);
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  await page.goto(`${portal.url}/perceel/cijfers?id=${lotId}`);
  await page.getByRole('heading', { level: 1, name: `Cijfers van ${B1}` }).waitFor();
  return { page, lotId };
}

/** Logs in as Arnhem's consultant and opens the dashboard's figures: the page and its table per contract. */
async function openConsultantDashboard() {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
  await clickMenu(page, 'Cijfers');
  const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
  await table.waitFor();
  return { page, table };
}

/** Logs in as New Bees (at 390 px if asked) and opens its dashboard's figures per municipality: the page and its table. */
async function openProviderDashboardPerMunicipality(narrow = false) {
  const page = await portal.openPortal('/');
  if (narrow) await page.setViewportSize({ width: 390, height: 844 });
  await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
  await clickMenu(page, 'Cijfers');
  await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
  await page.getByLabel('Indelen per').selectOption('MUNICIPALITY');
  const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
  await table.getByRole('columnheader', { name: 'Gemeente' }).waitFor();
  return { page, table };
}

/** New Bees' placements (alias p) of Arnhem's clients under its contracts or its own individual placements, as its dashboard's row of Arnhem takes them. */
const NEW_BEES_IN_ARNHEM = `JOIN organisation o ON o.id = p.provider_id AND o.name = 'New Bees' JOIN organisation m2 ON m2.id = p.municipality_id AND m2.name = 'Gemeente Arnhem'
   WHERE (p.contract_id IS NOT NULL OR (p.lot_id IS NULL AND p.kind = 'REGULAR'))`;

describe('cijfers: contract, perceel en dashboard', () => {
  it('shows the projectleider the figures of a contract with a lazily loaded chart, a table and a summary, and the B1 lot with both providers side by side', async () => {
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const contractId = await contractIdOf(pg, B1, 'New Bees').finally(() => pg.end());
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Capaciteit en wachtlijst' }).waitFor();
    await page.goto(`${portal.url}/contract?id=${contractId}`);
    const section = page.getByRole('region', { name: 'Cijfers' });
    await section.waitFor();
    const summary = await section.locator('.portal-figures__summary').innerText();
    expect(summary).toMatch(/^B1-route Midden-Gelderland: New Bees, per gemeente.*gestart.*besteed of toegezegd/);
    expect(summary).toContain('tonen als “<\u00a05”');
    // recharts arrives as a chunk of its own and draws an SVG.
    await section.locator('.portal-figures-chart svg').first().waitFor();
    const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    expect((await table.getByRole('rowheader').allInnerTexts()).at(-1)).toBe('Totaal');
    // Results: KNM, MAP, PVT and the Z-route's eindgesprek (none on a B1 contract).
    expect((await table.getByRole('columnheader').allInnerTexts()).slice(-4).map((h) => h.replace('↕', '').trim())).toEqual(['KNM behaald', 'MAP afgerond', 'PVT afgerond', 'Eindgesprek Z-route']);
    // The exam parts per municipality too, small counts hidden, without links (the projectleider gets counts only).
    const exams = page.getByRole('table', { name: /Examenpogingen gehaald en niet gehaald per niveau en onderdeel/ });
    await exams.getByRole('rowheader', { name: 'Totaal' }).waitFor();
    expect(await exams.innerText()).toContain('<\u00a05');
    expect(await exams.getByRole('link').count()).toBe(0);
    // The hours against the route norm and the PIP per municipality, with a one-line summary of the total.
    const hours = page.getByRole('table', { name: /tegen de urennorm van de route en tegen de uren van het PIP/ });
    const hourTotal = hours.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totaal' }) });
    expect((await hourTotal.getByRole('cell').allInnerTexts()).slice(3)).toEqual([expect.stringMatching(/^[\d,]+%$/), expect.stringMatching(/^[\d,]+%$/)]);
    expect(await section.locator('.portal-figures__hour-summary').innerText()).toMatch(/uur gepland en .* uur gevolgd; .* uur per inburgeraar \([\d,]+% van de urennorm van de route\); [\d,]+% van de uren volgens het PIP\.$/);
    await page.getByRole('table', { name: /KPI’s met doel/ }).getByRole('rowheader', { name: 'Binnen 3 maanden na huisvesting gestart' }).waitFor();
    expect(await page.getByRole('table', { name: /Besteding tegen het plafond|Gerealiseerde en toegezegde besteding/ }).innerText()).toContain('€\u00a02.835.000,00');
    expect(await tooWide(page)).toEqual([]);
    // The wide tables' captions wrap within their boxes on the phone (one ran on to 1,000 px), also when scrolled.
    expect(await captionsPastTheScreen(page)).toEqual([]);
    await saveScreenshot(page, 'contract-figures');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Cijfers van het perceel' }).click();
    await page.getByRole('heading', { level: 1, name: `Cijfers van ${B1}` }).waitFor();
    const lotTable = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    await lotTable.waitFor();
    expect(await lotTable.getByRole('rowheader').allInnerTexts()).toEqual(['New Bees', 'Sagenn', 'Totaal']);
    await expectNoAxeViolations(page);

    await clickMenu(page, 'Cijfers');
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    await page.getByRole('table', { name: /Instroom, uren en resultaten/ }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('shows a year of history: each of the last three whole quarters has starts, hours, results and spend for both B1 providers, and every KPI a group with clients who made it', async () => {
    /** A figure the page shows as something (a number, or "< 5" for a small one), not as nothing. */
    const something = (text: string | undefined) => expect(text ?? '').toMatch(/^(<\u00a05|[1-9][\d.]*(,\d+)?|0,\d*[1-9]\d*|€\s[1-9][\d.]*,\d\d)$/);
    const { page } = await openLotFigures('projectleider@midden-gelderland.demo.nl', 'Capaciteit en wachtlijst');
    const today = calendarDateInAmsterdam(new Date());
    for (const back of [1, 2, 3]) {
      const quarter = quarterOf(addMonths(today, -3 * back));
      const { from, to } = quarterPeriod(quarter);
      await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption(quarterLabel(quarter));
      await page.getByText(`Van ${formatDateNl(from)} tot en met ${formatDateNl(to)}`, { exact: false }).first().waitFor();
      await page.waitForURL(new RegExp(`periode=${quarterLabel(quarter)}`));
      const intake = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
      await intake.waitFor();
      expect(await intake.getByRole('rowheader').allInnerTexts()).toEqual(['New Bees', 'Sagenn', 'Totaal']);
      const spend = page.getByRole('table', { name: /Gerealiseerde en toegezegde besteding/ });
      for (const provider of ['New Bees', 'Sagenn']) {
        const row = await tableRow(intake, provider);
        something(row['Gestart']);
        something(row['Gevolgde uren']);
        // The results of the quarter: at least one of KNM, MAP and PVT, whichever the provider's clients finished then.
        expect([row['KNM behaald'], row['MAP afgerond'], row['PVT afgerond']].some((cell) => /^(<\u00a05|[1-9]\d*)$/.test(cell))).toBe(true);
        something((await tableRow(spend, provider))['Gerealiseerd en ingediend']);
      }
    }
    await clickMenu(page, 'Cijfers');
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    const kpis = page.getByRole('table', { name: /KPI’s met doel/ });
    await kpis.waitFor();
    const names = await kpis.getByRole('rowheader').allInnerTexts();
    expect(names).toHaveLength(4);
    for (const name of names) {
      const row = await tableRow(kpis, name);
      something(row['Groep (aantal)']);
      something(row['Gehaald (aantal)']);
    }
  });

  it('lets the consultant choose a period ("Periode") kept in the link, so the same link opens the same figures', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await clickMenu(page, 'Cijfers');
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    const select = page.getByRole('combobox', { name: 'Periode', exact: true });
    await select.waitFor();
    expect(await select.inputValue()).toBe('');
    const section = page.getByRole('region', { name: 'Cijfers', exact: true });
    await section.getByText('Over de hele looptijd van de contracten.').waitFor();
    await section.getByText(/^Bijgewerkt op \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}: berekend uit de gegevens/).waitFor();
    const quarter = quarterOf(calendarDateInAmsterdam(new Date()));
    const { from, to } = quarterPeriod(quarter);
    await select.focus();
    await select.selectOption(quarterLabel(quarter));
    await section.getByText(`Van ${formatDateNl(from)} tot en met ${formatDateNl(to)}`, { exact: false }).waitFor();
    await page.waitForURL(new RegExp(`periode=${quarterLabel(quarter)}`));
    await page.getByRole('table', { name: /KPI’s met doel/ }).getByText('Niet beperkt tot de gekozen periode', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);
    // The link shares the period.
    await page.goto(page.url());
    await page.getByRole('table', { name: /Instroom, uren en resultaten/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Periode', exact: true }).inputValue()).toBe(quarterLabel(quarter));
  });

  it('lets the consultant click a figure and see the own clients it counts, as many as the figure', async () => {
    const { page, table } = await openConsultantDashboard();
    // The first contract row with started clients: its "Gestart" count is a link to the list it counts.
    const link = table.getByRole('link', { name: /inburgeraars? \(gestart\) bij/ }).first();
    await link.waitFor();
    const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
    expect(figure).toBeGreaterThan(0);
    expect(figure).toBeLessThanOrEqual(50);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByText('Alleen de eigen inburgeraars die het cijfer "Gestart" van een contract telt', { exact: false }).waitFor();
    expect(page.url()).toContain('stadium=STARTED');
    const clients = page.getByRole('table', { name: /Inburgeraars van/ });
    await clients.waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('main table tbody tr').length === n, figure, { timeout: 10_000 })
      .catch(async () => { throw new Error(`lijst heeft ${await clients.locator('tbody tr').count()} rijen, het cijfer is ${figure}`); });
    expect(await clients.locator('tbody tr').count()).toBe(figure);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Alle inburgeraars tonen' }).click();
    await page.waitForURL((url) => !url.search.includes('stadium'));

    // A client anonymised after its retention period still counts in the figure; the list says why it is one short.
    await page.goBack();
    await page.waitForURL((url) => url.search.includes('stadium=STARTED'));
    const listed = new URL(page.url());
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const { rows: [anonymised] } = await pg.query(
      `UPDATE client SET anonymised_on = current_date WHERE id = (SELECT p.client_id FROM placement p JOIN organisation m ON m.id = p.municipality_id
         WHERE p.contract_id = $1 AND p.status = 'STARTED' AND m.cbs_code = 'GM0202' ORDER BY p.client_id LIMIT 1) RETURNING id`,
      [listed.searchParams.get('contract')],
    );
    try {
      await page.reload();
      await page.getByText('Het cijfer telt ook 1 geanonimiseerde inburgeraar: de bewaartermijn is verstreken, dus die staat niet in deze lijst.').waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('main table tbody tr').length === n, figure - 1, { timeout: 10_000 });
      await expectNoAxeViolations(page);
    } finally {
      await pg.query(`UPDATE client SET anonymised_on = NULL WHERE id = $1`, [anonymised.id]);
      await pg.end();
    }
  });

  it('lets a provider click a figure of its own contract and see its own placements it counts, as many as the figure, at 390 px', async () => {
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const contractId = await contractIdOf(pg, B1, 'New Bees').finally(() => pg.end());
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'aanbieder@newbees.demo.nl', DEMO_PASSWORD);
    await menuLink(page, 'Cijfers').waitFor({ state: 'attached' });
    await page.goto(`${portal.url}/contract?id=${contractId}`);
    const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    await table.waitFor();
    // The total of the own contract: "Gestart" is a link; "Wachtend" is not (those were never offered to the provider).
    const link = table.getByRole('link', { name: /inburgeraars? \(gestart\) bij Totaal/ });
    await link.waitFor();
    expect(await table.getByRole('link', { name: /\(wachtend\)/ }).count()).toBe(0);
    const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
    expect(figure).toBeGreaterThan(0);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByText('Alleen de plaatsingen onder het eigen contract die het cijfer "Gestart" telt', { exact: false }).waitFor();
    expect(page.url()).toContain('stadium=STARTED');
    // The list's total (in its caption, over all pages) equals the figure.
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${figure})` }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Alle geplaatste inburgeraars tonen' }).click();
    await page.waitForURL((url) => !url.search.includes('stadium'));

    // A municipality's row: its "Gestart" opens that municipality's placements under the contract, as many as the row counts.
    await page.goBack();
    await page.goBack();
    await table.waitFor();
    const arnhem = table.getByRole('link', { name: /inburgeraars? \(gestart\) bij Gemeente Arnhem/ });
    await arnhem.waitFor();
    const row = Number((await arnhem.innerText()).trim().split(/\s/)[0]);
    expect(row).toBeGreaterThan(0);
    expect(row).toBeLessThan(figure);
    await arnhem.click();
    await page.getByText('Alleen inburgeraars van Gemeente Arnhem.', { exact: false }).waitFor();
    expect(page.url()).toContain('gemeente=');
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${row})` }).waitFor();
    expect(await tooWide(page)).toEqual([]);
  });

  it('lets a provider show its dashboard per municipality and click a municipality’s count to see its placements under all its contracts, as many as the row counts', async () => {
    const { page, table } = await openProviderDashboardPerMunicipality(true);
    const arnhem = table.getByRole('link', { name: /inburgeraars? \(gestart\) bij Gemeente Arnhem/ });
    await arnhem.waitFor();
    expect(await table.getByRole('link', { name: /\(wachtend\)/ }).count()).toBe(0);
    const row = Number((await arnhem.innerText()).trim().split(/\s/)[0]);
    expect(row).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await arnhem.click();
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByText('Alleen de plaatsingen onder de eigen contracten die het cijfer "Gestart" telt', { exact: false }).waitFor();
    await page.getByText('Alleen inburgeraars van Gemeente Arnhem.', { exact: false }).waitFor();
    expect(page.url()).not.toContain('contract=');
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${row})` }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });

  it('lets the consultant click a KNM count of a contract and see the own clients who completed KNM, each once, as many as the figure', async () => {
    const { page, table } = await openConsultantDashboard();
    const link = table.getByRole('link', { name: /inburgeraars? \(knm behaald\) bij/ }).first();
    await link.waitFor();
    const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByText('Alleen de eigen inburgeraars die het cijfer "KNM behaald" telt, met een plaatsing onder het contract', { exact: false }).waitFor();
    expect(page.url()).toContain('voltooid=KNM');
    await page.locator('.portal-pagination__range').getByText(new RegExp(` van ${figure.toLocaleString('nl-NL')}$`)).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets a provider click a municipality’s KNM count, and an exam-part count, on its dashboard and see its placements of the clients each counts, one per client, as many as the figure (the exam notice giving the attempts)', async () => {
    const { page, table } = await openProviderDashboardPerMunicipality();
    const link = table.getByRole('link', { name: /inburgeraars? \(knm behaald\) bij Gemeente/ }).first();
    await link.waitFor();
    const municipality = /bij (Gemeente .+) tonen$/.exec(await link.innerText())![1];
    const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByText('Alleen de inburgeraars die het cijfer "KNM behaald" telt, met een resultaat onder een eigen contract of een eigen individuele plaatsing: een keer per inburgeraar', { exact: false }).waitFor();
    await page.getByText(`Alleen inburgeraars van ${municipality}.`, { exact: false }).waitFor();
    expect(page.url()).toContain('voltooid=KNM');
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${figure})` }).waitFor();
    await expectNoAxeViolations(page);
    // The way back: all placed clients, without the figure's notice.
    // (The list's table is there before the link is followed: wait for the new address, then for the list it gives.)
    await page.getByRole('link', { name: 'Alle geplaatste inburgeraars tonen' }).click();
    await page.waitForURL((url) => !url.search.includes('voltooid'));
    await page.getByRole('table', { name: /Geplaatste inburgeraars/ }).waitFor();
    await page.getByText('Alleen de inburgeraars die het cijfer', { exact: false }).waitFor({ state: 'detached' });
    // Back on the figures per municipality, an exam-part count opens the placements of the clients with such an attempt,
    // one per client, and the notice gives the attempts the figure counts.
    await clickMenu(page, 'Cijfers');
    await page.getByLabel('Indelen per').selectOption('MUNICIPALITY');
    const exams = page.getByRole('table', { name: /Examenpogingen gehaald en niet gehaald per niveau en onderdeel/ });
    await exams.getByRole('columnheader', { name: 'Gemeente' }).waitFor();
    // The link's name says what it opens, then the attempts it counts (not clients); the visible text is the count.
    const exam = exams.getByRole('link', { name: /^Inburgeraars met een poging .+ bij Gemeente .+ tonen \([\d.]+ pogingen?\)$/ }).first();
    await exam.waitFor();
    const attempts = (await exam.locator('[aria-hidden="true"]').innerText()).trim();
    const [, part, outcome, named] = /^Inburgeraars met een poging (\S+ \S+) (gehaald|niet gehaald) bij .+ tonen \(([\d.]+) pogingen?\)$/.exec((await exam.locator('.portal-visually-hidden').innerText()).trim())!;
    expect(named).toBe(attempts);
    const href = new URLSearchParams((await exam.getAttribute('href'))!.split('?')[1]);
    expect({ contract: href.get('contract'), municipality: Boolean(href.get('gemeente')) }).toEqual({ contract: null, municipality: true });
    await exam.click();
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByText(`Alleen de inburgeraars met een ${outcome === 'gehaald' ? 'gehaalde' : 'niet gehaalde'} examenpoging ${part}, met een resultaat onder een eigen contract of een eigen individuele plaatsing: een keer per inburgeraar, met de plaatsing van de laatste poging.`, { exact: false }).waitFor();
    const figureAttempts = Number(attempts.replace(/\./g, ''));
    await page.getByText(`Het cijfer telt pogingen, geen inburgeraars: ${attempts} ${figureAttempts === 1 ? 'poging' : 'pogingen'} (een herkansing telt opnieuw).`, { exact: false }).waitFor();
    const [{ n: withAttempt }] = await portal.query<{ n: number }>(
      `SELECT count(DISTINCT p.client_id)::int AS n FROM integration_result r JOIN placement p ON p.id = r.placement_id
         JOIN organisation o ON o.id = p.provider_id AND o.name = 'New Bees'
        WHERE (p.contract_id IS NOT NULL OR (p.lot_id IS NULL AND p.kind = 'REGULAR')) AND p.municipality_id = $1
          AND r.kind = 'EXAM' AND r.exam_part = $2 AND r.level = $3 AND r.passed = $4`,
      [href.get('gemeente'), href.get('examen'), href.get('niveau'), href.get('uitslag') === 'gehaald'],
    );
    expect(withAttempt).toBeGreaterThan(0);
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${withAttempt})` }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets a provider click a municipality’s attended hours, and its median wait, on its dashboard and see its placements of the clients each covers, one per client, with the notice', async () => {
    const { page, table } = await openProviderDashboardPerMunicipality();
    // The link's visible text is the hours; its name says what it opens and, after it, those hours.
    const hours = table.getByRole('link', { name: /^Inburgeraars van de gevolgde uren bij Gemeente Arnhem tonen \([\d,]+ uur\)$/ });
    await hours.waitFor();
    const shown = (await hours.locator('[aria-hidden="true"]').innerText()).trim();
    expect(await hours.getAttribute('href')).toMatch(/gemeente=[^&]+&uren=ja/);
    expect(await table.getByRole('link', { name: `Inburgeraars van de gevolgde uren bij Gemeente Arnhem tonen (${shown} uur)` }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await hours.click();
    await page.getByRole('heading', { level: 1, name: 'Mijn inburgeraars' }).waitFor();
    await page.getByText('Alleen de inburgeraars over wie de gevolgde uren en de aanwezigheid gaan, met een plaatsing onder een eigen contract of een eigen individuele plaatsing', { exact: false }).waitFor();
    await page.getByText('Alleen inburgeraars van Gemeente Arnhem.', { exact: false }).waitFor();
    // Each client with hours once: as many as New Bees' Arnhem clients with hour rows under its contracts and individual placements.
    const [{ n: withHours }] = await portal.query<{ n: number }>(
      `SELECT count(DISTINCT p.client_id)::int AS n FROM hour_placement_month m JOIN placement p ON p.id = m.placement_id ${NEW_BEES_IN_ARNHEM} AND m.entry_count > 0`,
    );
    expect(withHours).toBeGreaterThan(0);
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${withHours})` }).waitFor();
    await expectNoAxeViolations(page);
    // Back on the figures, Arnhem's median wait opens the placements of the clients it is computed over.
    await page.goBack();
    await page.getByLabel('Indelen per').selectOption('MUNICIPALITY');
    const wait = table.getByRole('link', { name: /^Inburgeraars van de mediane wachttijd bij Gemeente Arnhem tonen \(\d+ dag(en)?\)$/ });
    await wait.click();
    await page.getByText('Alleen de inburgeraars over wie de mediane wachttijd van getekend PIP tot start gaat, met een plaatsing onder een eigen contract of een eigen individuele plaatsing', { exact: false }).waitFor();
    expect(page.url()).toMatch(/gemeente=[^&]+&wachttijd=ja/);
    const [{ n: waited }] = await portal.query<{ n: number }>(
      `SELECT count(DISTINCT p.client_id)::int AS n FROM placement p JOIN client c ON c.id = p.client_id ${NEW_BEES_IN_ARNHEM}
          AND p.status IN ('STARTED', 'ENDED') AND p.start_date >= coalesce(c.first_pip_signed_on, c.pip_signed_on)`,
    );
    await page.getByRole('table', { name: `Geplaatste inburgeraars (${waited})` }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets the consultant click a contract’s attended hours, and its median wait, and see the own clients each covers, with the notice', async () => {
    const { page, table } = await openConsultantDashboard();
    // The link's name says what it opens, then the figure: hours, not a number of clients.
    const link = table.getByRole('link', { name: /^Inburgeraars van de gevolgde uren bij .+ tonen \([\d,]+ uur\)$/ }).first();
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByText('Alleen de eigen inburgeraars over wie de gevolgde uren en de aanwezigheid gaan, met een plaatsing onder het contract', { exact: false }).waitFor();
    expect(page.url()).toMatch(/contract=[^&]+&uren=ja/);
    // The hours cover clients: the list is not empty.
    await page.locator('.portal-pagination__range').getByText(/ van [1-9][\d.]*$/).waitFor();
    await expectNoAxeViolations(page);
    // Back on the figures, the median wait of a contract opens the clients it is computed over.
    await clickMenu(page, 'Cijfers');
    const wait = page.getByRole('table', { name: /Instroom, uren en resultaten/ }).getByRole('link', { name: /^Inburgeraars van de mediane wachttijd bij .+ tonen \(\d+ dag(en)?\)$/ }).first();
    await wait.click();
    await page.getByText('Alleen de eigen inburgeraars over wie de mediane wachttijd van getekend PIP tot start gaat, met een plaatsing onder het contract', { exact: false }).waitFor();
    expect(page.url()).toMatch(/contract=[^&]+&wachttijd=ja/);
    await page.locator('.portal-pagination__range').getByText(/ van [1-9][\d.]*$/).waitFor();
  });

  it('shows the consultant the exam parts per contract and lets a failed count open the own clients with such attempts, the notice giving the figure\'s attempts', async () => {
    const { page } = await openConsultantDashboard();
    const exams = page.getByRole('table', { name: /Examenpogingen gehaald en niet gehaald per niveau en onderdeel/ });
    await exams.getByRole('columnheader', { name: /B1 Lezen gehaald/ }).waitFor();
    await page.getByText(/pogingen gehaald en [\d.]+ niet gehaald over \d+ examenonderdelen; een herkansing telt als nieuwe poging\./).waitFor();
    await expectNoAxeViolations(page);
    const link = exams.getByRole('link', { name: /^Inburgeraars met een poging .+ niet gehaald bij .+ tonen \([\d.]+ pogingen?\)$/ }).first();
    await link.waitFor();
    const figure = Number((await link.locator('[aria-hidden="true"]').innerText()).trim().replace(/\./g, ''));
    const part = /met een poging (.+) niet gehaald bij/.exec(await link.locator('.portal-visually-hidden').innerText())![1];
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.getByText(`Alleen de eigen inburgeraars met een niet gehaalde examenpoging ${part}, met een plaatsing onder het contract, een keer per inburgeraar.`, { exact: false }).waitFor();
    await page.getByText(`Het cijfer telt pogingen, geen inburgeraars: ${figure.toLocaleString('nl-NL')} ${figure === 1 ? 'poging' : 'pogingen'} (een herkansing telt opnieuw).`, { exact: false }).waitFor();
    expect(page.url()).toMatch(/contract=[^&]+&examen=[A-Z]+&niveau=[A-B][12]&uitslag=niet-gehaald/);
    // Each client once: at least one, at most as many as the attempts.
    const range = await page.locator('.portal-pagination__range').innerText();
    const listed = Number(/ van ([\d.]+)$/.exec(range.trim())![1].replace(/\./g, ''));
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(figure);
    await expectNoAxeViolations(page);
  });

  it('lets the consultant click a KPI’s group and those who achieved it and see the own clients, as many as the KPI counts; the projectleider gets counts only', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    const kpi = 'Binnen 3 maanden na huisvesting gestart';
    for (const [name, notice] of [[`inburgeraars in de groep van "${kpi}" tonen`, `Alleen de eigen inburgeraars in de groep van de KPI "${kpi}", met`],
      [`inburgeraars die "${kpi}" gehaald hebben tonen`, `Alleen de eigen inburgeraars in de groep van de KPI "${kpi}" die hem gehaald hebben`]] as const) {
      await clickMenu(page, 'Cijfers');
      const table = page.getByRole('table', { name: /KPI’s met doel/ });
      await table.waitFor();
      const link = table.getByRole('link', { name });
      await link.waitFor();
      const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
      expect(figure).toBeGreaterThan(0);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
      await page.getByText(notice, { exact: false }).waitFor();
      expect(page.url()).toContain('kpi=STARTED_WITHIN_3_MONTHS');
      // The list's total over all pages ("1–50 van N") equals the KPI's count.
      await page.locator('.portal-pagination__range').getByText(new RegExp(` van ${figure.toLocaleString('nl-NL')}$`)).waitFor();
      expect(await tooWide(page)).toEqual([]);
      await expectNoAxeViolations(page);
    }

    const leader = await portal.openPortal('/');
    await logInThroughForm(leader, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD);
    await leader.getByRole('heading', { level: 1, name: 'Capaciteit en wachtlijst' }).waitFor();
    await clickMenu(leader, 'Cijfers');
    const kpis = leader.getByRole('table', { name: /KPI’s met doel/ });
    await kpis.getByRole('rowheader', { name: kpi }).waitFor();
    expect(await kpis.getByRole('link').count()).toBe(0);
  });

  it('lets the consultant click a KPI count on the lot page and see the own clients under the lot’s contracts, as many as the KPI counts', async () => {
    const { page, lotId } = await openLotFigures('consulent@arnhem.demo.nl', 'Inburgeraars');
    const kpi = 'Binnen 3 maanden na huisvesting gestart';
    const link = page.getByRole('table', { name: /KPI’s met doel/ }).getByRole('link', { name: `inburgeraars in de groep van "${kpi}" tonen` });
    await link.waitFor();
    const figure = Number((await link.innerText()).trim().split(/\s/)[0]);
    expect(figure).toBeGreaterThan(0);
    await link.click();
    await page.getByText(`Alleen de eigen inburgeraars in de groep van de KPI "${kpi}", met een plaatsing onder een contract van het perceel.`).waitFor();
    expect(page.url()).toContain(`perceel=${lotId}`);
    await page.locator('.portal-pagination__range').getByText(new RegExp(` van ${figure.toLocaleString('nl-NL')}$`)).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets the consultant and the provider click a count of the row "Zonder perceel (individueel)" and see the individual placements it counts, with the notice', async () => {
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    // Kerkrade's started individual placements (outside a lot, no contract), by the test's own SQL: their clients' numbers.
    const { rows } = await pg.query(
      `SELECT c.client_number::text AS number FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
        WHERE m.name = 'Gemeente Kerkrade' AND p.lot_id IS NULL AND p.contract_id IS NULL AND p.kind = 'REGULAR' AND p.status = 'STARTED' ORDER BY 1`,
    ).finally(() => pg.end());
    const numbers = rows.map((r) => r.number as string);
    expect(numbers.length).toBeGreaterThan(0);
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@kerkrade.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await clickMenu(page, 'Cijfers');
    const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    const link = table.getByRole('link', { name: /inburgeraars? \(gestart\) bij Zonder perceel \(individueel\)/ });
    await link.waitFor();
    expect(Number((await link.innerText()).trim().split(/\s/)[0])).toBe(numbers.length);
    await link.click();
    await page.getByText('Alleen de eigen inburgeraars met een individuele plaatsing (zonder perceel en zonder contract) die het cijfer "Gestart" telt.', { exact: false }).waitFor();
    expect(page.url()).toContain('individueel=ja');
    const clients = page.getByRole('table', { name: /Inburgeraars van/ });
    await page.waitForFunction((n) => document.querySelectorAll('main table tbody tr').length === n, numbers.length, { timeout: 10_000 });
    expect((await clients.locator('tbody tr').allInnerTexts()).map((row) => numbers.some((n) => row.includes(n)))).toEqual(numbers.map(() => true));
    await expectNoAxeViolations(page);

    // The institution it is placed with sees the same row on its dashboard, and its link opens its own individual placements.
    const provider = await portal.openPortal('/');
    await logInThroughForm(provider, 'aanbieder@parkstadtaal.demo.nl', DEMO_PASSWORD);
    await clickMenu(provider, 'Cijfers');
    const own = provider.getByRole('table', { name: /Instroom, uren en resultaten/ }).getByRole('link', { name: /inburgeraars? \(gestart\) bij Zonder perceel \(individueel\)/ });
    await own.waitFor();
    const figure = Number((await own.innerText()).trim().split(/\s/)[0]);
    await own.click();
    await provider.getByText('Alleen de eigen individuele plaatsingen (zonder perceel en zonder contract) die het cijfer "Gestart" telt.', { exact: false }).waitFor();
    await provider.getByRole('table', { name: `Geplaatste inburgeraars (${figure})` }).waitFor();
    expect(await provider.locator('main table tbody').innerText()).toContain(numbers[0]);
    await expectNoAxeViolations(provider);
  });

  it('shows the projectleider the intake, hours and results of every provider without scrolling sideways on a 1,280 px laptop', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 1280, height: 800 });
    await logInThroughForm(page, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD);
    await clickMenu(page, 'Cijfers');
    const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    await table.locator('tbody tr').first().waitFor();
    // Twelve columns, their headings wrapped between words; the hours per client fit as well.
    expect(await table.getByRole('columnheader').count()).toBe(12);
    for (const name of [/Instroom, uren en resultaten/, /Geplande en gevolgde uren/]) {
      const region = page.getByRole('region', { name });
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    await expectNoAxeViolations(page);
  });

  it('shows a provider only its own contract on the lot page', async () => {
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const lotId = (await pg.query(`SELECT id FROM lot WHERE name = $1`, [B1]).finally(() => pg.end())).rows[0].id;
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'aanbieder@sagenn.demo.nl', DEMO_PASSWORD);
    await menuLink(page, 'Cijfers').waitFor({ state: 'attached' });
    await page.goto(`${portal.url}/perceel/cijfers?id=${lotId}`);
    const table = page.getByRole('table', { name: /Instroom, uren en resultaten/ });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(['Sagenn']);
    expect(await page.locator('main').innerText()).not.toContain('New Bees');
  });

  it('lets the consultant record a client’s outcome on the client page, with a Dutch error for a wrong date', async () => {
    const pg = new Client({ connectionString: portal.databaseUrl });
    await pg.connect();
    const clientId = (await pg.query(`SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.cbs_code = 'GM0202' ORDER BY c.client_number LIMIT 1`)
      .finally(() => pg.end())).rows[0].id;
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await page.goto(`${portal.url}/inburgeraar?id=${clientId}`);
    const form = page.getByRole('form', { name: 'Uitstroom vastleggen' });
    await form.waitFor();
    await form.getByLabel('Soort uitstroom').selectOption('WORK');
    await form.getByLabel('Datum', { exact: false }).fill('31-2-2026');
    await form.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    await form.getByText('Vul een geldige datum in als dag-maand-jaar').first().waitFor();
    const yesterday = formatDateNl(addDays(calendarDateInAmsterdam(new Date()), -1));
    await form.getByLabel('Datum', { exact: false }).fill(yesterday);
    await form.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    await page.getByText('De uitstroom is vastgelegd.').waitFor();
    const outcomes = page.getByRole('table', { name: /Vastgelegde uitstroom/ });
    await outcomes.getByText(yesterday).waitFor();
    expect(await outcomes.innerText()).toContain('Werk');
    await expectNoAxeViolations(page);
  });
});
