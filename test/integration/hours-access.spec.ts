import { randomUUID } from 'node:crypto';
import {
  ApplyImportDocument, ApproveHourPeriodDocument, CorrectHourEntryDocument, HourEntryHistoryDocument, HourWeekDocument, ImportBatchDocument,
} from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, insertHours, pastWeekdays, placeClients, uploadHours, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { expectMalformedIdRefused } from '../support/malformed-id';

// Hours by id go through the access module: a foreign id and an unknown id answer exactly the same; odd dates are refused in Dutch.

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
let placement: FixturePlacement;
let entryId: string;
let batchId: string;
let periodId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [placement] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Toegang' });
  const [day] = pastWeekdays(30);
  await insertHours(pg, placement, 'LANGUAGE', 1, 60, day);
  entryId = (await pg.query(`SELECT id FROM hour_entry WHERE placement_id = $1 LIMIT 1`, [placement.placementId])).rows[0].id;
  periodId = (await pg.query(
    `INSERT INTO hour_period (provider_id, municipality_id, month, status) SELECT provider_id, municipality_id, date_trunc('month', $2::date)::date, 'SUBMITTED'
       FROM placement WHERE id = $1 RETURNING id`,
    [placement.placementId, day],
  )).rows[0].id;
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  const upload = await uploadHours(platform.url, newBees, 'uren.csv', hoursCsv([]), 'DRY_RUN', randomUUID());
  batchId = upload.body.id!;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const answer = (result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) =>
  ({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message });

describe('hours by id', () => {
  it('answers a foreign and an unknown import batch the same, and refuses a malformed id as bad input', async () => {
    const foreign = answer(await sagenn.request(ImportBatchDocument, { id: batchId }));
    expect(foreign).toEqual({ code: 'NOT_FOUND', message: 'Deze import bestaat niet of is niet bij uw organisatie bekend.' });
    expect(answer(await sagenn.request(ImportBatchDocument, { id: randomUUID() }))).toEqual(foreign);
    expectMalformedIdRefused(await sagenn.request(ImportBatchDocument, { id: 'geen-id' }));
    expect(answer(await sagenn.request(ApplyImportDocument, { input: { batchId, idempotencyKey: randomUUID() } }))).toEqual(foreign);
    expect((await newBees.ok(ImportBatchDocument, { id: batchId })).importBatch.id).toBe(batchId);
  });

  it('answers a foreign and an unknown hour entry, placement and period the same', async () => {
    const correction = { plannedMinutes: 60, attendedMinutes: 30, absenceReason: 'SICK' as const, reason: 'Typefout' };
    const foreignEntry = answer(await sagenn.request(CorrectHourEntryDocument, { input: { entryId, ...correction } }));
    expect(foreignEntry.code).toBe('NOT_FOUND');
    expect(answer(await sagenn.request(CorrectHourEntryDocument, { input: { entryId: randomUUID(), ...correction } }))).toEqual(foreignEntry);

    const day = (await pg.query(`SELECT to_char(lesson_date, 'YYYY-MM-DD') AS d FROM hour_entry WHERE id = $1`, [entryId])).rows[0].d as string;
    const foreignHistory = answer(await sagenn.request(HourEntryHistoryDocument, { placementId: placement.placementId, date: day, category: 'LANGUAGE' }));
    expect(foreignHistory.code).toBe('NOT_FOUND');
    expect(answer(await sagenn.request(HourEntryHistoryDocument, { placementId: randomUUID(), date: day, category: 'LANGUAGE' }))).toEqual(foreignHistory);
    expect((await newBees.ok(HourEntryHistoryDocument, { placementId: placement.placementId, date: day, category: 'LANGUAGE' })).hourEntryHistory).toHaveLength(1);

    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const foreignPeriod = answer(await zevenaar.request(ApproveHourPeriodDocument, { periodId }));
    expect(foreignPeriod).toEqual({ code: 'NOT_FOUND', message: 'Deze urenmaand bestaat niet of is niet bij uw organisatie bekend.' });
    expect(answer(await zevenaar.request(ApproveHourPeriodDocument, { periodId: randomUUID() }))).toEqual(foreignPeriod);
  });

  it('refuses a week in year 1 with a Dutch field error instead of failing in date arithmetic', async () => {
    const result = await newBees.request(HourWeekDocument, { weekStart: '0001-01-01', groupName: null });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'weekStart', message: 'Kies een datum tussen 01-01-2000 en 31-12-2100.' }),
    ]);
  });
});
