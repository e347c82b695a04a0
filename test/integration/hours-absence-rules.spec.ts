import { AbsenceRuleDocument, AbsenceSignalsDocument, SaveAbsenceRuleDocument, SaveHourEntriesDocument, SubmitHourPeriodDocument, type HourCellInput } from '@inburgering/contracts';
import { Client } from 'pg';
import { placeClients, weekInPreviousMonth } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;
const { weekStart, days, month } = weekInPreviousMonth();
const DEFAULTS = { lowAttendancePercent: 80, windowWeeks: 4, consecutiveUnexcused: 3, isDefault: true };

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const ruleCount = async () => Number((await pg.query(`SELECT count(*) FROM absence_rule`)).rows[0].count);

describe('absence rules per municipality', () => {
  it('shows the defaults, saves the own rule of Arnhem and reads it back; another municipality keeps the defaults', async () => {
    expect((await arnhem.ok(AbsenceRuleDocument)).absenceRule).toEqual(DEFAULTS);
    const { saveAbsenceRule } = await arnhem.ok(SaveAbsenceRuleDocument, { input: { lowAttendancePercent: 75, windowWeeks: 3, consecutiveUnexcused: 2 } });
    const saved = { lowAttendancePercent: 75, windowWeeks: 3, consecutiveUnexcused: 2, isDefault: false };
    expect(saveAbsenceRule).toEqual(saved);
    expect((await arnhem.ok(AbsenceRuleDocument)).absenceRule).toEqual(saved);

    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect((await zevenaar.ok(AbsenceRuleDocument)).absenceRule).toEqual(DEFAULTS);
  });

  it('refuses a value out of range with a Dutch message on the field and saves nothing', async () => {
    const before = (await pg.query(`SELECT * FROM absence_rule ORDER BY municipality_id`)).rows;
    const result = await arnhem.request(SaveAbsenceRuleDocument, { input: { lowAttendancePercent: 40, windowWeeks: 3, consecutiveUnexcused: 2 } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'lowAttendancePercent', message: expect.stringContaining('van 50 tot en met 100') }),
    ]);
    expect((await pg.query(`SELECT * FROM absence_rule ORDER BY municipality_id`)).rows).toEqual(before);
  });

  it('refuses a provider', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const count = await ruleCount();
    expect((await provider.request(AbsenceRuleDocument)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const result = await provider.request(SaveAbsenceRuleDocument, { input: { lowAttendancePercent: 90, windowWeeks: 2, consecutiveUnexcused: 2 } });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await ruleCount()).toBe(count);
  });

  it('signals two unexcused absences in a row once when Arnhem set the rule to 2', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Arnhem regels', startDate: weekStart });
    const cell = (date: string, attended: number, reason: HourCellInput['absenceReason'] = null): HourCellInput =>
      ({ placementId: client.placementId, date, category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: attended, absenceReason: reason, version: null });
    await provider.ok(SaveHourEntriesDocument, { input: { cells: [cell(days[0], 180), cell(days[1], 0, 'UNEXCUSED'), cell(days[2], 0, 'UNEXCUSED')] } });

    const seriesOf = async () => (await arnhem.ok(AbsenceSignalsDocument, { openOnly: false, limit: 200 })).signalPage.items
      .filter((s) => s.subjectId === client.clientId && s.kind === 'ABSENCE_UNEXCUSED_SERIES');
    await waitFor('series signal for Arnhem', async () => ((await seriesOf()).length > 0 ? true : undefined));
    await waitFor('absence jobs done', async () => {
      const { rows } = await pg.query(`SELECT count(*) FROM outbox_message o WHERE o.job_name = 'hours.check-absence'
                                         AND NOT EXISTS (SELECT 1 FROM job_execution j WHERE j.job_key LIKE '%outbox-' || o.id)`);
      return Number(rows[0].count) === 0;
    });
    const series = await seriesOf();
    expect(series).toHaveLength(1);
    expect(series[0].message).toContain('2 lesdagen achter elkaar ongeoorloofd afwezig');
  });

  it('checks the rules for the placements with hours in a month when the provider submits it', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0299', route: 'Z', count: 1, groupName: 'Zevenaar maand', startDate: weekStart });
    // Written straight into the table, so no save or import checked them: only the submission's check can raise the signal.
    await pg.query(`INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
                    SELECT p.id, p.client_id, p.provider_id, p.municipality_id, d, 'LANGUAGE', 180, 0, 'UNEXCUSED' FROM placement p, unnest($2::date[]) d WHERE p.id = $1`,
    [client.placementId, days.slice(0, 3)]);
    const seriesOf = async () => (await zevenaar.ok(AbsenceSignalsDocument, { openOnly: false, limit: 200 })).signalPage.items
      .filter((s) => s.subjectId === client.clientId && s.kind === 'ABSENCE_UNEXCUSED_SERIES');
    expect(await seriesOf()).toEqual([]);

    const { submitHourPeriod } = await provider.ok(SubmitHourPeriodDocument, { input: { municipalityId: client.municipalityId, month } });
    expect(submitHourPeriod.status).toBe('SUBMITTED');
    await waitFor('series signal for Zevenaar', async () => ((await seriesOf()).length > 0 ? true : undefined));
    expect((await seriesOf()).map((s) => s.message)).toEqual([expect.stringContaining('3 lesdagen achter elkaar ongeoorloofd afwezig')]);
  });
});
