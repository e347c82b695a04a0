import { ClientDetailDocument, ClientsDocument, RegionFiguresDocument, RetentionOverviewDocument, RetentionRunsDocument, RevealBsnDocument, SaveRetentionPolicyDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Issue 14: a client whose term ended long ago loses its personal data on a schedule the municipality set, after it saw
// what would go; the figures and invoices keep counting it.

const TODAY = '2026-06-01';
let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;
let oldClient: { id: string; client_number: number; bsn_encrypted: string; bsn_hash: string };
let recentClient: { id: string; first_name: string; intake_notes: string | null };

// Marks only this test puts into the old client's file, so a search of every table can tell whether they are gone.
const MARKS = ['Zwaluwstaart', 'Kwikstaartje', 'Slapeloosheid na de reis', 'Herenigd met broer Idris', 'Klaagde over hoofdpijn', 'Dossieropmerking DUO'];

async function runRetention(runDate: string): Promise<void> {
  await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('retention.run', $1)`, [{ runDate }]);
  await waitFor('the retention run', async () => (await pg.query(`SELECT 1 FROM job_execution WHERE job_key = $1`, [`retention.run:${runDate}`])).rows.length > 0);
}

/** Every table whose rows, read as text, contain the value. */
async function tablesHolding(value: string): Promise<string[]> {
  const { rows: tables } = await pg.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const holding: string[] = [];
  for (const { name } of tables) {
    const { rows } = await pg.query(`SELECT 1 FROM "${name}" t WHERE t::text ILIKE '%' || $1 || '%' LIMIT 1`, [value]);
    if (rows.length > 0) holding.push(name);
  }
  return holding;
}

const figuresOfArnhem = async () => {
  const { data } = await arnhem.request(RegionFiguresDocument, {});
  const { computedOn: _computedOn, ...figures } = data!.regionFigures;
  return figures;
};

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true, clock: new SettableClock(new Date(`${TODAY}T10:00:00+02:00`)) });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  // An Arnhem client with hours (so the figures count it) whose term and placements ended in 2018.
  ({ rows: [oldClient] } = await pg.query(
    `SELECT c.id, c.client_number, c.bsn_encrypted, c.bsn_hash FROM client c JOIN organisation m ON m.id = c.municipality_id
     WHERE m.name = 'Gemeente Arnhem' AND EXISTS (SELECT 1 FROM placement p JOIN hour_entry h ON h.placement_id = p.id WHERE p.client_id = c.id)
     ORDER BY c.client_number LIMIT 1`,
  ));
  await pg.query(
    `UPDATE client SET first_name = $2, last_name = $3, intake_notes = $4, target_group = 'FAMILY_MIGRANT',
            brp_registration_date = '2015-01-10', first_pip_signed_on = '2015-03-01', pip_signed_on = '2015-03-01' WHERE id = $1`,
    [oldClient.id, MARKS[0], MARKS[1], MARKS[2]],
  );
  await pg.query(`UPDATE placement SET status = 'ENDED', end_reason = coalesce(end_reason, 'COMPLETED'), ended_on = '2018-06-30' WHERE client_id = $1`, [oldClient.id]);
  await pg.query(`INSERT INTO client_history (client_id, kind, effective_on, reason) VALUES ($1, 'ROUTE_SWITCH', '2016-01-01', $2)`, [oldClient.id, MARKS[3]]);
  await pg.query(`UPDATE hour_entry SET correction_reason = $2 WHERE id = (SELECT id FROM hour_entry WHERE client_id = $1 LIMIT 1)`, [oldClient.id, MARKS[4]]);
  await pg.query(
    `INSERT INTO duo_message (municipality_id, client_id, kind, subject_key, method, path, body, bericht_id)
     SELECT municipality_id, id, 'INTAKE', 'test', 'POST', '/test', $2, gen_random_uuid() FROM client WHERE id = $1`,
    [oldClient.id, { opmerking: MARKS[5] }],
  );
  // DUO's own term end, when known, is the one that counts.
  await pg.query(
    `INSERT INTO duo_client_state (client_id, municipality_id, term_start, term_end) SELECT id, municipality_id, '2015-01-10', '2018-01-09' FROM client WHERE id = $1
     ON CONFLICT (client_id) DO UPDATE SET term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end`,
    [oldClient.id],
  );
  ({ rows: [recentClient] } = await pg.query(
    `SELECT c.id, c.first_name, c.intake_notes FROM client c JOIN organisation m ON m.id = c.municipality_id
     WHERE m.name = 'Gemeente Arnhem' AND c.id <> $1 ORDER BY c.client_number LIMIT 1`,
    [oldClient.id],
  ));
});
afterAll(async () => {
  await pg?.end();
  await platform?.close();
});

describe('retention of personal data', () => {
  it('first only shows what it would remove, per kind, by client number', async () => {
    const { data } = await arnhem.request(RetentionOverviewDocument, {});
    expect(data!.retentionOverview.policy).toMatchObject({ freeTextYears: 1, duoExchangeYears: 5, identityYears: 5, carriedOutSince: null, isDefault: true });
    expect(data!.retentionOverview.due).toEqual([{ clientId: oldClient.id, clientNumber: oldClient.client_number, endDate: '2018-06-30', kinds: ['FREE_TEXT', 'DUO_EXCHANGE', 'IDENTITY'] }]);

    await runRetention(TODAY);
    const { rows: [client] } = await pg.query(`SELECT first_name, intake_notes, anonymised_on FROM client WHERE id = $1`, [oldClient.id]);
    expect(client).toEqual({ first_name: MARKS[0], intake_notes: MARKS[2], anonymised_on: null });
    const after = await arnhem.ok(RetentionRunsDocument, { limit: 30, offset: 0 });
    expect(after.retentionRunPage).toEqual({ total: 1, items: [{ runDate: TODAY, mode: 'PREVIEW', freeTextClients: 1, duoExchangeClients: 1, identityClients: 1 }] });
  });

  it('refuses a policy that keeps free texts longer than the identity, or years out of bounds, per field', async () => {
    const longer = await arnhem.request(SaveRetentionPolicyDocument, { input: { freeTextYears: 6, duoExchangeYears: 5, identityYears: 5, carryOut: true } });
    expect(longer.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'freeTextYears', message: 'Vrije teksten mogen niet langer bewaard worden dan naam en BSN.' })]);
    const zero = await arnhem.request(SaveRetentionPolicyDocument, { input: { freeTextYears: 0, duoExchangeYears: 5, identityYears: 21, carryOut: true } });
    expect(JSON.stringify(zero.errors)).toContain('Bewaar vrije teksten minstens 1 jaar.');
    expect(JSON.stringify(zero.errors)).toContain('Bewaar naam, BSN en geboortedatum hoogstens 20 jaar.');
    expect((await pg.query(`SELECT 1 FROM retention_policy`)).rows).toEqual([]);
  });

  it('once carried out, removes the client from every table that held its personal data, and the figures still count it', async () => {
    const figuresBefore = await figuresOfArnhem();
    const saved = await arnhem.request(SaveRetentionPolicyDocument, { input: { freeTextYears: 1, duoExchangeYears: 5, identityYears: 5, carryOut: true } });
    expect(saved.data!.saveRetentionPolicy).toMatchObject({ isDefault: false, carriedOutSince: expect.any(String) });

    await runRetention('2026-06-02');

    for (const mark of [...MARKS, oldClient.bsn_encrypted, oldClient.bsn_hash]) expect({ mark, tables: await tablesHolding(mark) }).toEqual({ mark, tables: [] });
    const detail = await arnhem.request(ClientDetailDocument, { id: oldClient.id });
    expect(detail.data!.client).toMatchObject({ firstName: 'Geanonimiseerd', lastName: '', bsnMasked: 'verwijderd', anonymisedOn: '2026-06-02', intakeNotes: null });
    const reveal = await arnhem.request(RevealBsnDocument, { clientId: oldClient.id });
    expect(reveal.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ code: 'CLIENT_ANONYMISED' })]);
    const caseload = await arnhem.request(ClientsDocument, { limit: 200 });
    expect(caseload.data!.clients.items.map((c) => c.id)).not.toContain(oldClient.id);
    expect(await figuresOfArnhem()).toEqual(figuresBefore);

    // Another client's file is untouched, and the removal is in the processing log as the system's.
    const { rows: [recent] } = await pg.query(`SELECT first_name, intake_notes, anonymised_on FROM client WHERE id = $1`, [recentClient.id]);
    expect(recent).toEqual({ first_name: recentClient.first_name, intake_notes: recentClient.intake_notes, anonymised_on: null });
    const { rows: logged } = await pg.query(`SELECT actor_user_id, action, purpose FROM processing_log WHERE $1 = ANY(subject_ids) AND action = 'DELETE'`, [oldClient.id]);
    expect(logged).toEqual([{ actor_user_id: null, action: 'DELETE', purpose: expect.stringContaining('opslagbeperking') }]);
    const overview = await arnhem.request(RetentionOverviewDocument, {});
    expect(overview.data!.retentionOverview.due).toEqual([]);
    const runs = await arnhem.ok(RetentionRunsDocument, { limit: 30, offset: 0 });
    expect(runs.retentionRunPage.items[0]).toEqual({ runDate: '2026-06-02', mode: 'APPLIED', freeTextClients: 1, duoExchangeClients: 1, identityClients: 1 });
  });

  it('is only for a municipality\'s own consultant', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const refused = await provider.request(RetentionOverviewDocument, {});
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Zevenaar's overview holds nothing of Arnhem's.
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const { data } = await zevenaar.request(RetentionOverviewDocument, {});
    expect(data!.retentionOverview.policy.isDefault).toBe(true);
    expect((await zevenaar.ok(RetentionRunsDocument, { limit: 30, offset: 0 })).retentionRunPage).toEqual({ total: 0, items: [] });
    expect((await provider.request(RetentionRunsDocument, { limit: 30, offset: 0 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages the nightly runs with their total past the old 30: every night once, newest first; another municipality sees none', async () => {
    await pg.query(
      `INSERT INTO retention_run (municipality_id, run_date, mode, free_text_clients, duo_exchange_clients, identity_clients, client_numbers)
       SELECT o.id, date '2025-01-01' + g, 'PREVIEW', 0, 0, 0, '{}' FROM organisation o CROSS JOIN generate_series(0, 69) g WHERE o.cbs_code = 'GM0202'`,
    );
    const { rows: expected } = await pg.query<{ run_date: string }>(
      `SELECT r.run_date::text AS run_date FROM retention_run r JOIN organisation o ON o.id = r.municipality_id WHERE o.cbs_code = 'GM0202' ORDER BY r.run_date DESC`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(70);
    const seen: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 30) {
      const page = (await arnhem.ok(RetentionRunsDocument, { limit: 30, offset })).retentionRunPage;
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((r) => r.runDate));
    }
    expect(seen).toEqual(expected.map((r) => r.run_date));
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect((await zevenaar.ok(RetentionRunsDocument, { limit: 200, offset: 0 })).retentionRunPage.total).toBe(0);
    const tooMany = await arnhem.request(RetentionRunsDocument, { limit: 201, offset: 0 });
    expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 runs per keer op.' }]);
  });
});
