// Runs the authorisation matrix: every operation × every role × own / same-region foreign / other-region foreign ids.
import { randomUUID } from 'node:crypto';
import { isValidBsn } from '@inburgering/domain';
import type { Client } from 'pg';
import { GraphqlSession, loginAs, type GraphqlResult } from './graphql-session';
import { MATRIX_ROLES, OPERATION_DECLARATIONS, type MatrixRole, type OperationDeclaration } from './authz-declarations';
import {
  findLeaks,
  ID_CLASSES,
  pickId,
  writeLogPosition,
  writesSince,
  type ActorInfo,
  type IdClass,
  type IdKind,
  type Ownership,
} from './authz-ownership';
import { buildOperation, freshStrings, type JsonValue, type SchemaOperation } from './authz-schema';

export type CellClass = IdClass | 'none' | 'unknown';

export interface MatrixCell {
  operation: string;
  role: MatrixRole;
  idClass: CellClass;
  /** 'data' or the error code. */
  outcome: string;
  violations: string[];
}

export interface MatrixRun {
  cells: MatrixCell[];
  /** Operations that answered with a client's personal data at least once (so the processing-log check had work). */
  personalDataOperations: string[];
  skipped: { operation: string; role: MatrixRole; idClass: IdClass; reason: string }[];
}

interface Answer {
  outcome: string;
  message: string;
  result: GraphqlResult<unknown>;
}

function answerOf(result: GraphqlResult<unknown>): Answer {
  const error = result.errors?.[0];
  const hasData = result.data !== null && Object.values(result.data as Record<string, unknown>).some((value) => value !== null);
  if (error) return { outcome: error.extensions?.code ?? 'ERROR', message: error.message, result };
  return { outcome: hasData ? 'data' : 'null', message: '', result };
}

export async function actorInfo(pg: Client, role: MatrixRole | string, fallbackRegion: string): Promise<ActorInfo> {
  if (role === 'anonymous') return { organisationId: null, regions: new Set([fallbackRegion]) };
  const { rows } = await pg.query<{ organisation_id: string; kind: string; region_id: string | null }>(
    `SELECT u.organisation_id, o.kind, o.region_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
    [role],
  );
  if (!rows[0]) throw new Error(`Demo-gebruiker ${role} ontbreekt`);
  const regions = new Set<string>();
  if (rows[0].kind === 'REGION') regions.add(rows[0].organisation_id);
  if (rows[0].region_id) regions.add(rows[0].region_id);
  if (rows[0].kind === 'PROVIDER') {
    const { rows: lots } = await pg.query<{ region_id: string }>(`SELECT DISTINCT l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = $1`, [rows[0].organisation_id]);
    for (const lot of lots) regions.add(lot.region_id);
  }
  return { organisationId: rows[0].organisation_id, regions };
}

/** A BSN that passes the elfproef and is not in the database yet. */
export async function freshBsn(pg: Client): Promise<string> {
  const { rows } = await pg.query<{ bsn_hash: string }>(`SELECT bsn_hash FROM client`);
  const taken = new Set(rows.map((row) => row.bsn_hash));
  for (let n = 999_970_000 + Math.floor(Math.random() * 9000); ; n++) {
    const candidate = String(n);
    if (isValidBsn(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** Fields that carry a client's personal data in an answer (issue 14: every read of them is in the processing log). */
const PERSONAL_DATA_FIELDS = new Set(['firstName', 'lastName', 'clientName', 'dateOfBirth', 'intakeNotes', 'bsn', 'bsnMasked', 'revealBsn']);

/** The personal-data fields with a value anywhere in an answer. */
export function personalDataFieldsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) personalDataFieldsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (PERSONAL_DATA_FIELDS.has(key) && typeof inner === 'string' && inner !== '') found.add(key);
      else personalDataFieldsIn(inner, found);
    }
  }
  return found;
}

const processingLogSize = async (pg: Client) => Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM processing_log`)).rows[0].n);

/** The ids for one call, by class; null when the database has no record of the main kind for that class. */
function idsFor(declaration: OperationDeclaration, ownership: Ownership, actor: ActorInfo, idClass: IdClass | 'unknown'): Record<string, string> | null {
  const ids: Record<string, string> = {};
  const entries = Object.entries(declaration.ids);
  for (const [index, [path, kind]] of entries.entries()) {
    if (idClass === 'unknown') {
      ids[path] = randomUUID();
      continue;
    }
    let id: string | null;
    if (declaration.references?.includes(path) && idClass === 'own') {
      id = pickId(ownership, actor, kind, 'own') ?? pickId(ownership, actor, kind, 'sameRegionForeign');
    } else id = pickId(ownership, actor, kind, idClass);
    if (id === null && index === 0) return null;
    ids[path] = id ?? pickId(ownership, actor, kind, 'own') ?? randomUUID();
  }
  return ids;
}

export interface MatrixContext {
  pg: Client;
  url: string;
  ownership: Ownership;
  actors: Map<MatrixRole, ActorInfo>;
  sessions: Map<MatrixRole, GraphqlSession>;
  operations: SchemaOperation[];
  bsn: string;
}

export async function openSessions(url: string): Promise<Map<MatrixRole, GraphqlSession>> {
  const sessions = new Map<MatrixRole, GraphqlSession>();
  for (const role of MATRIX_ROLES) sessions.set(role, role === 'anonymous' ? new GraphqlSession(url) : await loginAs(url, role));
  return sessions;
}

function call(context: MatrixContext, operation: SchemaOperation, role: MatrixRole, ids: Record<string, string>): Promise<GraphqlResult<unknown>> {
  const declaration = OPERATION_DECLARATIONS[operation.name];
  const overrides: Record<string, JsonValue> = { ...(declaration.overrides ?? {}) };
  if (operation.name === 'registerClient') overrides['input.bsn'] = context.bsn;
  // A list of ids (municipalityIds) gets the one id of its class.
  const built = buildOperation(operation, {
    depth: 3,
    idFor: (path) => ids[path] ?? randomUUID(),
    stringFor: freshStrings,
    overrides,
  });
  return (context.sessions.get(role) as GraphqlSession).request(built.document, built.variables as never);
}

/**
 * Phase 1 queries (every class), phase 2 mutations with foreign and unknown ids (a per-call write check on the tenant
 * tables), phase 3 mutations with own ids (only the leak check: they may change rows). login/logout run on their own.
 */
export async function runMatrix(context: MatrixContext): Promise<MatrixRun> {
  const run: MatrixRun = { cells: [], skipped: [], personalDataOperations: [] };
  const queries = context.operations.filter((op) => op.type === 'query' && OPERATION_DECLARATIONS[op.name]);
  const mutations = context.operations.filter((op) => op.type === 'mutation' && OPERATION_DECLARATIONS[op.name] && !OPERATION_DECLARATIONS[op.name].session);

  /** checkWrites: 'always' (foreign ids), 'onError' (own ids: a refused or failed call must not leave rows behind), 'never'. */
  const probe = async (operation: SchemaOperation, role: MatrixRole, idClass: IdClass | 'none', writeRule: 'always' | 'onError' | 'never'): Promise<void> => {
    const checkWrites = writeRule !== 'never';
    const declaration = OPERATION_DECLARATIONS[operation.name];
    const actor = context.actors.get(role) as ActorInfo;
    const hasIds = Object.keys(declaration.ids).length > 0;
    const ids = idClass === 'none' ? {} : idsFor(declaration, context.ownership, actor, idClass);
    if (ids === null) {
      run.skipped.push({ operation: operation.name, role, idClass: idClass as IdClass, reason: 'geen id van deze soort' });
      return;
    }
    const before = checkWrites ? await writeLogPosition(context.pg) : null;
    const logBefore = await processingLogSize(context.pg);
    const answer = answerOf(await call(context, operation, role, ids));
    const violations = findLeaks(context.ownership, actor, answer.result.data).map((leak) => `lek: ${leak}`);
    const personal = personalDataFieldsIn(answer.result.data);
    if (personal.size > 0 && !run.personalDataOperations.includes(operation.name)) run.personalDataOperations.push(operation.name);
    if (personal.size > 0 && (await processingLogSize(context.pg)) === logBefore) {
      violations.push(`persoonsgegevens (${[...personal].join(', ')}) in het antwoord zonder regel in het verwerkingenlogboek`);
    }
    if (before !== null && (writeRule === 'always' || !['data', 'null'].includes(answer.outcome))) {
      const changed = await writesSince(context.pg, before);
      const what = writeRule === 'always' ? 'met een vreemd id' : `bij een geweigerde of mislukte aanroep (${idClass})`;
      if (changed.length) violations.push(`schrijft ${what} in: ${changed.join(', ')} (antwoord: ${answer.outcome} ${answer.message})`);
    }
    run.cells.push({ operation: operation.name, role, idClass, outcome: answer.outcome, violations });
    if (hasIds && (idClass === 'sameRegionForeign' || idClass === 'otherRegionForeign')) {
      const unknownIds = idsFor(declaration, context.ownership, actor, 'unknown') as Record<string, string>;
      // Ids of other kinds stay as in the foreign call, so only the main id differs.
      const [mainPath] = Object.keys(declaration.ids);
      const mixed = { ...ids, [mainPath]: unknownIds[mainPath] };
      const beforeUnknown = checkWrites ? await writeLogPosition(context.pg) : null;
      const unknown = answerOf(await call(context, operation, role, mixed));
      const unknownViolations: string[] = [];
      if (unknown.outcome !== answer.outcome || unknown.message !== answer.message) {
        unknownViolations.push(`vreemd id (${idClass}) geeft "${answer.outcome}: ${answer.message}", onbekend id geeft "${unknown.outcome}: ${unknown.message}"`);
      }
      if (beforeUnknown !== null) {
        const changed = await writesSince(context.pg, beforeUnknown);
        if (changed.length) unknownViolations.push(`schrijft met een onbekend id in: ${changed.join(', ')}`);
      }
      run.cells.push({ operation: operation.name, role, idClass: 'unknown', outcome: unknown.outcome, violations: unknownViolations });
    }
  };

  for (const operation of queries) {
    const hasIds = Object.keys(OPERATION_DECLARATIONS[operation.name].ids).length > 0;
    for (const role of MATRIX_ROLES) {
      if (!hasIds) await probe(operation, role, 'none', 'never');
      else for (const idClass of ID_CLASSES) await probe(operation, role, idClass, 'never');
    }
  }
  for (const operation of mutations) {
    if (Object.keys(OPERATION_DECLARATIONS[operation.name].ids).length === 0) continue;
    for (const role of MATRIX_ROLES) for (const idClass of ['sameRegionForeign', 'otherRegionForeign'] as const) await probe(operation, role, idClass, 'always');
  }
  for (const operation of mutations) {
    const hasIds = Object.keys(OPERATION_DECLARATIONS[operation.name].ids).length > 0;
    for (const role of MATRIX_ROLES) await probe(operation, role, hasIds ? 'own' : 'none', 'onError');
  }
  return run;
}

export function kindsOf(declaration: OperationDeclaration): IdKind[] {
  return Object.values(declaration.ids);
}
