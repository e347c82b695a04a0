import { ImportBatchesDocument, InvoicesDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { walkPages } from '../support/paging';

// Nothing silently cut: the invoices (which stopped at 500) and the hours-import history (which showed the newest 20)
// page in SQL with the total; walking the pages gives every row once, and other tenants see none of them.

let platform: TestPlatform;
let pg: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});


it('pages the invoices past the old cut of 500: every invoice once for the provider, the paying municipality and the region; none for other tenants', async () => {
  // 520 proposals of New Bees to Arnhem on one contract, one per month from 1900 on (before every demo invoice).
  const { rows: [{ contract_id: contractId }] } = await pg.query<{ contract_id: string }>(
    `SELECT k.id AS contract_id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation p ON p.id = k.provider_id JOIN organisation r ON r.id = l.region_id
      WHERE p.name = 'New Bees' AND r.name LIKE '%Midden-Gelderland%' AND l.subject = 'B1' LIMIT 1`,
  );
  const { rows: inserted } = await pg.query<{ id: string }>(
    `INSERT INTO invoice (document_type, provider_id, contract_id, paying_municipality_id, month, status, provider_reference)
     SELECT 'INVOICE', k.provider_id, k.id, m.id, (date '1900-01-01' + make_interval(months => g))::date, 'PROPOSAL', 'PAGINA-' || g
       FROM contract k CROSS JOIN organisation m CROSS JOIN generate_series(0, 519) g
      WHERE k.id = $1 AND m.cbs_code = 'GM0202'
     RETURNING id`,
    [contractId],
  );
  expect(inserted).toHaveLength(520);
  const insertedIds = inserted.map((row) => row.id).sort();
  const filter = { contractId };
  const countFor = async (where: string) => (await pg.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM invoice i JOIN organisation p ON p.id = i.provider_id JOIN organisation m ON m.id = i.paying_municipality_id
      WHERE i.contract_id = $1 AND ${where}`, [contractId])).rows[0].count;

  const cases = [
    { email: 'aanbieder@newbees.demo.nl', expected: await countFor(`p.name = 'New Bees'`) },
    { email: 'consulent@arnhem.demo.nl', expected: await countFor(`m.cbs_code = 'GM0202'`) },
    { email: 'projectleider@midden-gelderland.demo.nl', expected: await countFor('true') },
  ];
  for (const { email, expected } of cases) {
    const session = await loginAs(platform.url, email);
    const { rows, totals, pages } = await walkPages(async (offset) => (await session.ok(InvoicesDocument, { filter, limit: 200, offset })).invoicePage);
    expect(expected).toBeGreaterThanOrEqual(520);
    expect(pages).toBe(Math.ceil(expected / 200));
    expect(new Set(totals)).toEqual(new Set([expected]));
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((i) => i.id)).size).toBe(expected);
    expect(insertedIds.every((id) => rows.some((i) => i.id === id))).toBe(true);
    // Newest month first, across the pages.
    expect(rows.map((i) => i.month)).toEqual([...rows.map((i) => i.month)].sort().reverse());
  }

  // A status filter counts in SQL too; the first page is the newest.
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const proposals = (await newBees.ok(InvoicesDocument, { filter: { contractId, status: 'PROPOSAL' }, limit: 10, offset: 0 })).invoicePage;
  expect(proposals.total).toBe(await countFor(`i.status = 'PROPOSAL'`));
  expect(proposals.items).toHaveLength(10);

  // Other tenants: another provider, another municipality, another region see none of them (and no total that betrays them).
  for (const email of ['aanbieder@sagenn.demo.nl', 'consulent@zevenaar.demo.nl', 'projectleider@noordoost-brabant.demo.nl']) {
    const session = await loginAs(platform.url, email);
    const page = (await session.ok(InvoicesDocument, { filter, limit: 200, offset: 0 })).invoicePage;
    expect({ email, total: page.total, items: page.items.length }).toEqual({ email, total: 0, items: 0 });
    const { rows: all } = await walkPages(async (offset) => (await session.ok(InvoicesDocument, { filter: null, limit: 200, offset })).invoicePage);
    expect(all.filter((i) => insertedIds.includes(i.id))).toEqual([]);
  }

  const tooMany = await newBees.request(InvoicesDocument, { filter, limit: 201, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 facturen per keer op.' }]);
  const none = await newBees.request(InvoicesDocument, { filter, limit: 0, offset: -1 });
  expect(none.errors?.[0].extensions?.fields).toEqual([
    { field: 'limit', message: 'Vraag 1 tot en met 200 facturen per keer op.' },
    { field: 'offset', message: 'De positie is 0 of meer.' },
  ]);
});

it("pages the provider's hours imports past the old 20, newest first; another provider sees none of them", async () => {
  await pg.query(
    `INSERT INTO import_batch (provider_id, idempotency_key, filename, format, sha256, content, mode, status, total_rows, processed_rows, created_at, finished_at)
     SELECT o.id, 'paginatest-' || g, 'uren-' || g || '.csv', 'CSV', md5(g::text), '\\x'::bytea, 'DRY_RUN', 'VALID', 1, 1,
            now() - make_interval(mins => g), now() - make_interval(mins => g)
       FROM organisation o CROSS JOIN generate_series(1, 45) g WHERE o.name = 'New Bees'`,
  );
  const { rows: expected } = await pg.query<{ id: string }>(
    `SELECT b.id FROM import_batch b JOIN organisation o ON o.id = b.provider_id WHERE o.name = 'New Bees' ORDER BY b.created_at DESC, b.id DESC`,
  );
  expect(expected.length).toBeGreaterThanOrEqual(45);
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const { rows, totals, pages } = await walkPages(async (offset) => (await newBees.ok(ImportBatchesDocument, { limit: 20, offset })).importBatchPage);
  expect(pages).toBe(Math.ceil(expected.length / 20));
  expect(new Set(totals)).toEqual(new Set([expected.length]));
  expect(rows.map((b) => b.id)).toEqual(expected.map((b) => b.id));
  expect(rows.filter((b) => b.filename === 'uren-45.csv')).toHaveLength(1);

  const sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  const { rows: theirs, totals: theirTotals } = await walkPages(async (offset) => (await sagenn.ok(ImportBatchesDocument, { limit: 200, offset })).importBatchPage);
  expect(theirs.filter((b) => b.filename.startsWith('uren-'))).toEqual([]);
  expect(theirTotals[0]).toBe(theirs.length);

  const tooMany = await newBees.request(ImportBatchesDocument, { limit: 201, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 imports per keer op.' }]);
});
