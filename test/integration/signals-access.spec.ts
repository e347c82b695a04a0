import { randomUUID } from 'node:crypto';
import { AcknowledgeSignalDocument, SignalPageDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { expectMalformedIdRefused } from '../support/malformed-id';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
const SIGNAL_NOT_FOUND = 'Dit signaal bestaat niet of is niet bij uw organisatie bekend.';

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** `count` signals for an organisation, the first one the oldest; returns their ids newest first. */
async function raise(organisation: string, kind: string, count: number): Promise<string[]> {
  const { rows } = await pg.query(
    `INSERT INTO signal (kind, organisation_id, subject_type, subject_id, occurrence_key, message, raised_at)
     SELECT $2, o.id, 'client', gen_random_uuid(), $2 || '-' || g, 'Signaal ' || g, now() - make_interval(mins => $3 - g)
       FROM organisation o, generate_series(1, $3) g WHERE o.name = $1 RETURNING id, raised_at`,
    [organisation, kind, count],
  );
  return rows.sort((a, b) => b.raised_at - a.raised_at).map((r) => r.id);
}

const page = (session: GraphqlSession, kind: string, limit: number, offset: number, openOnly = false) =>
  session.request(SignalPageDocument, { kinds: [kind], openOnly, limit, offset });

const notFound = (result: GraphqlResult<unknown>) => {
  expect(result.errors?.[0]).toMatchObject({ message: SIGNAL_NOT_FOUND, extensions: { code: 'NOT_FOUND' } });
};

describe('signals', () => {
  it('pages in SQL with a total beyond what one page (and the old cap of 500) holds, newest first, own organisation only', async () => {
    const ids = await raise('New Bees', 'TEST_MANY', 520);
    await raise('Sagenn', 'TEST_MANY', 3);
    const first = await newBees.ok(SignalPageDocument, { kinds: ['TEST_MANY'], openOnly: true, limit: 2, offset: 0 });
    expect(first.signalPage.total).toBe(520);
    expect(first.signalPage.items.map((s) => s.id)).toEqual(ids.slice(0, 2));
    const last = (await page(newBees, 'TEST_MANY', 100, 500)).data!.signalPage;
    expect(last.total).toBe(520);
    expect(last.items.map((s) => s.id)).toEqual(ids.slice(500));
    expect((await page(sagenn, 'TEST_MANY', 100, 0)).data!.signalPage.total).toBe(3);
  });

  it('refuses a page size outside 1..500 and a negative offset, field by field', async () => {
    for (const [limit, offset, field] of [[0, 0, 'limit'], [501, 0, 'limit'], [10, -1, 'offset']] as const) {
      const refused = await page(newBees, 'TEST_MANY', limit, offset);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
    }
  });

  it('acknowledges only its own signals: foreign and unknown ids answer the same NOT_FOUND, a malformed one is bad input, and nothing changes', async () => {
    const [foreign] = await raise('Sagenn', 'TEST_ACK', 1);
    const [own] = await raise('New Bees', 'TEST_ACK', 1);
    expectMalformedIdRefused(await newBees.request(AcknowledgeSignalDocument, { input: { signalId: 'geen-id', resolution: 'Gezien' } }));
    for (const signalId of [foreign, randomUUID()]) {
      notFound(await newBees.request(AcknowledgeSignalDocument, { input: { signalId, resolution: 'Gezien' } }));
    }
    const { rows } = await pg.query(`SELECT acknowledged_at, resolution FROM signal WHERE id = $1`, [foreign]);
    expect(rows[0]).toEqual({ acknowledged_at: null, resolution: null });

    const first = await newBees.ok(AcknowledgeSignalDocument, { input: { signalId: own, resolution: '  Gebeld  ' } });
    expect(first.acknowledgeSignal).toMatchObject({ id: own, resolution: 'Gebeld' });
    expect(first.acknowledgeSignal.acknowledgedAt).toBeTruthy();
    const again = await newBees.ok(AcknowledgeSignalDocument, { input: { signalId: own, resolution: null } });
    expect(again.acknowledgeSignal).toEqual(first.acknowledgeSignal);
    expect((await page(newBees, 'TEST_ACK', 10, 0, true)).data!.signalPage).toEqual({ total: 0, items: [] });
  });
});
