// The demo data (npm start on an empty database) shows DUO traffic for Arnhem: messages in every status, the refused
// ones with DUO's reason in the municipality-wide list, and processed notifications with their signals.
import { DuoMessagesDocument, RefusedDuoMessagesDocument } from '@inburgering/contracts';
import { DUO_MESSAGE_STATUSES } from '@inburgering/domain';
import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
}, 60_000);

afterAll(async () => {
  await pg?.end();
  await platform?.close();
});

async function signals(session: GraphqlSession, kind: string): Promise<{ message: string; subjectId: string }[]> {
  const { page } = await session.ok<{ page: { items: { message: string; subjectId: string }[] } }, unknown>(`{ page: signalPage(kinds: ["${kind}"], limit: 100) { items { message subjectId } } }`);
  return page.items;
}

describe('demo data: DUO traffic of Arnhem', () => {
  it('shows messages in every status on the clients\' DUO sections, the link itself still off', async () => {
    const { rows } = await pg.query<{ client_id: string }>(`SELECT DISTINCT client_id FROM duo_message`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const statuses = new Set<string>();
    for (const { client_id: clientId } of rows) {
      const { duoMessages } = await arnhem.ok(DuoMessagesDocument, { clientId });
      for (const m of duoMessages) statuses.add(m.status);
    }
    expect([...statuses].sort()).toEqual([...DUO_MESSAGE_STATUSES].sort());
    expect((await pg.query(`SELECT 1 FROM duo_link WHERE enabled`)).rowCount).toBe(0);
  });

  it('lists the refused messages with DUO\'s reason on /duo/geweigerd, each with a signal to the consultant', async () => {
    const { refusedDuoMessagePage: { items: refusedDuoMessages } } = await arnhem.ok(RefusedDuoMessagesDocument, {});
    expect(refusedDuoMessages.map((m) => [m.kind, m.errors]).sort()).toEqual([
      ['MAP', ['Verwijtbaar mag niet geleverd worden als de datum voor de einddatum van de inburgeringstermijn ligt']],
      ['PIP_CHANGE', ['De datum dagtekening ligt voor de datum dagtekening van de actuele PIP']],
    ]);
    const refusedSignals = await signals(arnhem, 'DUO_MESSAGE_REFUSED');
    expect(refusedSignals.map((s) => s.subjectId).sort()).toEqual(refusedDuoMessages.map((m) => m.clientId).sort());
    expect(refusedSignals.every((s) => s.message.startsWith('DUO heeft het bericht'))).toBe(true);
  });

  it('has processed notifications whose signals reach the right clients', async () => {
    const { rows } = await pg.query<{ client_id: string; event_id: string }>(`SELECT client_id, event_id FROM duo_notification WHERE status = 'PROCESSED' ORDER BY event_id`);
    expect(rows.map((r) => r.event_id)).toEqual(['SS102', 'SS103', 'SS199']);
    const events = await signals(arnhem, 'DUO_EVENT');
    expect(events.map((s) => s.subjectId).sort()).toEqual(rows.filter((r) => r.event_id !== 'SS102').map((r) => r.client_id).sort());
    // Zevenaar's consultant sees none of it.
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect(await signals(zevenaar, 'DUO_EVENT')).toEqual([]);
    expect((await zevenaar.ok(RefusedDuoMessagesDocument, {})).refusedDuoMessagePage).toEqual({ total: 0, items: [] });
  });
});
