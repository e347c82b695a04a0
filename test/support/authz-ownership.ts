// Who owns what, read straight from the database with the test's own SQL (deliberately not the API's access rules,
// so a wrong rule there shows up here): for every record of every kind, the organisations allowed to see it.
import { PROVIDER_VISIBLE_CLIENT_STATUSES, PROVIDER_VISIBLE_PLACEMENT_STATUSES } from '@inburgering/domain';
import type { Client } from 'pg';

export const ID_KINDS = [
  'client',
  'placement',
  'lot',
  'contract',
  'startMoment',
  'qualityRequirement',
  'evidence',
  'document',
  'hourEntry',
  'hourPeriod',
  'result',
  'signal',
  'importBatch',
  'subRegion',
  'municipality',
  'provider',
  'invoice',
  'invoiceLine',
  'group',
  'lesson',
  'teacher',
  'report',
  'mapPart',
  'mapPartChoice',
  'loginOrganisation',
  'appUser',
  'userOrganisation',
  'passkey',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

export interface OwnedRecord {
  id: string;
  /** Organisations (municipality, provider or region ids) that may see the record. */
  owners: string[];
  /** Organisations the record points at without being visible to them (a provider's waiting placement). */
  related: string[];
  /** The sharpest probe of its kind (a placement withdrawn before the provider was ever asked): picked first. */
  probe: boolean;
}

const CONTRACT_OWNERS = `array_remove(array[l.region_id, k.provider_id] || array(SELECT lm.municipality_id FROM lot_municipality lm WHERE lm.lot_id = l.id), NULL)`;

/** The regions whose administrator manages an organisation's accounts. */
function ORGANISATION_MANAGERS(o: string): string {
  return `CASE WHEN ${o}.kind = 'REGION' THEN array[${o}.id] WHEN ${o}.kind IN ('MUNICIPALITY', 'SHARED_SERVICE') THEN array[${o}.region_id]
    ELSE array(SELECT DISTINCT l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = ${o}.id)
      || CASE WHEN ${o}.created_by_region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = ${o}.id AND l.region_id <> ${o}.created_by_region_id)
         THEN array[${o}.created_by_region_id] ELSE array[]::uuid[] END END`;
}

/** One query per kind: `id`, `owners uuid[]`, `related uuid[]`, optionally `probe` and `rank` (higher: picked first). */
const OWNER_SQL: Record<IdKind, string> = {
  client: `SELECT c.id, array[c.municipality_id] || array(SELECT DISTINCT p.provider_id FROM placement p WHERE p.client_id = c.id AND p.status = ANY($1)) AS owners,
             array(SELECT DISTINCT p.provider_id FROM placement p WHERE p.client_id = c.id) AS related FROM client c`,
  placement: `SELECT p.id, array[c.municipality_id] || CASE WHEN p.status = ANY($1) OR (p.status = 'WITHDRAWN' AND EXISTS (SELECT 1 FROM placement_event pe WHERE pe.placement_id = p.id AND pe.to_status = 'REQUESTED'))
               THEN array[p.provider_id] ELSE array[]::uuid[] END AS owners, array[p.provider_id] AS related, p.status = 'WITHDRAWN' AS probe FROM placement p JOIN client c ON c.id = p.client_id`,
  lot: `SELECT l.id, array[l.region_id] || array(SELECT lm.municipality_id FROM lot_municipality lm WHERE lm.lot_id = l.id) || array(SELECT k.provider_id FROM contract k WHERE k.lot_id = l.id) AS owners,
          array[]::uuid[] AS related,
          (SELECT count(*) FROM placement p WHERE p.lot_id = l.id AND p.status IN ('STARTED', 'ENDED') AND p.start_date IS NOT NULL) AS rank
        FROM lot l`,
  // Lots, contracts and municipalities are ranked by started placements, so "own" is the same busy one every run (ids are
  // random per seed): a drill-down to what a figure counts then has clients to show (the own contract on the own lot),
  // and the leak checks rows to look at.
  contract: `SELECT k.id, ${CONTRACT_OWNERS} AS owners, array[]::uuid[] AS related,
               (SELECT count(*) FROM placement p WHERE p.contract_id = k.id AND p.status IN ('STARTED', 'ENDED') AND p.start_date IS NOT NULL) AS rank
             FROM contract k JOIN lot l ON l.id = k.lot_id`,
  startMoment: `SELECT sm.id, ${CONTRACT_OWNERS} AS owners, array[]::uuid[] AS related FROM start_moment sm JOIN contract k ON k.id = sm.contract_id JOIN lot l ON l.id = k.lot_id`,
  qualityRequirement: `SELECT qr.id, ${CONTRACT_OWNERS} AS owners, array[]::uuid[] AS related FROM quality_requirement qr JOIN contract k ON k.id = qr.contract_id JOIN lot l ON l.id = k.lot_id`,
  evidence: `SELECT qe.id, ${CONTRACT_OWNERS} AS owners, array[]::uuid[] AS related FROM quality_evidence qe JOIN quality_requirement qr ON qr.id = qe.requirement_id
               JOIN contract k ON k.id = qr.contract_id JOIN lot l ON l.id = k.lot_id`,
  document: `SELECT d.id, array[d.organisation_id] || array(SELECT l.region_id FROM quality_evidence qe JOIN quality_requirement qr ON qr.id = qe.requirement_id JOIN contract k ON k.id = qr.contract_id
               JOIN lot l ON l.id = k.lot_id WHERE qe.document_id = d.id) AS owners, array[]::uuid[] AS related FROM stored_document d`,
  hourEntry: `SELECT h.id, array[h.provider_id, c.municipality_id] AS owners, array[]::uuid[] AS related FROM hour_entry h JOIN client c ON c.id = h.client_id`,
  hourPeriod: `SELECT hp.id, array[hp.provider_id, hp.municipality_id] AS owners, array[]::uuid[] AS related FROM hour_period hp`,
  result: `SELECT r.id, array_remove(array[r.provider_id, c.municipality_id], NULL) AS owners, array[]::uuid[] AS related FROM integration_result r JOIN client c ON c.id = r.client_id`,
  signal: `SELECT s.id, array[s.organisation_id] AS owners, array[]::uuid[] AS related FROM signal s`,
  importBatch: `SELECT ib.id, array[ib.provider_id] AS owners, array[]::uuid[] AS related FROM import_batch ib`,
  subRegion: `SELECT sr.id, array[sr.region_id] || array(SELECT m.id FROM organisation m WHERE m.kind = 'MUNICIPALITY' AND m.region_id = sr.region_id) AS owners, array[]::uuid[] AS related FROM sub_region sr`,
  // A provider "has" the municipalities whose clients it teaches (it submits its hour months per municipality).
  municipality: `SELECT o.id, array_remove(array[o.id, o.region_id], NULL) || array(SELECT DISTINCT p.provider_id FROM placement p WHERE p.municipality_id = o.id AND p.status = ANY($1)) AS owners,
                   array[]::uuid[] AS related,
                   (SELECT count(*) FROM placement p WHERE p.municipality_id = o.id AND p.status IN ('STARTED', 'ENDED') AND p.start_date IS NOT NULL) AS rank
                 FROM organisation o WHERE o.kind = 'MUNICIPALITY'`,
  // An invoice (and its lines): the provider that sends it, the municipality that pays it, the region of the contract's lot.
  invoice: `SELECT i.id, array[i.provider_id, i.paying_municipality_id, l.region_id] AS owners, array[]::uuid[] AS related
              FROM invoice i JOIN contract k ON k.id = i.contract_id JOIN lot l ON l.id = k.lot_id`,
  invoiceLine: `SELECT il.id, array[i.provider_id, i.paying_municipality_id, l.region_id] AS owners, array[]::uuid[] AS related
                  FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id JOIN contract k ON k.id = i.contract_id JOIN lot l ON l.id = k.lot_id`,
  // Presence lists are the provider's own (a teacher among its staff sees fewer: the presence spec proves that).
  group: `SELECT g.id, array[g.provider_id] AS owners, array[]::uuid[] AS related FROM presence_group g`,
  lesson: `SELECT l.id, array[l.provider_id] AS owners, array[]::uuid[] AS related FROM presence_lesson l`,
  teacher: `SELECT u.id, array[u.organisation_id] AS owners, array[]::uuid[] AS related FROM app_user u WHERE u.role = 'TEACHER'`,
  // A quarterly report is the region's own (its projectleider requests and downloads it).
  report: `SELECT r.id, array[r.region_id] AS owners, array[]::uuid[] AS related FROM quarterly_report r`,
  // A MAP catalogue part: the region that keeps it, its municipalities (their consultants choose from it), the offering party.
  mapPart: `SELECT mp.id, array[mp.region_id, mp.provider_id] || array(SELECT m.id FROM organisation m WHERE m.kind = 'MUNICIPALITY' AND m.region_id = mp.region_id) AS owners,
              array[]::uuid[] AS related FROM map_part mp`,
  // A chosen MAP part: the client's municipality and the offering party.
  mapPartChoice: `SELECT c.id, array[c.municipality_id, c.provider_id] AS owners, array[]::uuid[] AS related FROM map_part_choice c`,
  // An organisation whose single sign-on is set: by the admin of its region (a provider: the regions that manage it).
  loginOrganisation: `SELECT o.id, CASE WHEN o.kind = 'REGION' THEN array[o.id] WHEN o.kind IN ('MUNICIPALITY', 'SHARED_SERVICE') THEN array[o.region_id]
                        ELSE array(SELECT DISTINCT l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id)
                          || CASE WHEN o.created_by_region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id <> o.created_by_region_id)
                             THEN array[o.created_by_region_id] ELSE array[]::uuid[] END END AS owners, array[]::uuid[] AS related FROM organisation o`,
  // An account: its own organisation, and the administrators above it (the region of a region, municipality or shared
  // service; the regions that manage a provider, as for 'provider').
  appUser: `SELECT u.id, array[u.organisation_id] || ${ORGANISATION_MANAGERS('o')} AS owners, array[]::uuid[] AS related FROM app_user u JOIN organisation o ON o.id = u.organisation_id`,
  userOrganisation: `SELECT o.id, array[o.id] || ${ORGANISATION_MANAGERS('o')} AS owners, array[]::uuid[] AS related FROM organisation o`,
  // A passkey belongs to one person; the matrix thinks in organisations, so its owner's organisation (auth-passkey.spec
  // proves a colleague cannot remove it).
  passkey: `SELECT pk.id, array[u.organisation_id] AS owners, array[]::uuid[] AS related FROM user_passkey pk JOIN app_user u ON u.id = pk.user_id`,
  provider: `SELECT o.id, array[o.id] || array(SELECT DISTINCT l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id)
               || CASE WHEN o.created_by_region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id <> o.created_by_region_id)
                  THEN array[o.created_by_region_id] ELSE array[]::uuid[] END AS owners, array[]::uuid[] AS related FROM organisation o WHERE o.kind = 'PROVIDER'`,
};

export interface ClientIdentity {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
}

export interface Ownership {
  records: Record<IdKind, Map<string, OwnedRecord>>;
  /** Organisation id → the regions it lives in (a provider: the regions of the lots it holds contracts on). */
  orgRegions: Map<string, Set<string>>;
  clients: ClientIdentity[];
  placementClients: Map<string, string>;
  /** Chosen MAP part → client: the offering party may name the clients who chose its parts. */
  choiceClients: Map<string, string>;
}

export async function harvestOwnership(pg: Client): Promise<Ownership> {
  const records = {} as Record<IdKind, Map<string, OwnedRecord>>;
  for (const kind of ID_KINDS) {
    const sql = OWNER_SQL[kind];
    const params = kind === 'client' || kind === 'municipality' ? [[...PROVIDER_VISIBLE_CLIENT_STATUSES]] : kind === 'placement' ? [[...PROVIDER_VISIBLE_PLACEMENT_STATUSES]] : [];
    const { rows } = await pg.query<{ id: string; owners: string[]; related: string[]; probe?: boolean }>(
      `SELECT * FROM (${sql}) AS owned ORDER BY ${sql.includes(' AS rank') ? 'owned.rank DESC, ' : ''}owned.id`,
      params,
    );
    records[kind] = new Map(rows.map((row) => [row.id, { id: row.id, owners: row.owners.filter(Boolean), related: row.related.filter(Boolean), probe: row.probe === true }]));
  }
  const orgRegions = new Map<string, Set<string>>();
  const { rows: orgs } = await pg.query<{ id: string; kind: string; region_id: string | null }>(`SELECT id, kind, region_id FROM organisation`);
  const { rows: providerRegions } = await pg.query<{ provider_id: string; region_id: string }>(`SELECT DISTINCT k.provider_id, l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id`);
  for (const org of orgs) {
    const regions = new Set<string>();
    if (org.kind === 'REGION') regions.add(org.id);
    if (org.region_id) regions.add(org.region_id);
    orgRegions.set(org.id, regions);
  }
  for (const row of providerRegions) orgRegions.get(row.provider_id)?.add(row.region_id);
  const { rows: clients } = await pg.query<{ id: string; client_number: number; first_name: string; last_name: string }>(`SELECT id, client_number, first_name, last_name FROM client`);
  const { rows: placements } = await pg.query<{ id: string; client_id: string }>(`SELECT id, client_id FROM placement`);
  const placementClients = new Map(placements.map((row) => [row.id, row.client_id]));
  const { rows: choices } = await pg.query<{ id: string; client_id: string }>(`SELECT id, client_id FROM map_part_choice`);
  const choiceClients = new Map(choices.map((row) => [row.id, row.client_id]));
  return { records, orgRegions, placementClients, choiceClients, clients: clients.map((c) => ({ id: c.id, clientNumber: c.client_number, firstName: c.first_name, lastName: c.last_name })) };
}

export type IdClass = 'own' | 'sameRegionForeign' | 'otherRegionForeign';
export const ID_CLASSES: readonly IdClass[] = ['own', 'sameRegionForeign', 'otherRegionForeign'];

export interface ActorInfo {
  /** The organisation the user acts for; null for anonymous. */
  organisationId: string | null;
  /** The regions the actor lives in (anonymous: pretend Midden-Gelderland, so "same region" still means something). */
  regions: Set<string>;
}

export function canSee(ownership: Ownership, actor: ActorInfo, kind: IdKind, id: string): boolean | undefined {
  const record = ownership.records[kind].get(id);
  if (!record) return undefined;
  return actor.organisationId !== null && record.owners.includes(actor.organisationId);
}

/** One id of a kind for an id class, or null when the database holds none. */
export function pickId(ownership: Ownership, actor: ActorInfo, kind: IdKind, idClass: IdClass): string | null {
  const candidates = [...ownership.records[kind].values()];
  const inRegion = (record: OwnedRecord): boolean => record.owners.some((owner) => [...(ownership.orgRegions.get(owner) ?? [])].some((region) => actor.regions.has(region)));
  const own = (record: OwnedRecord): boolean => actor.organisationId !== null && record.owners.includes(actor.organisationId);
  const filtered =
    idClass === 'own' ? candidates.filter(own) : candidates.filter((record) => !own(record) && (idClass === 'sameRegionForeign' ? inRegion(record) : !inRegion(record)));
  if (filtered.length === 0) return null;
  // Prefer a foreign record that points at the actor (a provider's own placement it may not see): the sharpest probe.
  const pointing = actor.organisationId ? filtered.filter((record) => record.related.includes(actor.organisationId as string)) : [];
  return (pointing.find((record) => record.probe) ?? pointing[0] ?? filtered[0]).id;
}

/** Which id kind a returned field holds, by type and field name; checked against the owner sets. */
export const RESPONSE_ID_FIELDS: Record<string, Partial<Record<string, IdKind>>> = {
  Client: { id: 'client' },
  ClientProgress: { clientId: 'client' },
  HourGridRow: { clientId: 'client', placementId: 'placement' },
  IntegrationResult: { id: 'result', clientId: 'client', placementId: 'placement' },
  Placement: { id: 'placement', clientId: 'client' },
  ProviderPlacement: { id: 'placement' },
  PlacementProgress: { placementId: 'placement' },
  HourEntry: { id: 'hourEntry', placementId: 'placement', correctsEntryId: 'hourEntry' },
  HourPeriod: { id: 'hourPeriod' },
  Lot: { id: 'lot' },
  PlacementLot: { id: 'lot' },
  LotCapacity: { lotId: 'lot' },
  MunicipalityDemand: { lotId: 'lot' },
  Contract: { id: 'contract', lotId: 'lot' },
  StartMoment: { id: 'startMoment', contractId: 'contract', lotId: 'lot' },
  StartMomentSlot: { id: 'startMoment' },
  QualityRequirement: { id: 'qualityRequirement', contractId: 'contract' },
  QualityEvidence: { id: 'evidence', requirementId: 'qualityRequirement' },
  EvidenceForReview: { id: 'evidence', requirementId: 'qualityRequirement', contractId: 'contract' },
  StoredDocument: { id: 'document' },
  Signal: { id: 'signal' },
  DeadlineSignal: { clientId: 'client' },
  DuoMessage: { clientId: 'client' },
  DuoLink: { municipalityId: 'municipality' },
  ImportBatch: { id: 'importBatch' },
  SubRegion: { id: 'subRegion' },
  Invoice: { id: 'invoice', contractId: 'contract' },
  InvoiceLine: { id: 'invoiceLine' },
  ContractInvoicing: { contractId: 'contract' },
  PresenceLessonSummary: { id: 'lesson', groupId: 'group' },
  PresenceLesson: { id: 'lesson', groupId: 'group' },
  PresenceStudent: { placementId: 'placement' },
  PresenceMark: { placementId: 'placement' },
  PresenceGroup: { id: 'group', teacherUserId: 'teacher' },
  PresenceGroupMember: { placementId: 'placement' },
  PresenceCard: { placementId: 'placement' },
  PresenceTeacher: { id: 'teacher' },
  QuarterlyReport: { id: 'report', lotId: 'lot' },
  MapPart: { id: 'mapPart' },
  MapPartChoice: { id: 'mapPartChoice', mapPartId: 'mapPart' },
  ClientMapParts: { clientId: 'client' },
  MapPartParticipant: { id: 'mapPartChoice', mapPartId: 'mapPart' },
  ManagedUser: { id: 'appUser', organisationId: 'userOrganisation' },
  ManagedOrganisation: { id: 'userOrganisation' },
  Passkey: { id: 'passkey' },
  AdminSubRegion: { id: 'subRegion' },
  AdminMunicipality: { id: 'municipality', subRegionId: 'subRegion' },
  AdminProvider: { id: 'provider' },
  // Provider master data (name, KvK, keurmerk) is listed to every region on purpose ("Alle aanbieders op het platform,
  // om contracten aan te gunnen"); writes to a provider are what the matrix guards (saveProvider).
};

/** Types that name a client: a client number with a name, or a name, must belong to a client the actor may name. */
const CLIENT_NAMING_TYPES = new Set(['Client', 'ClientProgress', 'HourGridRow', 'PlacedClient', 'DeadlineSignal', 'PresenceStudent', 'PresenceGroupMember', 'MapPartParticipant']);
const CLIENT_ID_FIELD: Record<string, string> = { Client: 'id', ClientProgress: 'clientId', HourGridRow: 'clientId', DeadlineSignal: 'clientId' };

/**
 * Every place in a response where data of another tenant shows: an id of a known record the actor may not see, or
 * the name (with client number) of a client the actor may not name. A provider may name the client of a placement it
 * may see (its inbox shows who is asked for). Ids that are not in the harvest (just created) are skipped.
 */
export function findLeaks(ownership: Ownership, actor: ActorInfo, data: unknown): string[] {
  const leaks: string[] = [];
  const nameable = new Set(ownership.clients.filter((client) => canSee(ownership, actor, 'client', client.id)).map((client) => client.id));
  for (const [placementId, clientId] of ownership.placementClients) if (canSee(ownership, actor, 'placement', placementId)) nameable.add(clientId);
  for (const [choiceId, clientId] of ownership.choiceClients) if (canSee(ownership, actor, 'mapPartChoice', choiceId)) nameable.add(clientId);
  const identities = (client: ClientIdentity): string[] => [`${client.firstName} ${client.lastName}`, `${client.lastName}, ${client.firstName}`].flatMap((name) => [name, `${client.clientNumber}|${name}`]);
  const nameableIdentities = new Set(ownership.clients.filter((client) => nameable.has(client.id)).flatMap(identities));
  const allIdentities = new Set(ownership.clients.flatMap(identities));
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}[${index}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const typename = typeof object.__typename === 'string' ? object.__typename : '';
    for (const [field, kind] of Object.entries(RESPONSE_ID_FIELDS[typename] ?? {})) {
      const id = object[field];
      if (typeof id === 'string' && kind && canSee(ownership, actor, kind, id) === false) leaks.push(`${path}.${field}: ${kind} ${id} van een andere organisatie`);
    }
    const clientIdField = CLIENT_ID_FIELD[typename];
    const idChecked = clientIdField !== undefined && typeof object[clientIdField] === 'string';
    if (CLIENT_NAMING_TYPES.has(typename) && !idChecked) {
      const name = typeof object.clientName === 'string' ? object.clientName : typeof object.firstName === 'string' && typeof object.lastName === 'string' ? `${object.firstName} ${object.lastName}` : null;
      const identity = name && typeof object.clientNumber === 'number' ? `${object.clientNumber}|${name}` : name;
      if (identity && allIdentities.has(identity) && !nameableIdentities.has(identity)) leaks.push(`${path}: inburgeraar "${identity}" is van een ander`);
    }
    for (const [field, inner] of Object.entries(object)) walk(inner, `${path}.${field}`);
  };
  walk(data, '');
  return leaks;
}

export const TENANT_TABLES = [
  'organisation',
  'client',
  'client_history',
  'lot',
  'lot_municipality',
  'contract',
  'contract_version',
  'start_moment',
  'quality_requirement',
  'quality_evidence',
  'stored_document',
  'signal',
  'placement',
  'placement_event',
  'hour_entry',
  'hour_period',
  'import_batch',
  'integration_result',
  'absence_rule',
  'sub_region',
  'sub_region_municipality',
  'deadline_signal',
  'invoice',
  'invoice_line',
  'invoice_dispute',
  'invoice_number_counter',
  'contract_invoice_setting',
  'presence_group',
  'presence_group_member',
  'presence_lesson',
  'presence_credential',
  'presence_mark',
  'map_part',
  'map_part_choice',
  'app_user',
  'user_invitation',
  'admin_change',
] as const;

/**
 * Row-level triggers (test database only) that note every inserted, updated or deleted row of the tenant tables in
 * `authz_write_log`, so a check after each call is one small query instead of a scan of every table.
 */
export async function installWriteLog(pg: Client): Promise<void> {
  await pg.query(`CREATE TABLE IF NOT EXISTS authz_write_log (id bigserial PRIMARY KEY, table_name text NOT NULL, op text NOT NULL)`);
  await pg.query(`CREATE OR REPLACE FUNCTION authz_note_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO authz_write_log (table_name, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const table of TENANT_TABLES) {
    await pg.query(`DROP TRIGGER IF EXISTS authz_write_log ON "${table}"`);
    await pg.query(`CREATE TRIGGER authz_write_log AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION authz_note_write()`);
  }
}

/** The position in the write log; `writesSince` lists the tables written after it. */
export async function writeLogPosition(pg: Client): Promise<number> {
  const { rows } = await pg.query<{ id: string | null }>(`SELECT max(id) AS id FROM authz_write_log`);
  return Number(rows[0].id ?? 0);
}

export async function writesSince(pg: Client, position: number): Promise<string[]> {
  const { rows } = await pg.query<{ w: string }>(`SELECT table_name || ' ' || op || ' ×' || count(*) AS w FROM authz_write_log WHERE id > $1 GROUP BY table_name, op ORDER BY 1`, [position]);
  return rows.map((row) => row.w);
}

/** Row hashes per table (md5 over every row's text), for the before/after check over a whole phase. */
export async function tableRowHashes(pg: Client): Promise<Map<string, string>> {
  const sql = TENANT_TABLES.map((table) => `SELECT '${table}' AS t, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '-') AS h FROM "${table}" x`).join(' UNION ALL ');
  const { rows } = await pg.query<{ t: string; h: string }>(sql);
  return new Map(rows.map((row) => [row.t, row.h]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((table) => before.get(table) !== after.get(table));
}
