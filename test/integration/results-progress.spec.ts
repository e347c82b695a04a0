import { randomUUID } from 'node:crypto';
import { addDays, addMonths } from '@inburgering/domain';
import { ClientProgressDocument, RecordResultDocument, type RecordResultInput } from '@inburgering/contracts';
import { Client } from 'pg';
import { insertHours, placeClients, today } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let consultant: GraphqlSession;
const start = addMonths(today(), -14);

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const input = (fields: Partial<RecordResultInput> & Pick<RecordResultInput, 'clientId' | 'kind'>): RecordResultInput =>
  ({ resultDate: addDays(today(), -1), idempotencyKey: randomUUID(), ...fields });

describe('results and progress', () => {
  it('refuses to mark a Z-route status holder complete with 800 course but 500 participation hours, naming the rule', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'Z', count: 1, groupName: 'Z', startDate: start, targetGroup: 'STATUS_HOLDER' });
    await insertHours(pg, client, 'LANGUAGE', 200, 240, start); // 800 h
    await insertHours(pg, client, 'PARTICIPATION', 125, 240, start); // 500 h
    const refused = await consultant.request(RecordResultDocument, { input: input({ clientId: client.clientId, kind: 'Z_COMPLETION', milestoneDate: addDays(today(), -1) }) });
    expect(refused.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({
        field: 'participationMinutes',
        message: 'Een statushouder rondt de Z-route pas af na minimaal 800 uur participatie (inclusief PVT en MAP); geregistreerd is 500 uur (Besluit inburgering 2021, art. 3.14).',
      }),
    ]);

    const { clientProgress } = await consultant.ok(ClientProgressDocument, { clientId: client.clientId });
    expect(clientProgress.norms.map((n) => [n.code, n.achievedMinutes, n.met])).toEqual(expect.arrayContaining([['Z_COURSE', 800 * 60, true], ['Z_PARTICIPATION', 500 * 60, false]]));
    expect(clientProgress.results).toEqual([]);

    await insertHours(pg, client, 'PVT', 75, 240, addDays(start, 200)); // +300 h participation
    const { recordResult } = await consultant.ok(RecordResultDocument, { input: input({ clientId: client.clientId, kind: 'Z_COMPLETION', milestoneDate: addDays(today(), -1) }) });
    expect(recordResult.kind).toBe('Z_COMPLETION');
  });

  it('allows an A2 exam in the B1-route only after 600 language hours, once per submission', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    await insertHours(pg, client, 'LANGUAGE', 100, 300, start); // 500 h
    const exam = { clientId: client.clientId, placementId: client.placementId, kind: 'EXAM' as const, examPart: 'LEZEN' as const, level: 'A2' as const, attempt: 1, passed: true };
    const early = await provider.request(RecordResultDocument, { input: input(exam) });
    expect(early.errors?.[0].extensions?.fields?.[0].message).toContain('pas na minimaal 600 uur taalonderwijs; geregistreerd is 500 uur');

    await insertHours(pg, client, 'LITERACY', 25, 240, start); // +100 h language
    const key = randomUUID();
    const first = await provider.ok(RecordResultDocument, { input: input({ ...exam, idempotencyKey: key }) });
    const second = await provider.ok(RecordResultDocument, { input: input({ ...exam, idempotencyKey: key }) });
    expect(second.recordResult.id).toBe(first.recordResult.id);

    const { clientProgress } = await provider.ok(ClientProgressDocument, { clientId: client.clientId });
    expect(clientProgress.norms.find((n) => n.code === 'A2_THRESHOLD')).toMatchObject({ met: true, achievedMinutes: 600 * 60 });
    expect(clientProgress.results.map((r) => [r.kind, r.examPart, r.level, r.attempt, r.providerName])).toEqual([['EXAM', 'LEZEN', 'A2', 1, 'New Bees']]);
    expect(clientProgress.placements[0]).toMatchObject({ providerName: 'New Bees', attendedMinutes: 600 * 60, attendancePercent: 100 });
  });

  it('has no MAP in the Onderwijsroute and checks MAP and PVT contents', async () => {
    const [b1] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    await pg.query(`UPDATE client SET pip_signed_on = $2, target_group = 'STATUS_HOLDER' WHERE id = $1`, [b1.clientId, addMonths(today(), -6)]);
    const map = await provider.request(RecordResultDocument, {
      input: input({ clientId: b1.clientId, kind: 'MAP', mapThemes: ['BEROEPENORIENTATIE'], minutes: 30 * 60, milestoneDate: addDays(today(), -2) }),
    });
    expect(map.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['themesCovered', 'practicalActivityMinutes']);
    const pvt = await provider.ok(RecordResultDocument, { input: input({ clientId: b1.clientId, kind: 'PVT', minutes: 12 * 60, excursionDone: true, milestoneDate: addDays(today(), -2) }) });
    expect(pvt.recordResult).toMatchObject({ kind: 'PVT', minutes: 720, excursionDone: true });

    await pg.query(`UPDATE client SET route = 'ONDERWIJS' WHERE id = $1`, [b1.clientId]);
    const onderwijs = await provider.request(RecordResultDocument, { input: input({ clientId: b1.clientId, kind: 'MAP', mapThemes: [], minutes: 0 }) });
    expect(onderwijs.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'route', message: expect.stringContaining('De MAP hoort niet bij de Onderwijsroute') });
  });

  it('keeps another provider and another municipality out', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    const sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect((await sagenn.request(ClientProgressDocument, { clientId: client.clientId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await zevenaar.request(ClientProgressDocument, { clientId: client.clientId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
