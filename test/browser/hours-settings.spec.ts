import { Client } from 'pg';
import { clickMenu, expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

async function openRules() {
  const page = await portal.openPortal('/');
  await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
  await clickMenu(page, 'Signaalregels verzuim');
  await page.getByRole('heading', { level: 1, name: 'Signaalregels verzuim' }).waitFor();
  await page.getByLabel('Norm voor aanwezigheid (%)').waitFor();
  return page;
}

async function savedRule() {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query(`SELECT ar.low_attendance_percent, ar.window_weeks, ar.consecutive_unexcused FROM absence_rule ar
                                        JOIN organisation o ON o.id = ar.municipality_id WHERE o.cbs_code = 'GM0202'`);
    return rows;
  } finally {
    await pg.end();
  }
}

describe('consulent: Signaalregels verzuim', () => {
  it('shows the defaults, saves changed rules and keeps them after a reload', async () => {
    const page = await openRules();
    expect(await page.getByLabel('Norm voor aanwezigheid (%)').inputValue()).toBe('80');
    expect(await page.getByLabel('Meetperiode (weken)').inputValue()).toBe('4');
    expect(await page.getByLabel('Lesdagen achter elkaar ongeoorloofd afwezig').inputValue()).toBe('3');
    await page.getByText('Uw gemeente gebruikt nu de standaardregels.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Norm voor aanwezigheid (%)').fill('75');
    await page.getByLabel('Meetperiode (weken)').fill('3');
    await page.getByLabel('Lesdagen achter elkaar ongeoorloofd afwezig').fill('2');
    await page.getByRole('button', { name: 'Regels opslaan' }).click();
    await page.getByRole('status').getByText('De signaalregels zijn opgeslagen.').waitFor();
    await page.getByText('Uw gemeente gebruikt eigen regels.').waitFor();
    expect(await savedRule()).toEqual([{ low_attendance_percent: 75, window_weeks: 3, consecutive_unexcused: 2 }]);
    await saveScreenshot(page, 'hours-absence-rules');
    await expectNoAxeViolations(page);

    await page.reload();
    await page.getByText('Uw gemeente gebruikt eigen regels.').waitFor();
    expect(await page.getByLabel('Norm voor aanwezigheid (%)').inputValue()).toBe('75');
    expect(await page.getByLabel('Lesdagen achter elkaar ongeoorloofd afwezig').inputValue()).toBe('2');
  });

  it('shows a Dutch error next to a value out of range and saves nothing', async () => {
    const page = await openRules();
    const before = await savedRule();
    const percent = page.getByLabel('Norm voor aanwezigheid (%)');
    await percent.fill('40');
    await page.getByRole('button', { name: 'Regels opslaan' }).click();
    const message = 'De norm voor aanwezigheid moet een heel percentage van 50 tot en met 100 zijn; ingevuld is 40.';
    await page.locator('#absence-rule-lowAttendancePercent-error').getByText(message).waitFor();
    expect(await percent.getAttribute('aria-describedby')).toContain('absence-rule-lowAttendancePercent-error');
    expect(await percent.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('link', { name: message }).waitFor();
    expect(await savedRule()).toEqual(before);

    await page.getByLabel('Meetperiode (weken)').fill('vier');
    await page.getByRole('button', { name: 'Regels opslaan' }).click();
    await page.locator('#absence-rule-windowWeeks-error').getByText('Vul een heel getal in.').waitFor();
    await saveScreenshot(page, 'hours-absence-rules-error');
    await expectNoAxeViolations(page);
  });
});
