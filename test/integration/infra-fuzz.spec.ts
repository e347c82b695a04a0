// Issue #8 (#7): a seeded fuzz run over every query and mutation of the committed schema, with random and hostile
// argument values, as every role and anonymously. Whatever the input, the API answers with a 4xx or a known error code;
// any HTTP 5xx or INTERNAL_SERVER_ERROR fails the test. Deterministic (fixed seed) and bounded in calls and time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { generateSyntheticBsn } from '@inburgering/domain';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { mulberry32 } from '../../apps/api/src/seed/synthetic-clients';

const SEED = 20261130;
const MAX_CALLS = 2400;
const MAX_MS = 120_000;
const CONCURRENCY = 4;
// Ending the session or logging in again would only test the fuzzer's own bookkeeping.
const SKIPPED = new Set(['logout', 'login']);

const random = mulberry32(SEED);
const chance = (p: number) => random() < p;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (max: number) => Math.floor(random() * max);

const HOSTILE_STRINGS = [
  '', ' ', 'a', '\u0000', 'tekst\u0000', '\u0000\u0000\u0000', "'; DROP TABLE client; --", '" OR 1=1 --', '%', '_', '\\', '\\x00',
  '${jndi:ldap://x}', '<script>alert(1)</script>', '🙂🙃', 'Ω≈ç√∫', '\uD800', '\u202E', 'x'.repeat(5_000), 'é'.repeat(300),
  '2026-02-30', '0000-00-00', '99999-12-31', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '6f1c7a0e-1234-4abc-8def-0123456789ab',
  generateSyntheticBsn(1), generateSyntheticBsn(2), '123456789', 'B1', 'ONDERWIJS', 'CONSULTANT', 'GM0202',
];
const HOSTILE_NUMBERS = [0, -1, 1, 2, 7, 59, 60, 61, 1_000, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e15, 0.5, -0.0001, 1e308];
const DATES = ['2026-01-01', '2026-02-29', '2025-02-29', '2026-13-01', '2026-00-10', '1900-01-01', '2999-12-31', '2026-6-1', '20260101', '9999-99-99'];

const schema = buildSchema(readFileSync(join(__dirname, '../../libs/contracts/schema.graphql'), 'utf8'));
/** Real ids from the demo data, so some calls get past the lookup into the deeper code. */
const realIds: string[] = [];

function value(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return chance(0.03) ? null : value(type.ofType, depth);
  if (chance(0.04)) return null;
  if (isListType(type)) {
    if (chance(0.05)) return value(type.ofType, depth + 1); // a single value where a list is expected
    const length = chance(0.05) ? 60 : int(4);
    return Array.from({ length }, () => value(type.ofType, depth + 1));
  }
  if (chance(0.05)) return pick<unknown>([pick(HOSTILE_STRINGS), pick(HOSTILE_NUMBERS), true, {}, []]); // wrong type
  if (isEnumType(type)) return chance(0.85) ? pick(type.getValues()).value : pick(HOSTILE_STRINGS);
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    const fields = Object.values(type.getFields());
    const object: Record<string, unknown> = {};
    for (const field of fields) if (isNonNullType(field.type) || chance(0.6)) object[field.name] = value(field.type, depth + 1);
    if (chance(0.05)) object.onbekendVeld = 'x';
    return object;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return chance(0.5) && realIds.length > 0 ? pick(realIds) : pick(HOSTILE_STRINGS);
      case 'Int':
      case 'Float':
        return pick(HOSTILE_NUMBERS);
      case 'Boolean':
        return chance(0.5);
      case 'CalendarDate':
        return chance(0.7) ? pick(DATES) : pick(HOSTILE_STRINGS);
      case 'DateTime':
        return pick(['2026-01-01T00:00:00Z', 'gisteren', '2026-01-01T25:00:00Z', ...HOSTILE_STRINGS.slice(0, 5)]);
      default:
        return pick(HOSTILE_STRINGS);
    }
  }
  return null;
}

/** `query Fuzz($a: T!) { field(a: $a) { __typename } }`: the arguments as variables, the smallest valid selection. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args as readonly GraphQLArgument[];
  const chosen = args.filter((arg) => isNonNullType(arg.type) || chance(0.7));
  const definitions = chosen.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = chosen.length ? `(${chosen.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind} Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${call}${selection} }`;
  const variables = Object.fromEntries(chosen.map((arg) => [arg.name, value(arg.type, 0)]));
  return { query, variables };
}

const fields = (type: GraphQLObjectType | null | undefined, kind: 'query' | 'mutation') =>
  Object.values(type?.getFields() ?? {})
    .filter((field) => !SKIPPED.has(field.name))
    .map((field) => ({ kind, field }));
const OPERATIONS = [...fields(schema.getQueryType(), 'query'), ...fields(schema.getMutationType(), 'mutation')];

const ROLES = [
  'consulent@arnhem.demo.nl',
  'aanbieder@newbees.demo.nl',
  'projectleider@midden-gelderland.demo.nl',
  'beheer@midden-gelderland.demo.nl',
] as const;

let platform: TestPlatform;
const sessions: { cookie: string | null; name: string }[] = [];
beforeAll(async () => {
  platform = await startTestPlatform();
  for (const email of ROLES) {
    const session = await loginAs(platform.url, email);
    sessions.push({ name: email, cookie: session.lastSetCookie?.split(';')[0] ?? null });
  }
  sessions.push({ name: 'anoniem', cookie: null });
  const leader = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
  const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  const lots = await leader.request<{ lots: { id: string }[] }, never>(`{ lots { id } }`);
  const clients = await consultant.request<{ clients: { items: { id: string }[] } }, never>(`{ clients(limit: 20) { items { id } } }`);
  realIds.push(...(lots.data?.lots ?? []).map((lot) => lot.id).slice(0, 10), ...(clients.data?.clients.items ?? []).map((client) => client.id));
}, 120_000);
afterAll(() => platform?.close());

interface Failure {
  operation: string;
  role: string;
  status: number;
  code: string;
}

it(`answers ${MAX_CALLS} random and hostile calls without a single 5xx or INTERNAL_SERVER_ERROR`, async () => {
  expect(OPERATIONS.length).toBeGreaterThan(50);
  const plan = Array.from({ length: MAX_CALLS }, () => {
    const { kind, field } = pick(OPERATIONS);
    return { name: field.name, session: pick(sessions), ...operation(kind, field) };
  });
  const failures: Failure[] = [];
  const started = Date.now();
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < plan.length && Date.now() - started < MAX_MS) {
      const call = plan[next++];
      const response = await fetch(`${platform.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(call.session.cookie ? { cookie: call.session.cookie } : {}) },
        body: JSON.stringify({ query: call.query, variables: call.variables }),
      });
      const text = await response.text();
      let codes: string[] = [];
      try {
        codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code ?? 'GEEN_CODE');
      } catch {
        codes = ['GEEN_JSON'];
      }
      const bad = codes.find((code) => code === 'INTERNAL_SERVER_ERROR' || code === 'GEEN_CODE' || code === 'GEEN_JSON');
      if (response.status >= 500 || bad) failures.push({ operation: call.name, role: call.session.name, status: response.status, code: bad ?? String(codes[0]) });
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // At least most of the plan must have run, so a slow machine cannot turn the fuzz run into a handful of calls.
  expect(done).toBeGreaterThanOrEqual(Math.min(MAX_CALLS, 1000));
  const summary = [...new Set(failures.map((f) => `${f.operation} als ${f.role}: HTTP ${f.status} ${f.code}`))];
  expect(summary).toEqual([]);
}, MAX_MS + 60_000);
