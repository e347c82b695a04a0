import { ClientsDocument, RegisterClientDocument, RevealBsnDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let consultant: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const clientCount = async () => Number((await pg.query(`SELECT count(*) FROM client`)).rows[0].count);

describe('registering a client', () => {
  it('stores the BSN encrypted, shows it masked, and numbers the client within the municipality', async () => {
    const input = clientDueForPip(11);
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input });
    expect(registerClient.bsnMasked).toBe(`******${input.bsn.slice(-3)}`);
    // After Arnhem's 90 demo clients (1001–1090) and the 34 of the demo's history (1091–1124).
    expect(registerClient.clientNumber).toBe(1125);
    const { rows } = await pg.query(`SELECT bsn_encrypted, bsn_hash FROM client WHERE id = $1`, [registerClient.id]);
    expect(rows[0].bsn_encrypted).not.toContain(input.bsn);
    expect(rows[0].bsn_hash).not.toContain(input.bsn);
  });

  it.each([
    ['a BSN that fails the 11-check', { bsn: '123456789' }, 'bsn'],
    ['a PIP date before BRP registration', { pipSignedOn: '2020-01-01', brpRegistrationDate: '2021-01-01', route: 'B1', level: 'B1' }, 'pipSignedOn'],
    ['level B1 on the Z-route', { pipSignedOn: '2025-03-01', brpRegistrationDate: '2025-01-01', route: 'Z', level: 'B1' }, 'level'],
    ['an empty first name', { firstName: '' }, 'firstName'],
  ])('refuses %s with a field-level Dutch message and saves nothing', async (_label, change, field) => {
    const before = await clientCount();
    const result = await consultant.request(RegisterClientDocument, { input: { ...clientDueForPip(12), ...change } as never });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions?.fields ?? [];
    expect(fields.map((f) => f.field)).toContain(field);
    expect(fields.every((f) => f.message.length > 10)).toBe(true);
    expect(await clientCount()).toBe(before);
  });

  it('refuses a BSN that is already registered in the same municipality', async () => {
    const input = clientDueForPip(13);
    await consultant.ok(RegisterClientDocument, { input });
    const again = await consultant.request(RegisterClientDocument, { input: { ...input, firstName: 'Ander' } });
    expect(again.errors?.[0].extensions?.fields).toEqual([{ field: 'bsn', code: 'BSN_ALREADY_REGISTERED', message: 'Dit BSN is al geregistreerd bij uw gemeente.' }]);
  });

  it('allows the same BSN in another municipality (a person who moved)', async () => {
    const input = clientDueForPip(14);
    await consultant.ok(RegisterClientDocument, { input });
    const other = await loginAs(platform.url, 'consulent@oss.demo.nl');
    const { registerClient } = await other.ok(RegisterClientDocument, { input });
    expect(registerClient.bsnMasked).toMatch(/\*{6}\d{3}/);
  });
});

describe('processing log', () => {
  it('records every BSN reveal with who and when', async () => {
    const { clients } = await consultant.ok(ClientsDocument, { limit: 1 });
    const clientId = clients.items[0].id;
    const { revealBsn } = await consultant.ok(RevealBsnDocument, { clientId });
    expect(revealBsn).toMatch(/^\d{9}$/);
    const { rows } = await pg.query(
      `SELECT u.email, l.occurred_at FROM processing_log l JOIN app_user u ON u.id = l.actor_user_id WHERE l.action = 'REVEAL_BSN' AND $1 = ANY(l.subject_ids)`,
      [clientId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe('consulent@arnhem.demo.nl');
    expect(Date.now() - new Date(rows[0].occurred_at).getTime()).toBeLessThan(60_000);
  });

  it('records reads of the caseload, and cannot be changed afterwards', async () => {
    const { clients } = await consultant.ok(ClientsDocument, { limit: 5, search: null, offset: 0 });
    const { rows } = await pg.query(
      `SELECT l.id, l.subject_ids, l.subject_type, l.purpose, u.email FROM processing_log l JOIN app_user u ON u.id = l.actor_user_id WHERE l.action = 'READ' ORDER BY l.id DESC LIMIT 1`,
    );
    // One entry for the page (written by the statement that reads the page's state): who read which clients, and why.
    expect(rows[0].subject_ids).toEqual(clients.items.map((c) => c.id));
    expect(rows[0]).toMatchObject({ subject_type: 'client', email: 'consulent@arnhem.demo.nl', purpose: expect.stringContaining('regie op de inburgering') });
    await expect(pg.query(`UPDATE processing_log SET purpose = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
    await expect(pg.query(`DELETE FROM processing_log WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
  });
});
