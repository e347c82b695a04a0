import { HourPeriodClientsDocument, HourPeriodsDocument, SubmitHourPeriodDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { insertHours, placeClients, weekInPreviousMonth } from '../support/hours-fixtures';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

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

describe('the clients and days behind an hour month', () => {
  it('shows the approving consultant each client with its lesson days, and nobody else', async () => {
    const { weekStart, month } = weekInPreviousMonth();
    const placed = await placeClients(pg, { provider: 'Sagenn', municipality: 'GM0226', route: 'B1', count: 2, groupName: 'Maandcontrole' });
    await pg.query(`DELETE FROM hour_entry WHERE provider_id = (SELECT id FROM organisation WHERE name = 'Sagenn') AND municipality_id = $1`, [placed[0].municipalityId]);
    await insertHours(pg, placed[0], 'LANGUAGE', 3, 180, weekStart);
    await insertHours(pg, placed[1], 'LANGUAGE', 2, 120, weekStart);
    const sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
    const { submitHourPeriod } = await sagenn.ok(SubmitHourPeriodDocument, { input: { municipalityId: placed[0].municipalityId, month } });
    const periodId = submitHourPeriod.id!;

    const duiven = await loginAs(platform.url, 'consulent@duiven.demo.nl');
    const listed = (await duiven.ok(HourPeriodsDocument, { status: 'SUBMITTED' })).hourPeriodPage.items.find((p) => p.id === periodId);
    expect(listed).toMatchObject({ plannedMinutes: 3 * 180 + 2 * 120 });
    const { hourPeriodClients } = await duiven.ok(HourPeriodClientsDocument, { periodId });
    const nameOf = (p: (typeof placed)[number]) => { const [first, ...last] = p.clientName.split(' '); return `${last.join(' ')}, ${first}`; };
    expect(hourPeriodClients.map((c) => [c.clientNumber, c.clientName, c.plannedMinutes, c.days.length]).sort())
      .toEqual([[placed[0].clientNumber, nameOf(placed[0]), 540, 3], [placed[1].clientNumber, nameOf(placed[1]), 240, 2]].sort());
    const first = hourPeriodClients.find((c) => c.clientId === placed[0].clientId)!;
    expect(first.days[0]).toEqual({ date: weekStart, plannedMinutes: 180, attendedMinutes: 180 });
    expect(hourPeriodClients.reduce((sum, c) => sum + c.plannedMinutes, 0)).toBe(listed!.plannedMinutes);

    // Another municipality and another provider get the same answer as for an unknown month.
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect((await zevenaar.request(HourPeriodClientsDocument, { periodId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    expect((await newBees.request(HourPeriodClientsDocument, { periodId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
