import { ClientsDocument, LotsDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { BsnCrypto } from '../../apps/api/src/common/bsn-crypto';
import { TEST_BSN_KEY } from '../support/test-config';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let allBsns: string[];
let ossClientId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  const pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  const crypto = new BsnCrypto(TEST_BSN_KEY);
  allBsns = (await pg.query(`SELECT bsn_encrypted FROM client`)).rows.map((row) => crypto.decrypt(row.bsn_encrypted));
  ossClientId = (await pg.query(`SELECT c.id FROM client c JOIN organisation o ON o.id = c.municipality_id WHERE o.cbs_code = 'GM0828' LIMIT 1`)).rows[0].id;
  await pg.end();
});
afterAll(() => platform.close());

describe('a provider user', () => {
  it('sees only the lots it holds a contract on, and only itself as provider', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const { lots } = await provider.ok(LotsDocument);
    expect(lots.map((lot) => lot.name).sort()).toEqual(['B1-route Midden-Gelderland', 'Z-route Midden-Gelderland']);
    expect(lots.flatMap((lot) => lot.providers.map((p) => p.name))).toEqual(['New Bees', 'New Bees']);
  });

  it('is refused the client list, a client and a BSN reveal', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    for (const query of [`{ clients { total } }`, `{ client(id: "${ossClientId}") { id } }`, `mutation { revealBsn(clientId: "${ossClientId}") }`]) {
      const result = await provider.request(query);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toBe('U heeft geen toegang tot deze gegevens.');
    }
  });

  it('never receives a BSN in any response', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
    const responses = [await provider.request(LotsDocument), await provider.request(`{ me { id email } }`), await provider.request(`{ clients { items { bsnMasked } } }`)];
    for (const response of responses) {
      for (const bsn of allBsns) expect(response.raw).not.toContain(bsn);
    }
  });
});

describe('a consultant', () => {
  it('sees only clients of the own municipality', async () => {
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const { clients } = await consultant.ok(ClientsDocument, { limit: 200 });
    // Arnhem's 90 demo clients and the 34 of the demo's history.
    expect(clients.total).toBe(124);
    expect(clients.items).toHaveLength(124);
  });

  it('gets "not found" for a client of another municipality, and no reveal of its BSN', async () => {
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const read = await consultant.request(`{ client(id: "${ossClientId}") { id firstName } }`);
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const reveal = await consultant.request(`mutation { revealBsn(clientId: "${ossClientId}") }`);
    expect(reveal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const bsn of allBsns) expect(reveal.raw).not.toContain(bsn);
  });

  it('sees the lots that cover the own municipality only', async () => {
    const consultant = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const { lots } = await consultant.ok(LotsDocument);
    expect(lots.map((lot) => lot.name)).toContain('B1-route Liemerse kavel');
    expect(lots.map((lot) => lot.name)).not.toContain('B1-route Midden-Gelderland');
    expect(lots.map((lot) => lot.name)).not.toContain('B1-route Noordoost-Brabant');
  });
});

describe('a projectleider', () => {
  it('sees the lots of the own region and nothing of another region', async () => {
    const leider = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    const { lots } = await leider.ok(LotsDocument);
    expect(lots).toHaveLength(3);
    expect(lots.every((lot) => lot.region?.name === 'Arbeidsmarktregio Noordoost-Brabant')).toBe(true);
  });

  it('is refused the client list (region views are aggregates)', async () => {
    const leider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const result = await leider.request(`{ clients { total } }`);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
