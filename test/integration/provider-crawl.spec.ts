// Provider crawl: as every provider user, call everything a provider can reach — every query with every nested field
// the schema offers, every value of every enum argument, every own id, the mutations with own ids, and the REST routes
// (document download, import template, an import with its report) — and fail on any BSN of the database (plain, dotted,
// spaced), any encrypted BSN, any intake field or intake text, and any id or client of another organisation.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BsnCrypto } from '../../apps/api/src/common/bsn-crypto';
import { OPERATION_DECLARATIONS } from '../support/authz-declarations';
import { insertAuthzFixtures, type AuthzFixtures } from '../support/authz-fixtures';
import { actorInfo } from '../support/authz-matrix';
import { findLeaks, harvestOwnership, type ActorInfo, type IdKind, type Ownership } from '../support/authz-ownership';
import { buildOperation, enumArgumentPaths, freshStrings, loadContractSchema, schemaOperations, type JsonValue, type SchemaOperation } from '../support/authz-schema';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { TEST_BSN_KEY } from '../support/test-config';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const PROVIDERS = ['aanbieder@newbees.demo.nl', 'aanbieder@sagenn.demo.nl', 'aanbieder@han.demo.nl', 'aanbieder@vwn.demo.nl'] as const;
const INTAKE_FIELD_NAMES = ['intakeNotes', 'intakeCompletedOn', 'learnabilityOutcome', 'learnabilityScore', 'intake_notes', 'learnability_outcome', 'learnability_score'];
const OWN_IDS_PER_KIND = 4;

const operations = schemaOperations(loadContractSchema());

let platform: TestPlatform;
let pg: Client;
let ownership: Ownership;
let fixtures: AuthzFixtures;
/** Strings that must never reach a provider, with what they are (for the failure message). */
let forbidden: Map<string, string>;

interface Hit {
  provider: string;
  call: string;
  found: string;
}

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  fixtures = await insertAuthzFixtures(pg);
  ownership = await harvestOwnership(pg);
  forbidden = new Map();
  const crypto = new BsnCrypto(TEST_BSN_KEY);
  const { rows } = await pg.query<{ bsn_encrypted: string; bsn_hash: string; intake_notes: string | null }>(`SELECT bsn_encrypted, bsn_hash, intake_notes FROM client`);
  for (const row of rows) {
    const bsn = crypto.decrypt(row.bsn_encrypted);
    forbidden.set(bsn, 'BSN');
    forbidden.set(`${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`, 'BSN met punten');
    forbidden.set(`${bsn.slice(0, 4)} ${bsn.slice(4, 6)} ${bsn.slice(6)}`, 'BSN met spaties');
    forbidden.set(`${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`, 'BSN met spaties');
    forbidden.set(row.bsn_encrypted, 'versleuteld BSN');
    forbidden.set(row.bsn_hash, 'BSN-hash');
    if (row.intake_notes && row.intake_notes.trim().length >= 8) forbidden.set(row.intake_notes, 'intakenotitie');
  }
  for (const name of INTAKE_FIELD_NAMES) forbidden.set(name, 'intakeveld');
}, 120_000);

afterAll(async () => {
  await pg?.end();
  await platform?.close();
});

function scan(provider: string, call: string, raw: string, hits: Hit[]): void {
  for (const [text, what] of forbidden) if (raw.includes(text)) hits.push({ provider, call, found: `${what}: ${text.length > 40 ? `${text.slice(0, 40)}…` : text}` });
}

/** Own ids of a kind for this provider (up to a few), plus the sharp probes (a placement withdrawn before an offer). */
function ownIds(actor: ActorInfo, kind: IdKind): string[] {
  const own = [...ownership.records[kind].values()].filter((record) => actor.organisationId && record.owners.includes(actor.organisationId)).map((record) => record.id);
  const probes = kind === 'placement' && actor.organisationId ? [fixtures.withdrawnBeforeOffer.get(actor.organisationId)].filter((id): id is string => Boolean(id)) : [];
  return [...own.slice(0, OWN_IDS_PER_KIND), ...probes];
}

interface CallPlan {
  label: string;
  operation: SchemaOperation;
  ids: Record<string, string>;
  overrides: Record<string, JsonValue>;
}

function plans(actor: ActorInfo, operation: SchemaOperation): CallPlan[] {
  const declaration = OPERATION_DECLARATIONS[operation.name];
  if (!declaration || declaration.session) return [];
  const idPaths = Object.entries(declaration.ids);
  const firstOwn = Object.fromEntries(idPaths.map(([path, kind]) => [path, ownIds(actor, kind)[0] ?? randomUUID()]));
  const result: CallPlan[] = [];
  const base = { ...(declaration.overrides ?? {}) };
  if (idPaths.length === 0) result.push({ label: operation.name, operation, ids: {}, overrides: base });
  else {
    const [mainPath, mainKind] = idPaths[0];
    for (const id of ownIds(actor, mainKind)) result.push({ label: `${operation.name}(${mainPath}=${id})`, operation, ids: { ...firstOwn, [mainPath]: id }, overrides: base });
  }
  if (operation.type === 'query') {
    for (const position of enumArgumentPaths(operation.field)) {
      for (const value of position.values) {
        result.push({ label: `${operation.name}(${position.path}=${value})`, operation, ids: firstOwn, overrides: { ...base, [position.path]: position.list ? [value] : value } });
      }
    }
  }
  return result;
}

const outcomes: Record<string, number> = {};

async function crawl(session: GraphqlSession, provider: string, actor: ActorInfo, hits: Hit[], leaks: string[], types: ReadonlyArray<'query' | 'mutation'>): Promise<number> {
  let calls = 0;
  for (const operation of operations.filter((op) => types.includes(op.type))) {
    for (const plan of plans(actor, operation)) {
      const built = buildOperation(plan.operation, {
        depth: 6,
        allOptional: true,
        includeArgs: () => true,
        idFor: (path) => plan.ids[path] ?? randomUUID(),
        stringFor: freshStrings,
        overrides: plan.overrides,
      });
      const result = await session.request(built.document, built.variables as never);
      calls++;
      const outcome = result.errors?.[0]?.extensions?.code ?? (result.errors ? 'ERROR' : 'data');
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      scan(provider, plan.label, result.raw, hits);
      for (const leak of findLeaks(ownership, actor, result.data)) leaks.push(`${provider} ${plan.label}: ${leak}`);
    }
  }
  return calls;
}

describe('provider crawl', () => {
  it('the scanner finds a BSN and intake data where they do belong (a consultant revealing an own client), so it can fail', async () => {
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const actor = await actorInfo(pg, 'consulent@arnhem.demo.nl', '');
    const clientId = [...ownership.records.client.values()].find((record) => record.owners.includes(actor.organisationId as string))?.id;
    const hits: Hit[] = [];
    const reveal = await consultant.request(`mutation ($id: ID!) { revealBsn(clientId: $id) }`, { id: clientId });
    scan('consulent', 'revealBsn', reveal.raw, hits);
    const intake = await consultant.request(`query ($id: ID!) { client(id: $id) { id intakeNotes learnabilityOutcome } }`, { id: clientId });
    scan('consulent', 'client', intake.raw, hits);
    expect(hits.map((hit) => hit.found.split(':')[0])).toEqual(expect.arrayContaining(['BSN', 'intakeveld']));
  });

  it('no provider ever receives a BSN, an encrypted BSN, intake data or another organisation’s records from any query', async () => {
    const hits: Hit[] = [];
    const leaks: string[] = [];
    let calls = 0;
    for (const provider of PROVIDERS) {
      const session = await loginAs(platform.url, provider);
      calls += await crawl(session, provider, await actorInfo(pg, provider, ''), hits, leaks, ['query']);
    }
    console.log(`Aanbiederscrawl (queries): ${calls} aanroepen door ${PROVIDERS.length} aanbieders (${JSON.stringify(outcomes)}), ${hits.length} verboden waarden, ${leaks.length} lekken`);
    expect(hits.map((hit) => `${hit.provider} ${hit.call}: ${hit.found}`)).toEqual([]);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('a placement withdrawn while still on the waiting list is not shown to the provider, not by id and not by status filter', async () => {
    const problems: string[] = [];
    for (const provider of ['aanbieder@newbees.demo.nl', 'aanbieder@sagenn.demo.nl']) {
      const actor = await actorInfo(pg, provider, '');
      const withdrawn = fixtures.withdrawnBeforeOffer.get(actor.organisationId as string);
      if (!withdrawn) throw new Error(`geen ingetrokken wachtlijstplaatsing voor ${provider}`);
      const session = await loginAs(platform.url, provider);
      const byId = await session.request(`query ($id: ID!) { providerPlacement(id: $id) { id status } }`, { id: withdrawn });
      if (byId.data !== null || byId.errors?.[0].extensions?.code !== 'NOT_FOUND') problems.push(`${provider} providerPlacement(id): ${byId.raw}`);
      const listed = await session.request<{ providerPlacementPage: { items: { id: string }[] } }, never>(`{ providerPlacementPage(filter: { statuses: [WITHDRAWN] }, limit: 200) { items { id status } } }`);
      if (listed.errors) problems.push(`${provider} providerPlacementPage(WITHDRAWN): ${listed.errors[0].message}`);
      if (listed.data?.providerPlacementPage.items.some((placement) => placement.id === withdrawn)) problems.push(`${provider} providerPlacements(WITHDRAWN) toont ${withdrawn}`);
    }
    expect(problems).toEqual([]);
  });

  it('the progress of a client counts only the provider’s own hours, never those at another provider', async () => {
    const shared = fixtures.sharedClient;
    if (!shared) throw new Error('geen inburgeraar met uren bij twee aanbieders in de testgegevens');
    const { rows } = await pg.query<{ own: string; other: string }>(
      `SELECT coalesce(sum(attended_minutes) FILTER (WHERE provider_id = $2), 0) AS own, coalesce(sum(attended_minutes) FILTER (WHERE provider_id <> $2), 0) AS other FROM hour_entry WHERE client_id = $1`,
      [shared.clientId, shared.firstProvider],
    );
    expect(Number(rows[0].other)).toBeGreaterThan(0);
    const session = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const progress = await session.ok<{ clientProgress: { attendedMinutes: number; placements: { providerName: string; attendedMinutes: number }[] } }, never>(
      `query ($id: ID!) { clientProgress(clientId: $id) { attendedMinutes placements { providerName attendedMinutes } } }`,
      { id: shared.clientId } as never,
    );
    expect(progress.clientProgress.placements.map((placement) => placement.providerName)).not.toContain('Sagenn');
    expect(progress.clientProgress.attendedMinutes).toBeLessThanOrEqual(Number(rows[0].own));
  });

  it('document downloads, the import template and an import report carry no BSN, intake data or other clients', async () => {
    const hits: Hit[] = [];
    const leaks: string[] = [];
    for (const provider of PROVIDERS) {
      const session = await loginAs(platform.url, provider);
      const actor = await actorInfo(pg, provider, '');
      const cookie = session.lastSetCookie?.split(';')[0] ?? '';
      for (const id of [...ownership.records.document.keys()]) {
        const response = await fetch(`${platform.url}/documents/${id}`, { headers: { cookie } });
        const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
        scan(provider, `GET /documents/${id}`, body, hits);
        const owner = ownership.records.document.get(id)?.owners.includes(actor.organisationId as string);
        if (!owner && response.status === 200) leaks.push(`${provider} GET /documents/${id}: document van een ander gedownload`);
      }
      for (const format of ['csv', 'xlsx']) {
        const response = await fetch(`${platform.url}/api/hours/import-template?format=${format}`, { headers: { cookie } });
        expect(response.status).toBe(200);
        scan(provider, `GET import-template ${format}`, Buffer.from(await response.arrayBuffer()).toString('latin1'), hits);
      }
      // An import naming every client number of the database: the report may say a row is wrong, never whose it is.
      const numbers = [...new Set(ownership.clients.map((client) => client.clientNumber))].slice(0, 400);
      const upload = await uploadHours(
        platform.url,
        session,
        'alle-klantnummers.csv',
        hoursCsv(numbers.map((clientNumber) => ({ clientNumber, date: '2026-11-23', category: 'taal', planned: '3', attended: '3' }))),
        'DRY_RUN',
        randomUUID(),
      );
      scan(provider, 'POST /api/hours/imports', JSON.stringify(upload.body), hits);
      const batchId = (upload.body as { id?: string }).id;
      if (batchId) {
        let report = '';
        await waitFor('importrapport klaar', async () => {
          const result = await session.request(`query ($id: ID!) { importBatch(id: $id) { id status errorCount errors { row column message } } }`, { id: batchId });
          report = result.raw;
          return !/"status":"(QUEUED|RUNNING)"/.test(result.raw);
        });
        scan(provider, `importBatch(${batchId}) rapport`, report, hits);
        const names = ownership.clients.filter((client) => !ownership.records.client.get(client.id)?.owners.includes(actor.organisationId as string));
        for (const client of names) if (report.includes(`${client.firstName} ${client.lastName}`)) leaks.push(`${provider} importrapport noemt ${client.firstName} ${client.lastName}`);
      }
    }
    expect(hits.map((hit) => `${hit.provider} ${hit.call}: ${hit.found}`)).toEqual([]);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('mutation answers with own ids carry no BSN, intake data or another organisation’s records', async () => {
    const hits: Hit[] = [];
    const leaks: string[] = [];
    let calls = 0;
    for (const provider of PROVIDERS) {
      const session = await loginAs(platform.url, provider);
      calls += await crawl(session, provider, await actorInfo(pg, provider, ''), hits, leaks, ['mutation']);
    }
    console.log(`Aanbiederscrawl (mutaties): ${calls} aanroepen (uitkomsten queries + mutaties: ${JSON.stringify(outcomes)}), ${hits.length} verboden waarden, ${leaks.length} lekken`);
    expect(hits.map((hit) => `${hit.provider} ${hit.call}: ${hit.found}`)).toEqual([]);
    expect(leaks).toEqual([]);
  }, 300_000);
});
