import { QualityRequirementDocument, QualityRequirementsDocument } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { clickMenu, expectNoAxeViolations, logInThroughForm, mainText, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD, loginAs } from '../support/graphql-session';
import { PDF_BYTES } from '../support/procurement-helpers';
import { usePortal } from './portal-fixture';

const portal = usePortal();
const VALUE = 'Browsertest: 92% van de docenten';
const REASON = 'Het overzicht noemt geen diploma’s; stuur de NT2-certificaten mee.';

async function evidenceCount(requirementId: string, dueOn: string): Promise<number> {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM quality_evidence WHERE requirement_id = $1 AND due_on = $2`, [requirementId, dueOn]);
    return rows[0].n;
  } finally {
    await pg.end();
  }
}

async function logIn(email: string, landing: string): Promise<Page> {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  return page;
}

/** New Bees' requirements, each with every period (the list gives one period per requirement). */
async function requirementsOfNewBees() {
  const session = await loginAs(portal.url, 'aanbieder@newbees.demo.nl');
  const { qualityRequirements } = await session.ok(QualityRequirementsDocument, {});
  const requirements = [];
  for (const { id } of qualityRequirements) requirements.push((await session.ok(QualityRequirementDocument, { id })).qualityRequirement);
  return requirements;
}

/** A requirement of New Bees with a period it can still submit evidence for, asked on another contract too. */
async function findRequirementOfNewBees() {
  const qualityRequirements = await requirementsOfNewBees();
  // One that another contract of New Bees asks as well (NT2-bevoegd, VOG, keurmerk), so the form offers to share it.
  const open = (p: (typeof qualityRequirements)[number]['periods'][number]) => ['OPEN', 'DUE_SOON', 'OVERDUE'].includes(p.status) && p.alsoCountsFor.length > 0;
  const requirement = qualityRequirements.find((r) => r.periods.some(open));
  const period = requirement?.periods.find(open);
  if (!requirement || !period) throw new Error('New Bees heeft geen open kwaliteitseis');
  return { requirement, dueOn: period.dueOn, alsoCountsFor: period.alsoCountsFor };
}

describe('kwaliteitseisen: bewijs indienen en beoordelen', () => {
  it('lets New Bees submit evidence with a PDF, the projectleider reject it with a reason, and New Bees see "Afgekeurd" with that reason', async () => {
    const { requirement, dueOn, alsoCountsFor } = await findRequirementOfNewBees();

    // Provider: the requirement list, then the evidence page of one requirement.
    const provider = await logIn('aanbieder@newbees.demo.nl', 'Mijn percelen');
    await clickMenu(provider, 'Kwaliteitseisen');
    const list = provider.getByRole('table', { name: /Mijn kwaliteitseisen/ });
    await list.waitFor();
    await expectNoAxeViolations(provider);
    await saveScreenshot(provider, 'procurement-quality-list');
    await list.getByRole('row').filter({ hasText: requirement.lotName }).getByRole('link', { name: requirement.title, exact: true }).first().click();
    await provider.getByRole('heading', { level: 1, name: requirement.title }).waitFor();
    await expectNoAxeViolations(provider);

    // A file over 10 MB: the server's Dutch message next to the field and in the summary; nothing is stored.
    const form = provider.getByRole('form', { name: 'Bewijs indienen' });
    await form.getByLabel('Periode').selectOption(dueOn);
    await form.getByLabel('Waarde').fill(VALUE);
    await form.getByLabel('Toelichting').fill('Overzicht van de bevoegdheden van alle docenten.');
    const big = Buffer.alloc(11 * 1024 * 1024);
    Buffer.from(PDF_BYTES).copy(big);
    await form.getByLabel('Document (optioneel)').setInputFiles({ name: 'groot.pdf', mimeType: 'application/pdf', buffer: big });
    await form.getByRole('button', { name: 'Bewijs indienen' }).click();
    const summary = provider.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Het bestand is te groot; het mag maximaal 10 MB zijn.');
    expect(await form.getByLabel('Document (optioneel)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(provider);

    // The same requirement on New Bees' other contracts is offered, all ticked; unticked, the evidence is for this contract only.
    const alsoFor = form.getByRole('group', { name: 'Telt ook voor' });
    expect(alsoCountsFor.length).toBeGreaterThan(0);
    expect(await alsoFor.getByRole('checkbox').count()).toBe(alsoCountsFor.length);
    for (const target of alsoCountsFor) {
      const box = alsoFor.getByRole('checkbox', { name: `${target.lotName}: ${target.title} (tot ${formatDateNl(target.dueOn)})` });
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
    }

    // The small PDF is stored; a second click while it is sent does not submit twice (one key per form).
    await form.getByLabel('Document (optioneel)').setInputFiles({ name: 'docenten.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF_BYTES) });
    await form.getByRole('button', { name: 'Bewijs indienen' }).dblclick();
    await provider.getByText('Uw bewijs is ingediend. De regio beoordeelt het.').waitFor();
    const periods = provider.getByRole('table', { name: 'Stand per periode' });
    const submittedRow = periods.getByRole('row').filter({ has: provider.getByRole('rowheader', { name: formatDateNl(dueOn), exact: true }) });
    expect(await submittedRow.innerText()).toContain('Ingediend');
    expect(await submittedRow.innerText()).toContain('docenten.pdf');
    expect(await evidenceCount(requirement.id, dueOn)).toBe(1);
    for (const target of alsoCountsFor) expect(await evidenceCount(target.requirementId, target.dueOn)).toBe(0);
    await saveScreenshot(provider, 'procurement-evidence-submitted');

    // Projectleider: the review queue shows it with its document; rejecting needs a reason.
    const lead = await logIn('projectleider@midden-gelderland.demo.nl', 'Capaciteit en wachtlijst');
    await clickMenu(lead, 'Kwaliteit beoordelen');
    await lead.getByRole('heading', { level: 1, name: 'Kwaliteit beoordelen' }).waitFor();
    // The queue is oldest first, a page at a time: the evidence just submitted is on the last page.
    const pagination = lead.getByRole('navigation', { name: 'Paginering' });
    await pagination.waitFor();
    const next = pagination.getByRole('button', { name: 'Volgende' });
    while ((await next.count()) > 0 && (await next.isEnabled())) {
      const before = await pagination.locator('.portal-pagination__range').innerText();
      await next.click();
      await lead.waitForFunction((shown) => document.querySelector('.portal-pagination__range')?.textContent !== shown, before);
    }
    const card = lead.getByRole('article').filter({ hasText: VALUE });
    await card.waitFor();
    expect(await card.getByRole('heading').innerText()).toBe(`New Bees: ${requirement.title}`);
    const download = card.getByRole('link', { name: /docenten\.pdf/ });
    const response = await lead.request.get(`${portal.url}${await download.getAttribute('href')}`);
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await expectNoAxeViolations(lead);
    await saveScreenshot(lead, 'procurement-review-queue');

    await card.getByRole('button', { name: 'Afkeuren' }).click();
    const reason = card.getByLabel('Reden van afkeuren');
    expect(await lead.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await card.getByRole('button', { name: 'Afkeuren met deze reden' }).click();
    expect(await card.innerText()).toContain('Geef de reden van afkeuren op.');
    await reason.fill(REASON);
    await card.getByRole('button', { name: 'Afkeuren met deze reden' }).click();
    await lead.getByText(`Het bewijs van New Bees voor “${requirement.title}” is afgekeurd.`).waitFor();
    await expectNoAxeViolations(lead);

    // Provider: "Afgekeurd" with the reason, in the list and on the evidence page.
    await provider.goto(`${portal.url}/kwaliteitseisen`);
    await list.waitFor();
    const row = list.getByRole('row').filter({ hasText: REASON });
    expect(await row.innerText()).toContain('Afgekeurd');
    await provider.goto(`${portal.url}/kwaliteitseisen/bewijs?id=${requirement.id}`);
    await periods.waitFor();
    const rejected = await submittedRow.innerText();
    expect(rejected).toContain('Afgekeurd');
    expect(rejected).toContain(REASON);
    expect(await mainText(provider)).toContain('Bewijs indienen');
    await saveScreenshot(provider, 'procurement-evidence-rejected');
    await expectNoAxeViolations(provider);
  });

  it('lets New Bees hand in the platform\'s quarterly report as evidence with one click', async () => {
    const requirement = (await requirementsOfNewBees())
      .find((r) => r.type === 'QUARTERLY_REPORT' && r.periods.some((p) => ['OPEN', 'DUE_SOON', 'OVERDUE'].includes(p.status)))!;
    const provider = await logIn('aanbieder@newbees.demo.nl', 'Mijn percelen');
    await provider.goto(`${portal.url}/kwaliteitseisen/bewijs?id=${requirement.id}`);
    const form = provider.getByRole('form', { name: 'Kwartaalrapportage van het platform' });
    await form.waitFor();
    const dueOn = await form.getByLabel('Periode').inputValue();
    await form.getByRole('button', { name: /^Rapportage \d{4}-K\d als bewijs indienen$/ }).dblclick();
    await provider.getByText('Uw bewijs is ingediend. De regio beoordeelt het.').waitFor();
    const row = provider.getByRole('table', { name: 'Stand per periode' }).getByRole('row')
      .filter({ has: provider.getByRole('rowheader', { name: formatDateNl(dueOn), exact: true }) });
    expect(await row.innerText()).toMatch(/Ingediend[\s\S]*kwartaalrapportage-\d{4}-K\d\.pdf/);
    expect(await evidenceCount(requirement.id, dueOn)).toBe(1);
    await expectNoAxeViolations(provider);
    await saveScreenshot(provider, 'procurement-report-evidence');
  });

  it('fits the evidence page on a 320 px screen: the file field within the form, each period a card of its filled-in lines', async () => {
    const requirement = (await requirementsOfNewBees()).find((r) => r.periods.some((p) => p.evidence.length === 0))!;
    const withoutEvidence = requirement.periods.find((p) => p.evidence.length === 0)!;
    const provider = await logIn('aanbieder@newbees.demo.nl', 'Mijn percelen');
    await provider.setViewportSize({ width: 320, height: 800 });
    await provider.goto(`${portal.url}/kwaliteitseisen/bewijs?id=${requirement.id}`);
    await provider.getByRole('heading', { level: 1, name: requirement.title }).waitFor();
    const table = provider.getByRole('table', { name: 'Stand per periode' });
    const row = table.getByRole('row').filter({ has: provider.getByRole('rowheader', { name: formatDateNl(withoutEvidence.dueOn), exact: true }) });
    await row.waitFor();
    // Nothing wider than the screen: the file field was 16 px too wide, the periods a table 324 px wider than its box.
    expect(await provider.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const box = provider.getByRole('region', { name: 'Stand per periode' });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // A period without evidence shows its date and status only; screen readers still meet all seven cells in their columns.
    const shownLabels = await row.evaluate((tr) => Array.from(tr.children)
      .filter((cell) => cell.getBoundingClientRect().height > 1)
      .map((cell) => cell.getAttribute('data-label')));
    expect(shownLabels).toEqual(['Tot', 'Stand']);
    expect(await row.getByRole('cell').count()).toBe(6);
    await expectNoAxeViolations(provider);
  });
});
