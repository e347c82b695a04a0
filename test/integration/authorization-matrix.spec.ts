// Generated authorisation matrix: every query and mutation of libs/contracts/schema.graphql × every kind of user ×
// own / same-region foreign / other-region foreign ids harvested from the database. Fails on an undeclared operation,
// on data of another tenant in any answer, on a write with a foreign id, and on a foreign id that answers differently
// from an unknown one (an existence oracle).
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { GraphqlSession, loginAs } from '../support/graphql-session';
import { insertAuthzFixtures } from '../support/authz-fixtures';
import { MATRIX_ROLES, OPERATION_DECLARATIONS, type MatrixRole } from '../support/authz-declarations';
import { actorInfo, freshBsn, openSessions, runMatrix, type MatrixRun } from '../support/authz-matrix';
import { changedTables, harvestOwnership, ID_CLASSES, installWriteLog, tableRowHashes, type ActorInfo } from '../support/authz-ownership';
import { idArgumentPaths, loadContractSchema, schemaOperations } from '../support/authz-schema';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

const schema = loadContractSchema();
const operations = schemaOperations(schema);

let platform: TestPlatform;
let pg: Client;
let run: MatrixRun;
let foreignPhaseChanges: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  await insertAuthzFixtures(pg);
  await installWriteLog(pg);
  const ownership = await harvestOwnership(pg);
  const { rows } = await pg.query<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'REGION' AND name LIKE '%Midden-Gelderland%'`);
  const actors = new Map<MatrixRole, ActorInfo>();
  for (const role of MATRIX_ROLES) actors.set(role, await actorInfo(pg, role, rows[0].id));
  const sessions = await openSessions(platform.url);
  const before = await tableRowHashes(pg);
  run = await runMatrix({ pg, url: platform.url, ownership, actors, sessions, operations, bsn: await freshBsn(pg) });
  // The row hashes over the whole run are only a safety net for the per-call check; own mutations (last phase) do write.
  foreignPhaseChanges = changedTables(before, await tableRowHashes(pg));
}, 600_000);

afterAll(async () => {
  await pg?.end();
  await platform?.close();
  if (!run) return;
  if (process.env.AUTHZ_MATRIX_DUMP) writeFileSync(process.env.AUTHZ_MATRIX_DUMP, JSON.stringify(run, null, 1));
  const idOps = operations.filter((op) => Object.keys(OPERATION_DECLARATIONS[op.name]?.ids ?? {}).length > 0).length;
  const failing = run.cells.filter((cell) => cell.violations.length > 0);
  const outcomes = run.cells.reduce<Record<string, number>>((counts, cell) => ({ ...counts, [cell.outcome]: (counts[cell.outcome] ?? 0) + 1 }), {});
  console.log(
    [
      `Autorisatiematrix: ${operations.length} operaties (${idOps} met id-argumenten) × ${MATRIX_ROLES.length} rollen × ${ID_CLASSES.length} id-klassen (eigen / vreemd in de regio / vreemd buiten de regio) = ${operations.length * MATRIX_ROLES.length * ID_CLASSES.length} cellen, plus per vreemd id een onbekend id`,
      `  aanroepen: ${run.cells.length}, overgeslagen (geen id van die klasse): ${run.skipped.length}, uitkomsten: ${JSON.stringify(outcomes)}`,
      `  operaties met persoonsgegevens in het antwoord (elk gelogd): ${run.personalDataOperations.join(", ")}`,
      `  cellen met een overtreding: ${failing.length}; tabellen gewijzigd over de hele run (incl. eigen mutaties): ${foreignPhaseChanges.join(', ') || 'geen'}`,
      ...failing.slice(0, 60).map((cell) => `  ✗ ${cell.operation} × ${cell.role} × ${cell.idClass}: ${cell.violations.slice(0, 3).join(' | ')}`),
    ].join('\n'),
  );
});

describe('authorisation matrix coverage', () => {
  it('declares every operation of the schema, with exactly the id arguments the schema has', () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const declaration = OPERATION_DECLARATIONS[operation.name];
      if (!declaration) {
        problems.push(`${operation.type} ${operation.name} staat niet in OPERATION_DECLARATIONS`);
        continue;
      }
      const schemaPaths = idArgumentPaths(operation.field).sort();
      const declared = Object.keys(declaration.ids).sort();
      if (JSON.stringify(schemaPaths) !== JSON.stringify(declared)) problems.push(`${operation.name}: id-argumenten in het schema ${schemaPaths.join(',') || '-'}, gedeclareerd ${declared.join(',') || '-'}`);
    }
    for (const name of Object.keys(OPERATION_DECLARATIONS)) if (!operations.some((op) => op.name === name)) problems.push(`${name} is gedeclareerd maar staat niet (meer) in het schema`);
    expect(problems).toEqual([]);
  });
});

describe('processing log over the operation list', () => {
  // The per-call check ("persoonsgegevens … zonder regel in het verwerkingenlogboek") only bites where answers hold
  // personal data; these operations must be among them, or the check has silently stopped seeing anything.
  it('saw clients\' personal data in the answers of the operations that show it', () => {
    // Queries only (and revealBsn): whether an own-id mutation answers with data depends on the state the run left.
    expect(run.personalDataOperations).toEqual(expect.arrayContaining(['client', 'clients', 'revealBsn', 'providerPlacementPage', 'signalPage', 'hourWeek', 'presenceLesson']));
  });
});

describe.each(operations.filter((op) => !OPERATION_DECLARATIONS[op.name]?.session).map((op) => [op.type, op.name]))('%s %s', (_type, name) => {
  it('shows no data of another tenant, writes nothing with a foreign id, and answers a foreign id like an unknown one', () => {
    const cells = run.cells.filter((cell) => cell.operation === name);
    expect(cells.length).toBeGreaterThan(0);
    const violations = cells.flatMap((cell) => cell.violations.map((violation) => `${cell.role} × ${cell.idClass}: ${violation}`));
    expect(violations).toEqual([]);
  });
});

describe('a municipality\'s financial officer', () => {
  it('reaches only the invoices its municipality pays and its own account: every other operation (clients, BSN, hours, placements) is refused', () => {
    const reached = new Set(run.cells.filter((cell) => cell.role === 'financien@arnhem.demo.nl' && cell.outcome !== 'FORBIDDEN').map((cell) => cell.operation));
    // acceptInvitation and invitation are public (the link from an invitation mail) and answer a wrong token NOT_FOUND.
    // ssoLoginOptions: the public list of organisations with single sign-on, for the login page (names only).
    expect([...reached].sort()).toEqual(['acceptInvitation', 'approveInvoice', 'disputeInvoice', 'invitation', 'invoice', 'invoicePage', 'me', 'mySessions', 'regenerateRecoveryCodes', 'secondFactorStatus', 'ssoLoginOptions', 'startPasskeyRegistration']);
  });
});

describe('the region\'s functioneel beheerder (issue 14)', () => {
  it('reaches no operation on clients or their personal data', () => {
    const reached = new Set(run.cells.filter((cell) => cell.role === 'beheer@midden-gelderland.demo.nl' && cell.outcome !== 'FORBIDDEN').map((cell) => cell.operation));
    const personal = [
      'client', 'clients', 'clientOutcomes', 'clientMapParts', 'clientProgress', 'revealBsn', 'signalPage', 'acknowledgeSignal', 'deadlineSignals', 'duoMessages',
      'duoContactPerson', 'providerPlacement', 'providerPlacementPage', 'hourWeek', 'hourPeriodClients', 'hourEntryHistory', 'placementOptions', 'presenceLesson',
      'presenceLessons', 'presenceAudit', 'mapPartParticipants', 'registerClient', 'updateClient', 'setPip', 'moveClient', 'requestPlacement', 'recordResult', 'switchRoute',
    ];
    expect(personal.filter((name) => reached.has(name))).toEqual([]);
    expect(reached.has('managedUsers')).toBe(true);
  });
});

describe('session operations', () => {
  it('logout ends only the own session', async () => {
    const first = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const second = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    await first.ok(`mutation { logout }`);
    expect((await first.request(`{ me { id } }`)).data).toEqual({ me: null });
    expect((await second.ok<{ me: { id: string } | null }, never>(`{ me { id } }`)).me).not.toBeNull();
  });

  it('login with a wrong password gives no session and no user data, for every demo user', async () => {
    for (const role of MATRIX_ROLES.filter((r) => r !== 'anonymous')) {
      const session = new GraphqlSession(platform.url);
      const result = await session.request(`mutation ($input: LoginInput!) { login(input: $input) { id email } }`, { input: { email: role, password: 'fout-wachtwoord' } });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBeDefined();
      const me = await session.request(`{ me { id } }`);
      expect(me.data).toEqual({ me: null });
    }
  });
});
