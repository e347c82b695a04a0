// Noordoost-Brabant (Oss): clients wait in the instroomklas until their route starts, with hours of its own that do not
// count towards the route's norms; and ROC De Leijgraaf's combined entree/inburgering track for ages 18–30 (issue #15).
import {
  AcceptPlacementDocument, ClientDetailDocument, ClientProgressDocument, EndPlacementDocument, InstroomklasProvidersDocument, PlaceInInstroomklasDocument,
  ProviderPlacementsDocument, RecordResultDocument, RequestPlacementDocument, SaveHourEntriesDocument, StartPlacementDocument, SwitchRouteDocument,
} from '@inburgering/contracts';
import { addDays, daysBetween, isoWeekday } from '@inburgering/domain';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { clientWithPip, lotId, newKey, providerId, today } from '../support/placement-helpers';
import { RegisterClientDocument } from '@inburgering/contracts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let oss: GraphqlSession;
let leijgraaf: GraphqlSession;
let leijgraafId: string;
const clock = new SettableClock();

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  oss = await loginAs(platform.url, 'consulent@oss.demo.nl');
  leijgraaf = await loginAs(platform.url, 'aanbieder@leijgraaf.demo.nl');
  leijgraafId = await providerId(pg, 'ROC De Leijgraaf');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});
afterEach(() => clock.set(new Date()));

const fields = (result: GraphqlResult<unknown>) => (result.errors?.[0].extensions?.fields as { field: string; code: string; message: string }[] | undefined) ?? [];

/** The last weekday before `date` (lessons are on weekdays). */
function weekdayBefore(date: string, skip = 1): string {
  let day = addDays(date, -skip);
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  return day;
}

async function register(seed: number, options: Parameters<typeof clientWithPip>[1] & { dateOfBirth?: string }): Promise<string> {
  const { dateOfBirth, ...rest } = options;
  const input = { ...clientWithPip(seed, rest), ...(dateOfBirth ? { dateOfBirth } : {}) };
  return (await oss.ok(RegisterClientDocument, { input })).registerClient.id;
}

/** The provider accepts the request on its start moment and, on that day (the clock moves there), starts it. */
async function acceptAndStart(placementId: string): Promise<string> {
  const page = await leijgraaf.ok(ProviderPlacementsDocument, { filter: { statuses: ['REQUESTED'] }, limit: 200 });
  const request = page.providerPlacementPage.items.find((p) => p.id === placementId)!;
  const startDate = request.startMoment!.startsOn;
  const { acceptPlacement } = await leijgraaf.ok(AcceptPlacementDocument, { input: { placementId, version: request.version, startDate, location: 'Oss, Kruisstraat' } });
  clock.setToday(startDate);
  const { startPlacement } = await leijgraaf.ok(StartPlacementDocument, { input: { placementId, version: acceptPlacement.version } });
  expect(startPlacement.status).toBe('STARTED');
  return startDate;
}

describe('Oss: the instroomklas until the route starts', () => {
  it('the consultant places a Z-route client in the instroomklas; its hours stay beside the 800 + 800, and the waiting time shows', async () => {
    const clientId = await register(1501, { route: 'Z', level: 'A2', pipMonthsAgo: 2 });
    const { instroomklasProviders } = await oss.ok(InstroomklasProvidersDocument, { clientId });
    expect(instroomklasProviders.map((p) => p.name)).toContain('ROC De Leijgraaf');

    // Every field error at once, in Dutch, and nothing written.
    const wrong = await oss.request(PlaceInInstroomklasDocument, { input: { clientId, providerId: randomUUID(), startsOn: addDays(today(), 3), idempotencyKey: newKey() } });
    expect(fields(wrong).map((f) => `${f.field}:${f.code}`).sort()).toEqual(['providerId:INSTROOMKLAS_PROVIDER_UNKNOWN', 'startsOn:INSTROOMKLAS_START_IN_FUTURE']);
    expect(fields(wrong).find((f) => f.field === 'startsOn')!.message).toMatch(/^De begindatum in de instroomklas \(.*\) ligt in de toekomst/);
    expect((await pg.query(`SELECT 1 FROM placement WHERE client_id = $1`, [clientId])).rowCount).toBe(0);

    const startsOn = weekdayBefore(today(), 21);
    const input = { clientId, providerId: leijgraafId, startsOn, location: 'Oss, Kruisstraat', idempotencyKey: newKey() };
    const { placeInInstroomklas: klas } = await oss.ok(PlaceInInstroomklasDocument, { input });
    expect(klas).toMatchObject({ kind: 'INSTROOMKLAS', status: 'STARTED', route: 'Z', lot: null, agreement: null, startDate: startsOn, provider: { name: 'ROC De Leijgraaf' } });
    // A double click places once; a second instroomklas is refused.
    expect((await oss.ok(PlaceInInstroomklasDocument, { input })).placeInInstroomklas.id).toBe(klas.id);
    const again = await oss.request(PlaceInInstroomklasDocument, { input: { ...input, idempotencyKey: newKey() } });
    expect(fields(again).map((f) => f.code)).toEqual(['INSTROOMKLAS_ALREADY_RUNNING']);
    const logged = await pg.query(`SELECT 1 FROM processing_log WHERE action = 'CREATE' AND subject_type = 'placement' AND $1 = ANY(subject_ids)`, [klas.id]);
    expect(logged.rowCount).toBe(1);
    // In the caseload the client is still without a route placement: the instroomklas is the wait, not the route.
    expect((await oss.ok(ClientDetailDocument, { id: clientId })).client.placementStatus).toBe('NONE');

    // The provider sees it as an instroomklas and registers its Dutch lessons; participation is not instroomklas work.
    const own = await leijgraaf.ok(ProviderPlacementsDocument, { filter: { statuses: ['STARTED'] }, limit: 200 });
    expect(own.providerPlacementPage.items.find((p) => p.id === klas.id)).toMatchObject({ kind: 'INSTROOMKLAS', groupName: 'Instroomklas' });
    const day1 = weekdayBefore(today(), 14);
    const day2 = weekdayBefore(day1);
    const refused = await leijgraaf.request(SaveHourEntriesDocument, { input: { cells: [{ placementId: klas.id, date: day1, plannedMinutes: 120, attendedMinutes: 120, category: 'PARTICIPATION' }] } });
    expect(fields(refused).map((f) => `${f.field}:${f.code}`)).toEqual(['cells.0.category:INSTROOMKLAS_HOUR_CATEGORY']);
    await leijgraaf.ok(SaveHourEntriesDocument, { input: { cells: [
      { placementId: klas.id, date: day1, plannedMinutes: 180, attendedMinutes: 180, category: 'LANGUAGE' },
      { placementId: klas.id, date: day2, plannedMinutes: 180, attendedMinutes: 180, category: 'LANGUAGE' },
    ] } });

    // Meanwhile the consultant requests the Z-route; the provider accepts and starts it on its start moment.
    const { requestPlacement } = await oss.ok(RequestPlacementDocument, {
      input: { clientId, lotId: await lotId(pg, 'Z-route Noordoost-Brabant'), providerId: leijgraafId, idempotencyKey: newKey() },
    });
    expect(requestPlacement.status).toBe('REQUESTED');
    const routeStart = await acceptAndStart(requestPlacement.id);
    await leijgraaf.ok(SaveHourEntriesDocument, { input: { cells: [{ placementId: requestPlacement.id, date: routeStart, plannedMinutes: 180, attendedMinutes: 180, category: 'LANGUAGE' }] } });

    // "Route gestart" is only for an instroomklas; the consultant ends the instroomklas with it on the day the route started.
    const routeEnd = await oss.request(EndPlacementDocument, { input: { placementId: requestPlacement.id, version: 99, endReason: 'ROUTE_STARTED', endedOn: routeStart } });
    expect(routeEnd.errors?.[0].extensions?.code).toBe('CONFLICT');
    const klasNow = (await oss.ok(ClientDetailDocument, { id: clientId })).client.placements.find((p) => p.id === klas.id)!;
    const badReason = await oss.request(EndPlacementDocument, { input: { placementId: klas.id, version: klasNow.version, endReason: 'COMPLETED', endedOn: routeStart } });
    expect(fields(badReason).map((f) => `${f.field}:${f.code}`)).toEqual(['endReason:INSTROOMKLAS_END_REASON']);
    const { endPlacement } = await oss.ok(EndPlacementDocument, { input: { placementId: klas.id, version: klasNow.version, endReason: 'ROUTE_STARTED', endedOn: routeStart } });
    expect(endPlacement).toMatchObject({ status: 'ENDED', endReason: 'ROUTE_STARTED', endedOn: routeStart });
    expect((await oss.ok(ClientDetailDocument, { id: clientId })).client.placementStatus).toBe('STARTED');

    // The progress: the Z-route's 800 course hours count the route's 3 hours only; the instroomklas's 6 hours stand apart.
    const { clientProgress } = await oss.ok(ClientProgressDocument, { clientId });
    const course = clientProgress.norms.find((n) => n.code === 'Z_COURSE')!;
    expect(course).toMatchObject({ requiredMinutes: 800 * 60, achievedMinutes: 180 });
    expect(clientProgress.norms.find((n) => n.code === 'Z_PARTICIPATION')).toMatchObject({ requiredMinutes: 800 * 60 });
    expect(clientProgress).toMatchObject({ instroomklasAttendedMinutes: 360, instroomklasPlannedMinutes: 360, languageMinutes: 180 });
    const pip = (await pg.query(`SELECT to_char(pip_signed_on, 'YYYY-MM-DD') AS pip FROM client WHERE id = $1`, [clientId])).rows[0].pip as string;
    expect(clientProgress.waiting).toMatchObject({
      routeStarted: true, routeStartedOn: routeStart, daysFromPip: daysBetween(pip, routeStart), instroomklasDays: daysBetween(startsOn, routeStart),
    });
    expect(clientProgress.placements.map((p) => p.kind).sort()).toEqual(['INSTROOMKLAS', 'REGULAR']);
    // The provider sees the hours, but not the municipality's waiting time (it starts at the PIP).
    const seen = await leijgraaf.ok(ClientProgressDocument, { clientId });
    expect(seen.clientProgress).toMatchObject({ instroomklasAttendedMinutes: 360, waiting: null });
  });

  it('a foreign consultant or provider cannot place or see an instroomklas; a client without PIP waits for one first', async () => {
    const clientId = await register(1502, { route: 'B1', level: 'B1' });
    const arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const foreign = await arnhem.request(PlaceInInstroomklasDocument, { input: { clientId, providerId: leijgraafId, startsOn: today(), idempotencyKey: newKey() } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { placeInInstroomklas } = await oss.ok(PlaceInInstroomklasDocument, { input: { clientId, providerId: leijgraafId, startsOn: today(), idempotencyKey: newKey() } });
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const page = await newBees.ok(ProviderPlacementsDocument, { filter: { statuses: ['STARTED'] }, limit: 200 });
    expect(page.providerPlacementPage.items.some((p) => p.id === placeInInstroomklas.id)).toBe(false);

    // A route switch ends route placements, not the instroomklas: the client now waits in it for the new route.
    await oss.ok(SwitchRouteDocument, { input: { clientId, toRoute: 'Z', toLevel: 'A2', reason: 'B1 bleek te hoog gegrepen na de intake.' } });
    const after = (await oss.ok(ClientDetailDocument, { id: clientId })).client.placements.find((p) => p.id === placeInInstroomklas.id)!;
    expect(after).toMatchObject({ status: 'STARTED', route: 'Z', kind: 'INSTROOMKLAS' });

    const withoutPip = (await oss.ok(RegisterClientDocument, { input: { ...clientWithPip(1503), pipSignedOn: null, route: null, level: null, pipMinutesPerWeek: null, pipLessonPattern: null } })).registerClient.id;
    const refused = await oss.request(PlaceInInstroomklasDocument, { input: { clientId: withoutPip, providerId: leijgraafId, startsOn: today(), idempotencyKey: newKey() } });
    expect(fields(refused).map((f) => `${f.field}:${f.code}`)).toEqual(['clientId:PLACEMENT_PIP_REQUIRED']);
  });

  it('the demo has Oss clients in the instroomklas with hours, and one who went from the instroomklas to the Z-route', async () => {
    const rows = (await pg.query(
      `SELECT p.status, p.end_reason, (SELECT count(*)::int FROM hour_entry h WHERE h.placement_id = p.id) AS hours
         FROM placement p JOIN organisation m ON m.id = p.municipality_id WHERE m.cbs_code = 'GM0828' AND p.kind = 'INSTROOMKLAS' AND p.idempotency_key LIKE 'demo-%'`,
    )).rows as { status: string; end_reason: string | null; hours: number }[];
    expect(rows.filter((r) => r.status === 'STARTED').length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.status === 'ENDED' && r.end_reason === 'ROUTE_STARTED')).toBe(true);
    expect(rows.every((r) => r.hours > 0)).toBe(true);
  });
});

describe('Oss: the combined entree/inburgering track for ages 18–30 (ROC De Leijgraaf)', () => {
  it('refuses a client outside 18–30 with a clear Dutch message', async () => {
    const clientId = await register(1511, { route: 'ONDERWIJS', level: 'B1', dateOfBirth: addDays(today(), -(40 * 365)) });
    const refused = await oss.request(RequestPlacementDocument, {
      input: { clientId, lotId: await lotId(pg, 'Onderwijsroute Noordoost-Brabant (entree/inburgering 18-30)'), providerId: leijgraafId, idempotencyKey: newKey() },
    });
    const [age] = fields(refused);
    expect(age).toMatchObject({ field: 'lotId', code: 'PLACEMENT_AGE_OUTSIDE_LOT' });
    expect(age.message).toMatch(/^Dit perceel is voor inburgeraars van 18 tot en met 30 jaar; deze inburgeraar is 3\d jaar\./);
  });

  it('places a 24-year-old on the track; the provider accepts, starts, registers hours and a result', async () => {
    const clientId = await register(1512, { route: 'ONDERWIJS', level: 'B1', dateOfBirth: addDays(today(), -(24 * 365 + 100)) });
    const { requestPlacement } = await oss.ok(RequestPlacementDocument, {
      input: { clientId, lotId: await lotId(pg, 'Onderwijsroute Noordoost-Brabant (entree/inburgering 18-30)'), providerId: leijgraafId, idempotencyKey: newKey() },
    });
    expect(requestPlacement).toMatchObject({ status: 'REQUESTED', route: 'ONDERWIJS', kind: 'REGULAR', lot: { name: 'Onderwijsroute Noordoost-Brabant (entree/inburgering 18-30)' } });
    const start = await acceptAndStart(requestPlacement.id);
    await leijgraaf.ok(SaveHourEntriesDocument, { input: { cells: [
      { placementId: requestPlacement.id, date: start, plannedMinutes: 240, attendedMinutes: 240, category: 'LANGUAGE' },
      { placementId: requestPlacement.id, date: start, plannedMinutes: 120, attendedMinutes: 120, category: 'OTHER_SUBJECTS' },
    ] } });
    const { recordResult } = await leijgraaf.ok(RecordResultDocument, {
      input: { clientId, placementId: requestPlacement.id, kind: 'EXAM', examPart: 'LEZEN', level: 'B1', passed: true, attempt: 1, resultDate: start, idempotencyKey: newKey() },
    });
    expect(recordResult).toMatchObject({ kind: 'EXAM', passed: true });
    const { clientProgress } = await oss.ok(ClientProgressDocument, { clientId });
    expect(clientProgress).toMatchObject({ route: 'ONDERWIJS', attendedMinutes: 360, instroomklasAttendedMinutes: 0 });
    expect(clientProgress.results.map((r) => r.kind)).toEqual(['EXAM']);
  });
});
