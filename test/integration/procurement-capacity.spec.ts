import { CapacityOverviewDocument, DeclareStartMomentDocument, StartMomentsDocument, UpdateStartMomentDocument, type DeclareStartMomentInput } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { contractIdOf, count, lotIdByName } from '../support/procurement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const inWeeks = (weeks: number) => new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
// The demo contracts end on 31-12-2026: start within the contract, from today on.
const startDate = () => [inWeeks(2), '2026-12-28'].sort()[0];
const moment = (contractId: string, change: Partial<DeclareStartMomentInput> = {}): DeclareStartMomentInput => ({
  contractId, location: 'Arnhem, Velperweg', startsOn: startDate(), seats: 12, lessonDays: [2, 4], minutesPerWeek: 720, daypart: 'EVENING', ...change,
});
const offerJobs = (lotId: string) => count(pg, `SELECT count(*) FROM outbox_message WHERE job_name = 'placements.offer-waiting' AND payload->>'lotId' = $1`, [lotId]);

describe('declaring capacity', () => {
  it('lets a provider declare a start moment on its own active contract, and offers the new seats to waiting clients', async () => {
    const contractId = await contractIdOf(pg, 'Z-route Midden-Gelderland', 'New Bees');
    const lotId = await lotIdByName(pg, 'Z-route Midden-Gelderland');
    const jobsBefore = await offerJobs(lotId);
    const { declareStartMoment } = await newBees.ok(DeclareStartMomentDocument, { input: moment(contractId) });
    expect(declareStartMoment).toMatchObject({ seats: 12, taken: 0, free: 12, daypart: 'EVENING', daypartLabel: "'s Avonds", lessonDays: [2, 4], providerName: 'New Bees' });
    expect(await offerJobs(lotId)).toBe(jobsBefore + 1);
    const { updateStartMoment } = await newBees.ok(UpdateStartMomentDocument, { input: { startMomentId: declareStartMoment.id, seats: 16 } });
    expect(updateStartMoment.seats).toBe(16);
    expect(await offerJobs(lotId)).toBe(jobsBefore + 2);
    await newBees.ok(UpdateStartMomentDocument, { input: { startMomentId: declareStartMoment.id, location: 'Arnhem, Jansbuitensingel' } });
    expect(await offerJobs(lotId)).toBe(jobsBefore + 2);
  });

  it("refuses capacity on another provider's contract as if it did not exist, and changes nothing", async () => {
    const sagennContract = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    const before = await count(pg, `SELECT count(*) FROM start_moment`);
    const outbox = await count(pg, `SELECT count(*) FROM outbox_message`);
    const result = await newBees.request(DeclareStartMomentDocument, { input: moment(sagennContract) });
    expect(result.data).toBeNull();
    // Saying "not your contract" would confirm it exists: foreign ids answer like unknown ones.
    expect(result.errors?.[0]).toMatchObject({
      message: 'Dit contract bestaat niet of is niet bij uw organisatie bekend.', extensions: { code: 'NOT_FOUND' },
    });
    expect(await count(pg, `SELECT count(*) FROM start_moment`)).toBe(before);
    expect(await count(pg, `SELECT count(*) FROM outbox_message`)).toBe(outbox);
  });

  it('refuses fewer seats than are taken, a date outside the contract and a contract that is not running', async () => {
    const [busy] = (await pg.query(
      `SELECT sm.id, count(*)::int AS taken FROM start_moment sm JOIN contract c ON c.id = sm.contract_id JOIN organisation p ON p.id = c.provider_id
         JOIN placement pl ON pl.start_moment_id = sm.id AND pl.status IN ('ACCEPTED', 'STARTED') WHERE p.name = 'New Bees' GROUP BY sm.id ORDER BY taken DESC LIMIT 1`,
    )).rows;
    if (busy) {
      const result = await newBees.request(UpdateStartMomentDocument, { input: { startMomentId: busy.id, seats: busy.taken - 1 } });
      expect(result.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'seats', message: `Er zijn al ${busy.taken} plaatsen bezet; het aantal plaatsen kan niet lager worden dan ${busy.taken}.` });
    }
    const contractId = await contractIdOf(pg, 'Z-route Midden-Gelderland', 'New Bees');
    const outside = await newBees.request(DeclareStartMomentDocument, { input: moment(contractId, { startsOn: '2030-01-07' }) });
    expect(outside.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'startsOn', code: 'START_MOMENT_OUTSIDE_CONTRACT' });
    await pg.query(`UPDATE contract SET status = 'ENDED' WHERE id = $1`, [contractId]);
    const ended = await newBees.request(DeclareStartMomentDocument, { input: moment(contractId) });
    expect(ended.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'contractId', code: 'CAPACITY_CONTRACT_NOT_RUNNING' });
    await pg.query(`UPDATE contract SET status = 'ACTIVE' WHERE id = $1`, [contractId]);
  });

  it('is refused to a projectleider and a consultant (only providers declare capacity)', async () => {
    const contractId = await contractIdOf(pg, 'Z-route Midden-Gelderland', 'New Bees');
    for (const email of ['projectleider@midden-gelderland.demo.nl', 'consulent@arnhem.demo.nl']) {
      const session = await loginAs(platform.url, email);
      expect((await session.request(DeclareStartMomentDocument, { input: moment(contractId) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the capacity overview', () => {
  it('shows the projectleider seats, taken, free and waiting per lot and start moment, matching the placements', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const { capacityOverview } = await projectleider.ok(CapacityOverviewDocument, {});
    const lotNames = capacityOverview.lots.map((lot) => lot.lotName);
    expect(lotNames).toEqual(expect.arrayContaining(['B1-route Liemerse kavel', 'B1-route Midden-Gelderland', 'Onderwijsroute Midden-Gelderland', 'Participatieverklaringstraject (PVT)', 'Z-route Midden-Gelderland']));
    for (const row of capacityOverview.startMoments) {
      const { rows: [db] } = await pg.query(
        `SELECT sm.seats, count(pl.id) FILTER (WHERE pl.status IN ('ACCEPTED', 'STARTED'))::int AS taken FROM start_moment sm
           LEFT JOIN placement pl ON pl.start_moment_id = sm.id WHERE sm.id = $1 GROUP BY sm.id`,
        [row.id],
      );
      expect([row.seats, row.taken, row.free]).toEqual([db.seats, db.taken, Math.max(0, db.seats - db.taken)]);
      expect(row.startsOn >= new Date().toISOString().slice(0, 10) || row.startsOn >= inWeeks(-1)).toBe(true);
    }
    for (const lot of capacityOverview.lots) {
      const waiting = await count(pg, `SELECT count(*) FROM placement WHERE lot_id = $1 AND status = 'WAITING'`, [lot.lotId]);
      expect(lot.waiting).toBe(waiting);
      expect(lot.shortage).toBe(Math.max(0, waiting - lot.free));
    }
    const b1 = capacityOverview.subjects.find((s) => s.subject === 'B1')!;
    const b1Lots = capacityOverview.lots.filter((lot) => lot.subject === 'B1');
    expect(b1.seats).toBe(b1Lots.reduce((sum, lot) => sum + lot.seats, 0));
    expect(b1.subjectLabel).toBe('B1-route');
  });

  it('shows a waiting list the day it starts, per municipality', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const lotId = await lotIdByName(pg, 'B1-route Liemerse kavel');
    const before = (await projectleider.ok(CapacityOverviewDocument, { filter: { lotId, upcomingOnly: true } })).capacityOverview;
    const [client] = (await pg.query(
      `SELECT c.id, c.municipality_id FROM client c JOIN organisation m ON m.id = c.municipality_id
        WHERE m.cbs_code = 'GM0226' AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id) LIMIT 1`,
    )).rows;
    const contractId = await contractIdOf(pg, 'B1-route Liemerse kavel', 'Sagenn');
    await pg.query(
      `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, idempotency_key)
       SELECT $1::uuid, $2::uuid, $3::uuid, c.id, c.provider_id, 'B1', 'WAITING', now(), 'test:' || $1::text FROM contract c WHERE c.id = $4`,
      [client.id, client.municipality_id, lotId, contractId],
    );
    const after = (await projectleider.ok(CapacityOverviewDocument, { filter: { lotId, upcomingOnly: true } })).capacityOverview;
    expect(after.lots[0].waiting).toBe(before.lots[0].waiting + 1);
    expect(after.lots[0].waitingSince).toBeTruthy();
    const duiven = after.waitingByMunicipality.find((row) => row.municipalityName === 'Gemeente Duiven');
    expect(duiven?.waiting).toBe((before.waitingByMunicipality.find((row) => row.municipalityName === 'Gemeente Duiven')?.waiting ?? 0) + 1);
  });

  it('shows a consultant only the lots that cover its municipality, and only its own waiting clients', async () => {
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const { capacityOverview } = await zevenaar.ok(CapacityOverviewDocument, {});
    expect(capacityOverview.lots.map((lot) => lot.lotName).sort()).toEqual([
      'B1-route Liemerse kavel', 'Onderwijsroute Midden-Gelderland', 'Participatieverklaringstraject (PVT)', 'Z-route Midden-Gelderland',
    ]);
    expect(capacityOverview.waitingByMunicipality.every((row) => row.municipalityName === 'Gemeente Zevenaar')).toBe(true);
    const arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const arnhemLots = (await arnhem.ok(CapacityOverviewDocument, {})).capacityOverview.lots.map((lot) => lot.lotName);
    expect(arnhemLots).toContain('B1-route Midden-Gelderland');
    expect(arnhemLots).not.toContain('B1-route Liemerse kavel');
  });

  it('shows a projectleider of another region nothing of this one, and a provider only its own start moments', async () => {
    const brabant = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    const { capacityOverview } = await brabant.ok(CapacityOverviewDocument, {});
    expect(capacityOverview.lots.some((lot) => /Midden-Gelderland|Liemers|PVT/.test(lot.lotName))).toBe(false);
    expect(capacityOverview.startMoments.some((row) => row.providerName === 'New Bees' || row.providerName === 'Sagenn')).toBe(false);
    const { startMoments } = await newBees.ok(StartMomentsDocument, {});
    expect(new Set(startMoments.map((row) => row.providerName))).toEqual(new Set(['New Bees']));
    const own = (await newBees.ok(CapacityOverviewDocument, {})).capacityOverview;
    expect(new Set(own.startMoments.map((row) => row.providerName))).toEqual(new Set(['New Bees']));
  });
});
