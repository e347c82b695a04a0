// Zuid-Limburg/Parkstad: the WSP Parkstad offers MAP parts cafeteria-style; a Kerkrade consultant records the parts a
// client picks, the WSP marks them completed, and the platform follows them towards the MAP (issue #15).
import {
  ChooseMapPartsDocument, ClientDetailDocument, ClientMapPartsDocument, CompleteMapPartChoiceDocument, MapPartParticipantsDocument, MapPartsDocument,
  SaveMapPartDocument,
} from '@inburgering/contracts';
import { addDays } from '@inburgering/domain';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let kerkrade: GraphqlSession;
let wsp: GraphqlSession;
let taalcentrum: GraphqlSession;
let projectleider: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [kerkrade, wsp, taalcentrum, projectleider] = await Promise.all(
    ['consulent@kerkrade.demo.nl', 'aanbieder@wspparkstad.demo.nl', 'aanbieder@parkstadtaal.demo.nl', 'projectleider@zuid-limburg.demo.nl'].map((email) => loginAs(platform.url, email)),
  );
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const fields = (result: GraphqlResult<unknown>) => (result.errors?.[0].extensions?.fields as { field: string; code: string }[] | undefined) ?? [];
const code = (result: GraphqlResult<unknown>) => result.errors?.[0].extensions?.code;

async function partIds(session: GraphqlSession, names: string[]): Promise<string[]> {
  const { mapParts } = await session.ok(MapPartsDocument, {});
  return names.map((name) => mapParts.find((p) => p.name === name)!.id);
}

describe('MAP parts cafeteria (Kerkrade with the WSP Parkstad)', () => {
  it('shows the WSP Parkstad catalogue to the region, its municipalities and the WSP, and nothing of it to another region', async () => {
    const names = (await kerkrade.ok(MapPartsDocument, {})).mapParts.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Oriëntatie op werk', 'Sollicitatietraining', 'Werkervaringsplek', 'Vrijwilligerswerk']));
    expect((await projectleider.ok(MapPartsDocument, {})).mapParts.map((p) => p.name).sort()).toEqual([...names].sort());
    const own = (await wsp.ok(MapPartsDocument, {})).mapParts;
    expect(own.every((p) => p.providerName === 'WSP Parkstad')).toBe(true);
    const arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    expect((await arnhem.ok(MapPartsDocument, {})).mapParts).toEqual([]);
    const [foreignPart] = await partIds(kerkrade, ['Sollicitatietraining']);
    const client = await registerWithPip(arnhem, 951);
    const refused = await arnhem.request(ChooseMapPartsDocument, { input: { clientId: client.id, mapPartIds: [foreignPart], idempotencyKey: newKey() } });
    expect(code(refused)).toBe('NOT_FOUND');
  });

  it('records the parts a client picks once, the WSP marks them completed, and the consultant sees the MAP fill up', async () => {
    const client = await registerWithPip(kerkrade, 952, { route: 'Z', level: 'A2' });
    const before = (await kerkrade.ok(ClientMapPartsDocument, { clientId: client.id })).clientMapParts;
    expect(before).toMatchObject({ mapApplies: true, choices: [], progress: { partsChosen: 0, complete: false } });
    expect(before.mapDueOn).not.toBeNull();

    const empty = await kerkrade.request(ChooseMapPartsDocument, { input: { clientId: client.id, mapPartIds: [], idempotencyKey: newKey() } });
    expect(fields(empty).map((f) => `${f.field}:${f.code}`)).toEqual(['mapPartIds:MAP_PART_CHOICE_EMPTY']);

    const chosen = await partIds(kerkrade, ['Oriëntatie op werk', 'Sollicitatietraining', 'Werkervaringsplek']);
    const input = { clientId: client.id, mapPartIds: chosen, idempotencyKey: newKey() };
    const { chooseMapParts } = await kerkrade.ok(ChooseMapPartsDocument, { input });
    expect(chooseMapParts.progress).toMatchObject({ partsChosen: 3, partsCompleted: 0, minutesChosen: (16 + 12 + 80) * 60, minutesCompleted: 0, complete: false });
    // Sent twice (a double click): recorded once. The same part again with a new submission: refused on its field.
    expect((await kerkrade.ok(ChooseMapPartsDocument, { input })).chooseMapParts.choices).toHaveLength(3);
    const twice = await kerkrade.request(ChooseMapPartsDocument, { input: { ...input, mapPartIds: [chosen[0]], idempotencyKey: newKey() } });
    expect(fields(twice).map((f) => `${f.field}:${f.code}`)).toEqual(['mapPartIds:MAP_PART_ALREADY_CHOSEN']);
    expect(Number((await pg.query(`SELECT count(*) FROM map_part_choice WHERE client_id = $1`, [client.id])).rows[0].count)).toBe(3);
    expect((await pg.query(`SELECT 1 FROM processing_log WHERE action = 'UPDATE' AND $1 = ANY(subject_ids)`, [client.id])).rowCount).toBeGreaterThan(0);

    // The WSP sees the client by number and name, never the BSN, and cannot open the client record itself.
    const { mapPartParticipants } = await wsp.ok(MapPartParticipantsDocument, { status: 'CHOSEN', limit: 200, offset: 0 });
    const rows = mapPartParticipants.items.filter((p) => chooseMapParts.choices.some((c) => c.id === p.id));
    expect(rows.every((r) => r.clientName === 'Plaatsing Test 952')).toBe(true);
    expect(rows.map((r) => r.partName).sort()).toEqual(['Oriëntatie op werk', 'Sollicitatietraining', 'Werkervaringsplek']);
    expect(rows.every((r) => r.municipalityName === 'Gemeente Kerkrade')).toBe(true);
    expect(JSON.stringify(mapPartParticipants)).not.toContain(client.bsn);
    expect(JSON.stringify(mapPartParticipants)).not.toContain('Vertrouwelijk');
    expect(code(await wsp.request(ClientDetailDocument, { id: client.id }))).toBe('FORBIDDEN');
    // Another provider of the region sees none of it and cannot mark it.
    const [first] = rows;
    expect((await taalcentrum.ok(MapPartParticipantsDocument, {})).mapPartParticipants.total).toBe(0);
    expect(code(await taalcentrum.request(CompleteMapPartChoiceDocument, { input: { choiceId: first.id, completedOn: today() } }))).toBe('NOT_FOUND');

    // Completion: not in the future; then done, and marking it again on the same day changes nothing.
    const orientation = rows.find((r) => r.partName === 'Oriëntatie op werk')!;
    const future = await wsp.request(CompleteMapPartChoiceDocument, { input: { choiceId: orientation.id, completedOn: addDays(today(), 1) } });
    expect(fields(future).map((f) => `${f.field}:${f.code}`)).toEqual(['completedOn:MAP_PART_COMPLETED_IN_FUTURE']);
    const done = (await wsp.ok(CompleteMapPartChoiceDocument, { input: { choiceId: orientation.id, completedOn: today() } })).completeMapPartChoice;
    expect(done).toMatchObject({ status: 'COMPLETED', completedOn: today() });
    expect((await wsp.ok(CompleteMapPartChoiceDocument, { input: { choiceId: orientation.id, completedOn: today() } })).completeMapPartChoice.status).toBe('COMPLETED');

    const halfway = (await kerkrade.ok(ClientMapPartsDocument, { clientId: client.id })).clientMapParts;
    expect(halfway.progress).toMatchObject({ partsChosen: 3, partsCompleted: 1, minutesCompleted: 16 * 60, practicalActivityDone: false, complete: false });
    expect(halfway.progress.themesMissing).toContain('WERK_VINDEN');

    for (const row of rows.filter((r) => r !== orientation)) await wsp.ok(CompleteMapPartChoiceDocument, { input: { choiceId: row.id, completedOn: today() } });
    const complete = (await kerkrade.ok(ClientMapPartsDocument, { clientId: client.id })).clientMapParts;
    expect(complete.progress).toMatchObject({ partsCompleted: 3, practicalActivityDone: true, complete: true, completedOn: today(), missing: [] });
    expect(complete.mapDueStatus).toBe('MET');
  });

  it('refuses the Onderwijsroute, which has no MAP', async () => {
    const client = await registerWithPip(kerkrade, 953, { route: 'ONDERWIJS', level: 'B1' });
    const [part] = await partIds(kerkrade, ['Sollicitatietraining']);
    expect((await kerkrade.ok(ClientMapPartsDocument, { clientId: client.id })).clientMapParts.mapApplies).toBe(false);
    const refused = await kerkrade.request(ChooseMapPartsDocument, { input: { clientId: client.id, mapPartIds: [part], idempotencyKey: newKey() } });
    expect(fields(refused).map((f) => `${f.field}:${f.code}`)).toEqual(['clientId:MAP_NOT_IN_ONDERWIJSROUTE']);
  });

  it('lets the projectleider add a part for the WSP, with every field error at once', async () => {
    const wspId = await providerId(pg, 'WSP Parkstad');
    const base = { providerId: wspId, name: 'Taalstage in de zorg', description: 'Meelopen op een zorglocatie met vaktaal', minutes: 60 * 60, priceCents: 90000, themes: ['BEROEPSCOMPETENTIES_VERWERVEN' as const], practical: true, active: true };
    const wrong = await projectleider.request(SaveMapPartDocument, { input: { ...base, name: ' ', description: '', minutes: 0, priceCents: -100, themes: [] } });
    expect(fields(wrong).map((f) => `${f.field}:${f.code}`)).toEqual([
      'name:MAP_PART_NAME_REQUIRED', 'description:MAP_PART_DESCRIPTION_REQUIRED', 'minutes:MAP_PART_DURATION_INVALID', 'priceCents:MAP_PART_PRICE_INVALID', 'themes:MAP_PART_THEMES_REQUIRED',
    ]);
    const { saveMapPart } = await projectleider.ok(SaveMapPartDocument, { input: base });
    expect(saveMapPart).toMatchObject({ providerName: 'WSP Parkstad', name: 'Taalstage in de zorg', minutes: 3600, practical: true });
    expect((await kerkrade.ok(MapPartsDocument, {})).mapParts.map((p) => p.name)).toContain('Taalstage in de zorg');
    // The WSP takes it out of its catalogue; the consultant no longer gets it offered.
    await wsp.ok(SaveMapPartDocument, { input: { ...base, id: saveMapPart.id, providerId: null, active: false } });
    const client = await registerWithPip(kerkrade, 954);
    const offered = (await kerkrade.ok(ClientMapPartsDocument, { clientId: client.id })).clientMapParts.catalogue.map((p) => p.name);
    expect(offered).not.toContain('Taalstage in de zorg');
    const brabant = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    expect(code(await brabant.request(SaveMapPartDocument, { input: { ...base, id: saveMapPart.id } }))).toBe('NOT_FOUND');
  });

  it('has demo clients of Kerkrade with parts chosen, one with the MAP complete', async () => {
    const { rows } = await pg.query<{ id: string }>(
      `SELECT DISTINCT c.client_id AS id, cl.client_number FROM map_part_choice c JOIN client cl ON cl.id = c.client_id WHERE c.idempotency_key LIKE 'demo-map-parts:%' ORDER BY cl.client_number`,
    );
    expect(rows.length).toBe(3);
    const progress = await Promise.all(rows.map(async (r) => (await kerkrade.ok(ClientMapPartsDocument, { clientId: r.id })).clientMapParts.progress));
    expect(progress.map((p) => `${p.partsCompleted}/${p.partsChosen}:${p.complete}`)).toEqual(['3/3:true', '1/3:false', '0/2:false']);
  });
});
