// Issue #8 (#5, #7): hostile input gets a Dutch 4xx / BAD_USER_INPUT answer, never an internal error, and no log line
// ever holds the personal data that was in the request.
import { generateSyntheticBsn } from '@inburgering/domain';
import { RegisterClientDocument, SaveProviderDocument, type RegisterClientInput } from '@inburgering/contracts';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { personalDataIn, readServerLog } from '../support/server-log';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let consultant: GraphqlSession;
beforeAll(async () => {
  platform = await startTestPlatform();
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(() => platform.close());

async function post(body: unknown, cookie?: string): Promise<{ status: number; json: { data?: unknown; errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] } }> {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('personal data never reaches the server log (#5)', () => {
  it('answers a BSN passed as a client id with BAD_USER_INPUT and logs nothing of it', async () => {
    const bsn = generateSyntheticBsn(424242);
    const result = await consultant.request(`{ client(id: "${bsn}") { id } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/invoer is niet juist/);
    const viaVariable = await consultant.request(`query C($id: ID!) { client(id: $id) { id } }`, { id: bsn });
    expect(viaVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaVariable.errors?.[0].extensions?.fields).toEqual([{ field: 'id', message: 'Dit is geen geldige id.' }]);
    expect(readServerLog()).not.toContain(bsn);
  });

  it('refuses intake notes ending in a NUL character field by field, and logs no BSN, name, date of birth or notes', async () => {
    const person = { ...clientDueForPip(77), firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1987-03-14' };
    const notes = 'Spreekt Oekraïens, wil graag in de zorg werken.\u0000';
    const result = await consultant.request(RegisterClientDocument, { input: { ...person, intakeNotes: notes } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'intakeNotes', message: expect.stringMatching(/niet-toegestaan teken/) })]);
    const log = readServerLog();
    expect(log).not.toContain(person.bsn);
    expect(personalDataIn(log, { datesOfBirth: [person.dateOfBirth], texts: ['Oekraïens'] })).toEqual([]);
  });
});

describe('malformed input answers 4xx / BAD_USER_INPUT, never an internal error (#7)', () => {
  it('names the field of a malformed id inside an input, also when the value holds "; " or " at " itself', async () => {
    for (const value of ['x', "'; DROP TABLE invoice; --", 'a at "filter.status"; b']) {
      const result = await consultant.request(`query I($filter: InvoiceFilterInput) { invoicePage(filter: $filter) { total } }`, { filter: { contractId: value } });
      expect({ value, fields: result.errors?.[0].extensions?.fields }).toEqual({ value, fields: [{ field: 'filter.contractId', message: 'Dit is geen geldige id.' }] });
    }
  });

  it('refuses a malformed client id before it reaches PostgreSQL', async () => {
    const result = await consultant.request(`mutation { revealBsn(clientId: "a") }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields?.[0].message).toBe('Dit is geen geldige id.');
  });

  it('answers a syntax error with HTTP 400 and a parse error code', async () => {
    const { status, json } = await post({ query: '{ me { id }' });
    expect(status).toBe(400);
    expect(json.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const garbage = await post({ query: '\u0000\u0001 }}}{{ "' });
    expect(garbage.status).toBe(400);
  });

  it('still refuses a query over the token limit as too complex', async () => {
    const { status, json } = await post({ query: `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers more than 50 bad variable values with BAD_USER_INPUT', async () => {
    const leader = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const result = await leader.request(`mutation S($input: CreateSubRegionInput!) { createSubRegion(input: $input) { id } }`, {
      input: { name: 'Test', municipalityIds: Array.from({ length: 60 }, (_, i) => `geen-id-${i}`) },
    });
    expect(result.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('says in Dutch what is wrong with a value of the wrong type, on its field, without repeating the value', async () => {
    const person = clientDueForPip(78);
    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ ...person, route: 'ZWEMMEN' }, { field: 'input.route', message: 'Deze keuze bestaat niet. Kies uit: B1, Z, ONDERWIJS.' }],
      [{ ...person, route: 7 }, { field: 'input.route', message: 'Deze keuze bestaat niet. Kies uit: B1, Z, ONDERWIJS.' }],
      [{ ...person, learnabilityScore: 'hoog' }, { field: 'input.learnabilityScore', message: 'Vul een geheel getal in.' }],
      [{ ...person, learnabilityScore: 2 ** 40 }, { field: 'input.learnabilityScore', message: 'Dit getal is te groot of te klein.' }],
      [{ ...person, firstName: ['Olena'] }, { field: 'input.firstName', message: 'Vul een tekst in.' }],
      [{ ...person, lastName: null }, { field: 'input.lastName', message: 'Dit veld is verplicht.' }],
      [{ ...person, lastName: undefined }, { field: 'input.lastName', message: 'Dit veld is verplicht.' }],
      [{ ...person, shoeSize: 44 }, { field: 'input.shoeSize', message: 'Dit veld bestaat hier niet. Laat het weg.' }],
    ];
    for (const [input, field] of cases) {
      const result = await consultant.request(RegisterClientDocument, { input: input as unknown as RegisterClientInput });
      expect({ field: field.field, status: result.status, fields: result.errors?.[0].extensions?.fields }).toEqual({ field: field.field, status: 400, fields: [field] });
    }
    const notAnObject = await consultant.request(RegisterClientDocument, { input: 'Olena' as unknown as RegisterClientInput });
    expect(notAnObject.errors?.[0].extensions?.fields).toEqual([{ field: 'input', message: 'Hier hoort een groep velden ({ … }), geen losse waarde.' }]);
    const flag = await consultant.request(`query C($f: ClientFilterInput) { clients(filter: $f) { total } }`, { f: { kpiAchieved: 'ja' } });
    expect(flag.errors?.[0].extensions?.fields).toEqual([{ field: 'f.kpiAchieved', message: 'Vul true (ja) of false (nee) in.' }]);
    expect(readServerLog()).not.toContain(person.bsn);
  });

  it('says in Dutch what is wrong with a value written in the query itself, without repeating the value', async () => {
    const cases: [string, string][] = [
      ['{ clients(limit: "veel") { total } }', 'Ongeldige aanvraag: Vul een geheel getal in.'],
      ['{ clients(limit: 99999999999) { total } }', 'Ongeldige aanvraag: Dit getal is te groot of te klein.'],
      ['{ clients(filter: { route: ZWEMMEN }) { total } }', 'Ongeldige aanvraag: Deze keuze bestaat niet. Kies uit: B1, Z, ONDERWIJS.'],
      ['{ clients(filter: { schoenmaat: 44 }) { total } }', 'Ongeldige aanvraag: veld "schoenmaat": Dit veld bestaat hier niet. Laat het weg.'],
    ];
    for (const [query, message] of cases) {
      const result = await consultant.request(query);
      expect({ query, status: result.status, message: result.errors?.[0].message, code: result.errors?.[0].extensions?.code }).toEqual({ query, status: 400, message, code: 'GRAPHQL_VALIDATION_FAILED' });
    }
  });

  it('refuses a NUL byte in a plain string argument with a field-level message', async () => {
    const result = await consultant.request(`query Q($q: String) { clients(search: $q) { total } }`, { q: 'Am\u0000al' });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('names and places are text a list can show (no blank, no second line, no hidden characters)', () => {
  const register = (seed: number, change: Partial<RegisterClientInput>) => consultant.request(RegisterClientDocument, { input: { ...clientDueForPip(seed), ...change } });
  const fieldsOf = (result: Awaited<ReturnType<typeof register>>) => result.errors?.[0].extensions?.fields;
  const oneLine = 'Gebruik één regel tekst, zonder regeleinden, tabs of onzichtbare stuurtekens.';

  it('refuses a name of only spaces or invisible characters, on two lines, or turned around, and half a character anywhere, and stores none of them', async () => {
    const refused: [Partial<RegisterClientInput>, { field: string; message: string; code?: string }[]][] = [
      [{ firstName: '   ' }, [{ field: 'firstName', message: 'Vul de voornaam in.' }]],
      [{ firstName: '\u200B\u00A0' }, [{ field: 'firstName', message: 'Vul de voornaam in.' }]],
      [{ lastName: 'Jansen\nBakker' }, [{ field: 'lastName', message: oneLine }]],
      [{ lastName: 'Jansen\tBakker' }, [{ field: 'lastName', message: oneLine }]],
      // U+202E shows "Jansen" as "nesnaJ" and the rest of the line backwards.
      [{ lastName: '\u202EJansen' }, [{ field: 'lastName', message: oneLine }]],
      [{ pipLessonPattern: 'Dinsdag\r\nochtend' }, [{ field: 'pipLessonPattern', message: oneLine }]],
      [{ intakeNotes: 'Spreekt Tigrinya \uD83D en Arabisch.' }, [{ field: 'intakeNotes', message: 'Deze tekst bevat een ongeldig teken (een half teken). Verwijder het en probeer het opnieuw.', code: 'BROKEN_CHARACTER' }]],
    ];
    const caseload = () => consultant.ok(`query { clients(limit: 1) { total } }`);
    const before = await caseload();
    for (const [index, [change, fields]] of refused.entries()) {
      const result = await register(600 + index, change);
      expect({ change, code: result.errors?.[0].extensions?.code, fields: fieldsOf(result) }).toEqual({ change, code: 'BAD_USER_INPUT', fields });
    }
    expect(await caseload()).toEqual(before);
  });

  it('keeps names with accents, apostrophes, a zero-width non-joiner (Persian) and an emoji pair exactly as typed', async () => {
    const names = { firstName: 'Mohammad\u200CReza Zoë', lastName: "d'Artagnan-Öztürk 🇳🇱" };
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: { ...clientDueForPip(620), ...names } });
    const { client } = await consultant.ok<{ client: typeof names }, { id: string }>(`query C($id: ID!) { client(id: $id) { firstName lastName } }`, { id: registerClient.id });
    expect(client).toEqual(names);
  });

  it('says in Dutch, on the field, what is wrong with a weekday or a group name (not class-validator\'s English)', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const group = {
      name: 'B1 dinsdag', location: 'Arnhem', daypart: 'DAYTIME', teacherUserId: '00000000-0000-4000-8000-000000000000', placementIds: [], weekdays: [0, 8],
      startTime: '09:00', endTime: '12:00', from: '2026-01-05', until: '2026-06-26',
    };
    const created = await provider.request(`mutation G($input: CreatePresenceGroupInput!) { createPresenceGroup(input: $input) { id } }`, { input: group });
    expect(created.errors?.[0].extensions?.fields).toEqual([{ field: 'weekdays', message: 'Een lesdag is 1 (maandag) tot en met 7 (zondag).' }]);
    const copy = { category: 'LANGUAGE', weekStart: '2026-11-30', groupName: 'B1 '.repeat(70) };
    const copied = await provider.request(`mutation C($input: CopyPreviousWeekInput!) { copyPreviousHourWeek(input: $input) }`, { input: copy });
    expect(copied.errors?.[0].extensions?.fields).toEqual([{ field: 'groupName', message: 'De groepsnaam is te lang (maximaal 200 tekens).' }]);
  });

  it('keeps a keurmerk number and an hour group name on one line', async () => {
    const leader = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    const provider = {
      name: 'Taalhuis Regel', kvkNumber: '90000177', providerKind: 'LANGUAGE_SCHOOL' as const, keurmerkNumber: 'KI-2026\n0042', keurmerkValidUntil: '2027-06-30',
      duoInstitutionNumber: null, isTaalschakelInstitution: false,
    };
    const saved = await leader.request(SaveProviderDocument, { input: provider });
    expect(saved.errors?.[0].extensions?.fields).toEqual([{ field: 'keurmerkNumber', message: oneLine }]);
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const copied = await newBees.request(`mutation C($input: CopyPreviousWeekInput!) { copyPreviousHourWeek(input: $input) }`, { input: { category: 'LANGUAGE', weekStart: '2026-11-30', groupName: 'B1\tdinsdag' } });
    expect(copied.errors?.[0].extensions?.fields).toEqual([{ field: 'groupName', message: oneLine }]);
  });

  it('says once that a presence group needs a name, when two rules find it empty', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const input = {
      name: '', location: ' \u200B ', daypart: 'DAYTIME', teacherUserId: '00000000-0000-4000-8000-000000000000', placementIds: [], weekdays: [2],
      startTime: '09:00', endTime: '12:00', from: '2026-01-05', until: '2026-06-26',
    };
    const result = await provider.request(`mutation G($input: CreatePresenceGroupInput!) { createPresenceGroup(input: $input) { id } }`, { input });
    expect(result.errors?.[0].extensions?.fields).toEqual([
      { field: 'name', message: 'Geef de groep een naam (hoogstens 100 tekens).' },
      { field: 'location', message: 'Vul de leslocatie in (hoogstens 100 tekens).' },
    ]);
  });
});
