import { randomUUID } from 'node:crypto';
import { ClientDetailDocument, DeadlineSignalsDocument, RegisterClientDocument, SetPipDocument, SwitchRouteDocument } from '@inburgering/contracts';
import { generateSyntheticBsn } from '@inburgering/domain';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Law wiring of a client's deadlines (issue #8): the term and the route-switch window run from the FIRST PIP (art. 11 lid 3
// Wi2021), recorded MAP/PVT/exam results close their deadlines, PIP levels stay within DUO's PIP message (A2, B1), and the
// deadline signals of the scan reach the consultant.

const clock = new SettableClock();
let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;

beforeAll(async () => {
  clock.setToday('2026-08-20');
  platform = await startTestPlatform({ worker: true, clock });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** A status holder registered 1-1-2025 with a first PIP (B1-route) on 1-3-2025: term until 1-3-2028, MAP/PVT and switching until 1-9-2026. */
async function registerWithPip(seed: number, overrides: Record<string, unknown> = {}) {
  const { registerClient } = await arnhem.ok(RegisterClientDocument, {
    input: {
      bsn: generateSyntheticBsn(7700 + seed), firstName: 'Termijn', lastName: `Proef ${seed}`, dateOfBirth: '1988-04-04', targetGroup: 'STATUS_HOLDER',
      brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01', route: 'B1', level: 'B1', ...overrides,
    },
  });
  return registerClient.id;
}

async function addResult(clientId: string, kind: string, resultDate: string, extra: { examPart?: string; level?: string; passed?: boolean; milestoneDate?: string } = {}) {
  await pg.query(
    `INSERT INTO integration_result (client_id, municipality_id, kind, exam_part, level, passed, result_date, details, idempotency_key)
     SELECT id, municipality_id, $2, $3, $4, $5, $6, $7::jsonb, $8 FROM client WHERE id = $1`,
    [clientId, kind, extra.examPart ?? null, extra.level ?? null, extra.passed ?? null, resultDate, JSON.stringify(extra.milestoneDate ? { milestoneDate: extra.milestoneDate } : {}), randomUUID()],
  );
}

/** The rule codes of a refused mutation (the API sends them next to field and message). */
const codes = (result: GraphqlResult<unknown>) => (result.errors?.[0].extensions?.fields ?? []).map((f) => (f as { code?: string }).code);

const scanNow = (clientId: string) =>
  pg.query(`INSERT INTO outbox_message (job_name, payload) SELECT 'deadlines.scan-client', jsonb_build_object('clientId', id, 'municipalityId', municipality_id) FROM client WHERE id = $1`, [clientId]);

describe('a changed PIP', () => {
  it('keeps the term and the route-switch window on the first PIP, so switching stays closed after 18 months', async () => {
    clock.setToday('2026-08-20');
    const id = await registerWithPip(1);
    const { setPip } = await arnhem.ok(SetPipDocument, { input: { clientId: id, pipSignedOn: '2026-08-01', route: 'B1', level: 'A2' } });
    expect(setPip.pipSignedOn).toBe('2026-08-01');
    expect(setPip.firstPipSignedOn).toBe('2025-03-01');
    expect(setPip.deadlines.integrationTerm).toEqual({ deadline: '2028-03-01', status: 'ON_TIME' });
    expect(setPip.deadlines.routeSwitch?.deadline).toBe('2026-09-01');

    clock.setToday('2026-09-10');
    const late = await arnhem.request(SwitchRouteDocument, { input: { clientId: id, toRoute: 'Z', toLevel: 'A2', reason: 'Leerbaarheid lager dan verwacht' } });
    expect(codes(late)).toEqual(['ROUTE_SWITCH_WINDOW_CLOSED']);
    clock.setToday('2026-08-20');
  });

  it('may not be dated before the first PIP', async () => {
    const id = await registerWithPip(2);
    await arnhem.ok(SetPipDocument, { input: { clientId: id, pipSignedOn: '2025-06-01', route: 'B1', level: 'B1' } });
    const earlier = await arnhem.request(SetPipDocument, { input: { clientId: id, pipSignedOn: '2025-02-01', route: 'B1', level: 'B1' } });
    expect(codes(earlier)).toEqual(['PIP_DATE_BEFORE_FIRST_PIP']);
  });
});

describe('PIP levels', () => {
  it('refuses a level DUO\'s PIP message cannot carry, with a Dutch field message', async () => {
    const result = await arnhem.request(RegisterClientDocument, {
      input: {
        bsn: generateSyntheticBsn(7790), firstName: 'Niveau', lastName: 'Proef', dateOfBirth: '1990-01-01', targetGroup: 'STATUS_HOLDER',
        brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01', route: 'ONDERWIJS', level: 'B2',
      },
    });
    const [field] = result.errors?.[0].extensions?.fields ?? [];
    expect(field).toMatchObject({ field: 'level', code: 'PIP_LEVEL_NOT_IN_DUO_PIP' });
    expect(field.message).toContain('DUO registreert in het PIP alleen niveau A2 of B1');
    const id = await registerWithPip(3, { route: 'Z', level: 'A2' });
    const z = await arnhem.request(SetPipDocument, { input: { clientId: id, pipSignedOn: '2025-04-01', route: 'Z', level: 'A1' } });
    expect(codes(z)).toEqual(['PIP_LEVEL_NOT_IN_DUO_PIP']);
  });
});

describe('results and deadline signals', () => {
  it('shows the scan\'s signals to the own consultant, closes MAP and PVT with their results and resolves the signals', async () => {
    const id = await registerWithPip(4);
    const open = await waitFor('MAP and PVT signals recorded', async () => {
      const { rows } = await pg.query(`SELECT kind FROM deadline_signal WHERE client_id = $1 AND resolved_on IS NULL ORDER BY kind`, [id]);
      return rows.length === 2 ? rows.map((r) => r.kind) : undefined;
    });
    expect(open).toEqual(['MAP_DUE', 'PVT_DUE']);

    const before = await arnhem.ok(ClientDetailDocument, { id });
    expect(before.client.deadlines.map?.status).toBe('DUE_SOON');
    expect(before.client.deadlineSignals.map((s) => [s.kind, s.status, s.deadline])).toEqual([['MAP_DUE', 'DUE_SOON', '2026-09-01'], ['PVT_DUE', 'DUE_SOON', '2026-09-01']]);
    const page = await arnhem.ok(DeadlineSignalsDocument, { limit: 200 });
    expect(page.deadlineSignals.items.filter((s) => s.clientId === id).map((s) => s.kindLabel)).toEqual(['MAP afronden', 'PVT afronden']);
    expect(page.deadlineSignals.total).toBeGreaterThanOrEqual(2);
    const firstPage = await arnhem.ok(DeadlineSignalsDocument, { limit: 1 });
    expect(firstPage.deadlineSignals.items).toHaveLength(1);
    expect(firstPage.deadlineSignals.total).toBe(page.deadlineSignals.total);
    // A page larger than the list serves is refused in Dutch (it used to be cut to 200 without a word).
    const tooMany = await arnhem.request(DeadlineSignalsDocument, { limit: 201 });
    expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 termijnsignalen per keer op.' }]);
    // Another municipality sees neither the signals nor the client.
    const other = await zevenaar.ok(DeadlineSignalsDocument, { limit: 200 });
    expect(other.deadlineSignals.items.some((s) => s.clientId === id)).toBe(false);
    expect((await zevenaar.request(ClientDetailDocument, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await addResult(id, 'MAP', '2026-08-12', { milestoneDate: '2026-08-10' });
    await addResult(id, 'PVT', '2026-09-05', { milestoneDate: '2026-09-05' });
    const after = await arnhem.ok(ClientDetailDocument, { id });
    expect(after.client.deadlines.map).toEqual({ deadline: '2026-09-01', status: 'MET' });
    expect(after.client.deadlines.pvt).toEqual({ deadline: '2026-09-01', status: 'MET_LATE' });

    await scanNow(id);
    await waitFor('signals resolved', async () => (await pg.query(`SELECT 1 FROM deadline_signal WHERE client_id = $1 AND resolved_on IS NULL`, [id])).rowCount === 0);
    expect((await arnhem.ok(ClientDetailDocument, { id })).client.deadlineSignals).toEqual([]);
    const resolved = await arnhem.ok(DeadlineSignalsDocument, { limit: 200, openOnly: false });
    expect(resolved.deadlineSignals.items.filter((s) => s.clientId === id).every((s) => s.resolvedOn === '2026-08-20')).toBe(true);
  });

  it('meets the integration term once the exam parts, MAP and PVT are passed', async () => {
    const id = await registerWithPip(5);
    await addResult(id, 'MAP', '2026-05-01', { milestoneDate: '2026-05-01' });
    await addResult(id, 'PVT', '2026-04-01', { milestoneDate: '2026-04-01' });
    for (const part of ['LEZEN', 'LUISTEREN', 'SCHRIJVEN']) await addResult(id, 'EXAM', '2026-06-01', { examPart: part, level: 'B1', passed: true });
    await addResult(id, 'EXAM', '2026-06-02', { examPart: 'KNM', passed: true });
    expect((await arnhem.ok(ClientDetailDocument, { id })).client.deadlines.integrationTerm?.status).toBe('ON_TIME');
    await addResult(id, 'EXAM', '2026-07-01', { examPart: 'SPREKEN', level: 'B1', passed: true });
    expect((await arnhem.ok(ClientDetailDocument, { id })).client.deadlines.integrationTerm).toEqual({ deadline: '2028-03-01', status: 'MET' });
  });
});

describe('the nightly scan', () => {
  it('hands out one job per municipality instead of one transaction over every region', async () => {
    const municipalities = Number((await pg.query(`SELECT count(*) FROM organisation WHERE kind = 'MUNICIPALITY'`)).rows[0].count);
    await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('deadlines.scan-all', '{"scanDate": "2026-08-21"}')`);
    const executed = await waitFor('every municipality scanned', async () => {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM job_execution WHERE job_name = 'deadlines.scan-municipality' AND job_key LIKE '%:2026-08-21'`);
      return rows[0].n === municipalities ? rows[0].n : undefined;
    }, 60_000);
    expect(executed).toBe(municipalities);
  });
});
