import { randomUUID } from 'node:crypto';
import { ClientDetailDocument, ImportBatchDocument, MoveClientDocument, RequestPlacementDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { pastWeekdays, placeClients, uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { lotId, newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let zevenaar: GraphqlSession;
let duiven: GraphqlSession;
let sagenn: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
  duiven = await loginAs(platform.url, 'consulent@duiven.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const organisation = async (name: string): Promise<string> => (await pg.query(`SELECT id FROM organisation WHERE name = $1`, [name])).rows[0].id;
const numberOf = async (session: GraphqlSession, id: string): Promise<number> => (await session.ok(ClientDetailDocument, { id })).client.clientNumber;

describe('client numbers', () => {
  it('never gives a number again after its client moved away', async () => {
    const first = await registerWithPip(zevenaar, 301);
    const firstNumber = await numberOf(zevenaar, first.id);
    await zevenaar.ok(MoveClientDocument, { input: { clientId: first.id, toMunicipalityId: await organisation('Gemeente Duiven'), movedOn: today() } });
    const next = await registerWithPip(zevenaar, 302);
    const nextNumber = await numberOf(zevenaar, next.id);
    expect(nextNumber).toBe(firstNumber + 1);
    // The moved client got a fresh Duiven number, which Duiven will not give again either.
    const movedNumber = await numberOf(duiven, first.id);
    const duivenNext = await registerWithPip(duiven, 303);
    expect(await numberOf(duiven, duivenNext.id)).toBe(movedNumber + 1);
  });

  it('names the municipality in the provider\'s message, so equal numbers of two municipalities never read alike', async () => {
    const client = await registerWithPip(zevenaar, 304);
    const { requestPlacement } = await zevenaar.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Liemerse kavel'), providerId: await providerId(pg, 'Sagenn'), idempotencyKey: newKey() },
    });
    expect(requestPlacement.status).toBe('REQUESTED');
    const number = await numberOf(zevenaar, client.id);
    const { signals } = await sagenn.ok<{ signals: { items: { subjectId: string; message: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["PLACEMENT_REQUESTED"], limit: 200) { items { subjectId message } } }`);
    expect(signals.items.find((s) => s.subjectId === requestPlacement.id)?.message).toBe(`Nieuwe aanmelding van klantnummer ${number} van Gemeente Zevenaar voor de B1-route.`);
  });
});

describe('hours import names the client', () => {
  const day = pastWeekdays(3)[0];
  const dutch = `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
  const csv = (rows: string[][]) => `\ufeffgemeente;klantnummer;achternaam;datum;categorie;gepland;aanwezig;reden\r\n${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;
  const finished = (id: string) => waitFor(`import ${id}`, async () => {
    const { importBatch } = await sagenn.ok(ImportBatchDocument, { id });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  }, 60_000);

  it('refuses a row whose name does not belong to the client number, and accepts the name as the list shows it', async () => {
    const [a, b] = await placeClients(pg, { provider: 'Sagenn', municipality: 'GM0299', route: 'B1', count: 2, groupName: 'Naamcontrole', startDate: pastWeekdays(30)[0] });
    const [aFirst, ...aRest] = a.clientName.split(' ');
    const aLast = aRest.join(' ');
    const bLast = b.clientName.split(' ').slice(1).join(' ');
    const upload = await uploadHours(platform.url, sagenn, 'uren.csv', csv([
      ['GM0299', String(a.clientNumber), `${aLast}, ${aFirst}`, dutch, 'taal', '2', '2', ''],
      ['GM0299', String(a.clientNumber), bLast, dutch, 'KNM', '1', '1', ''],
      ['GM0299', String(b.clientNumber), '', dutch, 'taal', '2', '2', ''],
    ]), 'DRY_RUN', randomUUID());
    expect(await finished(upload.body.id!)).toMatchObject({
      status: 'INVALID',
      errors: [
        { row: 3, column: 'achternaam', message: `Klantnummer ${a.clientNumber} van deze gemeente hoort niet bij "${bLast}"; controleer het klantnummer en de naam.` },
        { row: 4, column: 'achternaam', message: 'Vul de achternaam van de inburgeraar in, zodat vaststaat over wie deze rij gaat.' },
      ],
    });
    const fixed = await uploadHours(platform.url, sagenn, 'uren-goed.csv', csv([
      ['GM0299', String(a.clientNumber), aLast.toUpperCase(), dutch, 'taal', '2', '2', ''],
      ['GM0299', String(b.clientNumber), b.clientName, dutch, 'taal', '2', '2', ''],
    ]), 'DRY_RUN', randomUUID());
    expect(await finished(fixed.body.id!)).toMatchObject({ status: 'VALID', errorCount: 0, totalRows: 2 });
  });
});
