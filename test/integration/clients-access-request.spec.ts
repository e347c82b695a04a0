import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// Issue 14, AVG art. 15: the consultant produces everything the platform holds on one client, with who saw or changed it.

let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const download = (session: GraphqlSession, path: string) =>
  fetch(`${platform.url}${path}`, { headers: { cookie: session.lastSetCookie!.split(';')[0] } });

describe('an access request (AVG art. 15)', () => {
  it('holds the client with BSN, every table about the client and its placements, and the log of who saw it, its own making included', async () => {
    const { rows: [client] } = await pg.query(
      `SELECT c.id, c.first_name FROM client c JOIN organisation m ON m.id = c.municipality_id
       WHERE m.name = 'Gemeente Arnhem' AND EXISTS (SELECT 1 FROM placement p JOIN hour_entry h ON h.placement_id = p.id WHERE p.client_id = c.id) LIMIT 1`,
    );
    const response = await download(arnhem, `/api/clients/${client.id}/inzage.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const body = await response.json() as { client: Record<string, unknown>; records: { table: string; rows: Record<string, unknown>[] }[]; processingLog: { purpose: string; byUser: string }[] };
    expect(body.client).toMatchObject({ id: client.id, firstName: client.first_name, bsn: expect.stringMatching(/^\d{9}$/) });
    expect(body.client).not.toHaveProperty('bsnHash');
    expect(body.client).not.toHaveProperty('bsnEncrypted');
    const tables = body.records.map((r) => r.table);
    for (const table of ['placement', 'placement_event', 'hour_entry']) expect(tables).toContain(table);
    expect(JSON.stringify(body.records)).not.toMatch(/bsn_hash|token_hash/);
    expect(body.processingLog.at(-1)).toMatchObject({ purpose: expect.stringContaining('AVG art. 15'), byUser: 'Consulent Arnhem' });

    const pdf = await download(arnhem, `/api/clients/${client.id}/inzage.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('/MarkInfo');
  });

  it('is not for another municipality, a provider, or an unknown or malformed id', async () => {
    const { rows: [client] } = await pg.query(`SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.name = 'Gemeente Arnhem' LIMIT 1`);
    const before = Number((await pg.query(`SELECT count(*) FROM processing_log`)).rows[0].count);
    expect((await download(await loginAs(platform.url, 'consulent@zevenaar.demo.nl'), `/api/clients/${client.id}/inzage.json`)).status).toBe(404);
    expect((await download(await loginAs(platform.url, 'aanbieder@newbees.demo.nl'), `/api/clients/${client.id}/inzage.pdf`)).status).toBe(403);
    expect((await download(arnhem, `/api/clients/00000000-0000-4000-8000-000000000000/inzage.json`)).status).toBe(404);
    expect((await download(arnhem, `/api/clients/'%20OR%201=1/inzage.json`)).status).toBe(404);
    expect((await fetch(`${platform.url}/api/clients/${client.id}/inzage.json`)).status).toBe(401);
    expect(Number((await pg.query(`SELECT count(*) FROM processing_log`)).rows[0].count)).toBe(before);
  });
});
