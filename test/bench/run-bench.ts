// `npm run bench [-- --scale small|national] [--rebuild]`: the platform as users run it (embedded PostgreSQL with
// fsync on, Redis with append-only file, the API and the worker compiled as the image runs them, default settings) on
// generated data of the chosen scale, measured warm: every main page and mutation of every role (sequential p50/p95,
// p95 with 10 users at once, answer size), the request path against a bare Apollo Server, the hours import against
// COPY, a closed presence list to the absence signal at the consultant, and the API's memory. Prints one table: each figure, its target, met or not. Never fails on a missed target
// (it is not a test); exits non-zero only when it could not run. `--only=import` (or pages, path, presence, report) runs
// one part; BENCH_CPU_PROF=<dir> writes CPU profiles of the API and the worker there (the worker logs each import's steps).
import { calendarDateInAmsterdam, startOfIsoWeek } from '@inburgering/domain';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { BENCH_BSN_KEY, prepareBenchDatabase, ROOT } from './bench-database';
import { alternatingRatio, BenchClient, BenchUser, percentile, type Throughput } from './bench-http';
import { benchQuarterlyReport } from './quarterly-report-bench';
import { BENCH_OPERATIONS, loadPortalOperations, TYPENAME_QUERY, type BenchRole, type BenchTenants } from './bench-operations';
import { RssSampler, startPlatform } from './bench-platform';
import { SCALES, type BenchScale } from './bench-scales';
import { drainJobs } from './drain-jobs';
import { benchHoursImport } from './hours-import-bench';
import { benchPresenceSignal } from './presence-signal-bench';
import { BENCH_PASSWORD } from './national-data';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof import('../../scripts/lib/redis-server.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSystemPackages, REDIS } = require('../../scripts/lib/system-packages.cjs') as typeof import('../../scripts/lib/system-packages.cjs');

const USERS = 10;
const RATIO_CONNECTIONS = 50;
/** The request path: hello and the measured request alternate, RATIO_ROUNDS rounds of RATIO_SECONDS each. */
const RATIO_ROUNDS = 5;
const RATIO_SECONDS = 2;
/** Time budgets per operation: at national scale a slow page still finishes the bench in minutes. */
const SEQUENTIAL_BUDGET_MS = 10_000;
const CONCURRENT_BUDGET_MS = 15_000;

interface Row {
  what: string;
  value: string;
  target: string;
  met: boolean | null;
}

const log = (line: string) => console.log(`[bench] ${line}`);

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

type Part = 'pages' | 'path' | 'import' | 'presence' | 'report';

function parseArgs(argv: string[]): { scale: BenchScale; rebuild: boolean; parts: Set<Part>; ops: string[] | null } {
  const index = argv.indexOf('--scale');
  const value = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--scale='))?.slice(8);
  const name = (value ?? 'small') as BenchScale['name'];
  if (!SCALES[name]) throw new Error(`Onbekende schaal ${value}; kies small of national.`);
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') as Part[] | undefined;
  // `--op=caseload,goedkeuren`: only the pages and mutations whose label contains one of these (with --only=pages).
  const ops = argv.find((a) => a.startsWith('--op='))?.slice(5).split(',').filter(Boolean) ?? null;
  return { scale: SCALES[name], rebuild: argv.includes('--rebuild'), parts: new Set(only ?? ['pages', 'path', 'import', 'presence', 'report']), ops };
}

/** The largest tenants and the records the mutations work on, from SQL; the records are put in their start state. */
async function readTenants(pg: Client, today: string): Promise<BenchTenants & { emails: Record<BenchRole, string>; describe: string }> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pg.query(sql, params)).rows[0] as T;
  const municipality = await one<{ id: string; name: string; n: number }>(
    `SELECT m.id, m.name, count(*)::int AS n FROM client c JOIN organisation m ON m.id = c.municipality_id GROUP BY m.id, m.name ORDER BY n DESC LIMIT 1`);
  const provider = await one<{ id: string; name: string; n: number }>(
    `SELECT o.id, o.name, count(DISTINCT p.client_id)::int AS n FROM placement p JOIN organisation o ON o.id = p.provider_id
      WHERE p.status IN ('REQUESTED', 'ACCEPTED', 'STARTED') GROUP BY o.id, o.name ORDER BY n DESC LIMIT 1`);
  const region = await one<{ id: string; name: string; n: number }>(
    `SELECT r.id, r.name, count(*)::int AS n FROM client c JOIN organisation m ON m.id = c.municipality_id JOIN organisation r ON r.id = m.region_id GROUP BY r.id, r.name ORDER BY n DESC LIMIT 1`);
  const contract = await one<{ id: string; lot_id: string }>(
    `SELECT k.id, k.lot_id FROM contract k JOIN lot l ON l.id = k.lot_id LEFT JOIN placement p ON p.contract_id = k.id
      WHERE l.region_id = $1 GROUP BY k.id, k.lot_id ORDER BY count(p.id) DESC, k.id LIMIT 1`, [region.id]);
  // The provider's pair with the largest municipality it serves (the largest municipality itself if it serves it).
  const pair = await one<{ municipality_id: string }>(
    `SELECT p.municipality_id FROM placement p WHERE p.provider_id = $1 AND p.status = 'STARTED' GROUP BY p.municipality_id
      ORDER BY (p.municipality_id = $2) DESC, count(*) DESC LIMIT 1`, [provider.id, municipality.id]);
  const placements = await pg.query<{ id: string }>(
    `SELECT id FROM placement WHERE provider_id = $1 AND status = 'STARTED' ORDER BY (municipality_id = $2) DESC, id LIMIT $3`, [provider.id, pair.municipality_id, USERS]);
  // Submitting: months 2..11 back of the provider with that municipality, open.
  const months = await pg.query<{ month: string }>(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month FROM hour_period WHERE provider_id = $1 AND municipality_id = $2 ORDER BY month DESC LIMIT $3`, [provider.id, pair.municipality_id, USERS]);
  await pg.query(`UPDATE hour_period SET status = 'OPEN', submitted_at = NULL, decided_at = NULL WHERE provider_id = $1 AND municipality_id = $2 AND month = ANY ($3::date[])`,
    [provider.id, pair.municipality_id, months.rows.map((m) => m.month)]);
  // Approving and rejecting: the most recent months of the largest municipality with other providers, submitted.
  const periods = await pg.query<{ id: string }>(
    `SELECT id FROM hour_period WHERE municipality_id = $1 AND provider_id <> $2 ORDER BY month DESC, id LIMIT $3`, [municipality.id, provider.id, USERS]);
  await pg.query(`UPDATE hour_period SET status = 'SUBMITTED', submitted_at = now(), decided_at = NULL WHERE id = ANY ($1::uuid[])`, [periods.rows.map((p) => p.id)]);
  const requirement = await one<{ id: string }>(
    `SELECT q.id FROM quality_requirement q JOIN contract k ON k.id = q.contract_id LEFT JOIN quality_evidence e ON e.requirement_id = q.id
      WHERE k.provider_id = $1 GROUP BY q.id ORDER BY count(e.id) DESC, q.id LIMIT 1`, [provider.id]);
  const email = async (organisationId: string, role: string) => (await one<{ email: string }>(`SELECT email FROM app_user WHERE organisation_id = $1 AND role = $2 ORDER BY email LIMIT 1`, [organisationId, role])).email;
  const cycle = <T>(list: T[]) => Array.from({ length: USERS }, (_, i) => list[i % list.length]);
  return {
    today,
    weekStart: startOfIsoWeek(today),
    providerId: provider.id,
    municipalityId: pair.municipality_id,
    regionId: region.id,
    contractId: contract.id,
    lotId: contract.lot_id,
    placementIds: cycle(placements.rows.map((p) => p.id)),
    periodIds: periods.rows.map((p) => p.id),
    submitMonths: months.rows.map((m) => m.month),
    qualityRequirementId: requirement.id,
    emails: {
      provider: await email(provider.id, 'PROVIDER_USER'),
      consultant: await email(municipality.id, 'CONSULTANT'),
      projectleider: await email(region.id, 'PROJECTLEIDER'),
      admin: await email(region.id, 'ADMIN'),
    },
    describe: `grootste gemeente ${municipality.name} (${municipality.n} inburgeraars), grootste aanbieder ${provider.name} (${provider.n} geplaatste inburgeraars), grootste regio ${region.name} (${region.n} inburgeraars)`,
  };
}

function printTable(rows: Row[]): void {
  const header = ['wat', 'gemeten', 'doel', 'gehaald'];
  const cells = rows.map((r) => [r.what, r.value, r.target, r.met === null ? '–' : r.met ? 'ja' : 'NEE']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  const measured = rows.filter((r) => r.met !== null);
  console.log(`\nDoelen gehaald: ${measured.filter((r) => r.met).length} van ${measured.length}.`);
}

async function main() {
  const { scale, rebuild, parts, ops } = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  // Ctrl-C or a kill mid-run: stop what the bench started (API, worker, PostgreSQL, Redis) before leaving, not orphan them.
  const interrupted = async (signal: NodeJS.Signals) => {
    console.error(`[bench] ${signal}: gestopt, processen van de bench worden beëindigd…`);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', (signal) => void interrupted(signal));
  process.once('SIGTERM', (signal) => void interrupted(signal));
  const logDir = join(ROOT, '.data/bench/logs');
  try {
    // As `npm start` and `npm test`: a fresh machine gets redis-server installed where this process may, or one clear
    // message, before minutes of generating data.
    const redisServer = ensureSystemPackages([REDIS], { say: log });
    if (!redisServer.ok) throw new Error(redisServer.message);
    const database = await prepareBenchDatabase(scale, { rebuild, log });
    stops.push(() => database.pg.stop());
    const counts = database.template.counts;
    log(`Database: ${(database.sizeBytes / 1024 ** 3).toFixed(2)} GB; ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString('nl-NL')}`).join(', ')}.`);
    rows.push({ what: `database (schaal ${scale.name})`, value: `${(database.sizeBytes / 1024 ** 3).toFixed(2)} GB, ${counts.client?.toLocaleString('nl-NL')} inburgeraars, ${counts.placement?.toLocaleString('nl-NL')} plaatsingen, ${counts.hour_entry?.toLocaleString('nl-NL')} uren`, target: scale.name === 'national' ? '60.000 / 60.700 / 10,4 mln' : '–', met: null });
    if (database.built) rows.push({ what: 'benchdata genereren', value: `${database.template.seconds} s`, target: 'enkele minuten', met: scale.name === 'national' ? database.template.seconds <= 600 : null });

    const redisDir = join(ROOT, '.data/bench/redis');
    rmSync(redisDir, { recursive: true, force: true });
    const redis = await startRedis(redisDir);
    stops.push(() => redis.stop());

    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    stops.push(() => pg.end());
    // Resets between mutations run from up to 10 users at once: a small pool of their own.
    const resets = new Pool({ connectionString: database.url, max: USERS });
    stops.push(() => resets.end());
    const today = calendarDateInAmsterdam(new Date());
    const tenants = await readTenants(pg, today);
    log(tenants.describe);

    mkdirSync(logDir, { recursive: true });
    const platform = await startPlatform(database.url, redis.url, BENCH_BSN_KEY, logDir);
    stops.push(() => platform.worker.stop(), () => platform.api.stop());
    log(`API (pid ${platform.api.child.pid}) en worker (pid ${platform.worker.child.pid}) gestart; logs in .data/bench/logs.`);
    const rss = new RssSampler(platform.api.child.pid!);
    rss.start();

    // The reference in production mode too, as the API runs (bench-platform.ts).
    const bare = spawn(process.execPath, ['-r', join(ROOT, 'scripts/register.cjs'), join(ROOT, 'test/bench/bare-apollo.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    stops.push(async () => { bare.kill('SIGTERM'); });
    const barePort = await new Promise<number>((resolve, reject) => {
      bare.stdout!.on('data', (chunk: Buffer) => { const m = /PORT=(\d+)/.exec(chunk.toString()); if (m) resolve(Number(m[1])); });
      bare.once('exit', () => reject(new Error('De kale Apollo-server startte niet.')));
    });

    const client = new BenchClient(platform.url, 128);
    const operations = loadPortalOperations(ROOT);
    const sessions = {} as Record<BenchRole, BenchUser[]>;
    for (const role of Object.keys(tenants.emails) as BenchRole[]) {
      sessions[role] = [];
      for (let u = 0; u < USERS; u += 1) sessions[role].push(await BenchUser.login(client, tenants.emails[role], BENCH_PASSWORD));
    }
    log(`Ingelogd als ${Object.values(tenants.emails).join(', ')} (${USERS} sessies elk).`);

    // Every page and mutation: warm-up, sequential runs, then 10 users at once.
    for (const op of parts.has('pages') ? BENCH_OPERATIONS.filter((o) => !ops || ops.some((part) => o.label.includes(part))) : []) {
      // Each operation on a quiet worker: the previous one's jobs (some 140 submissions of a month, each checking that month's
      // absence) would otherwise run during this one's measurement.
      const drained = await drainJobs(resets);
      if (drained.ms > 1_000) log(`wachten op de jobs van de vorige meting: ${(drained.ms / 1000).toFixed(1)} s${drained.owed > 0 ? ` (${drained.owed} nog niet klaar)` : ''}`);
      const previous = new Map<number, unknown>();
      let errors = 0;
      let firstError = '';
      let maxBytes = 0;
      const send = async (user: number) => {
        const call = op.call(tenants, user, previous.get(user) ?? null);
        const query = operations.get(call.operation);
        if (!query) throw new Error(`Operatie ${call.operation} staat niet in libs/contracts/operations.`);
        const answer = await sessions[op.role][user].graphql(query, call.variables);
        previous.set(user, answer.json);
        maxBytes = Math.max(maxBytes, answer.bytes);
        if (answer.json.errors?.length) {
          errors += 1;
          firstError ||= answer.json.errors[0].message;
        }
        if (op.reset) {
          const reset = op.reset(tenants, user);
          await resets.query(reset.sql, reset.params);
        }
        return answer.ms;
      };
      try {
        // Warm-up, then the runs; an operation that takes seconds gets a time budget instead of all its runs. The warm-up
        // ends with one call of every user at once: warm means every connection the API keeps has run the page once, as
        // on a server that has been up a while (a new backend first loads its catalog caches: a few times slower).
        let quick = true;
        for (let i = 0; i < 3 && quick; i += 1) quick = (await send(0)) <= 1_000;
        if (quick) await Promise.all(Array.from({ length: USERS }, (_, user) => send(user)));
        // Each measured phase starts on a quiet worker, as each operation does: it meets the background work it causes
        // itself (a submitted month's absence check), not the backlog of the phase before (ten months at once).
        await drainJobs(resets);
        const sequential: number[] = [];
        const seqUntil = performance.now() + SEQUENTIAL_BUDGET_MS;
        for (let i = 0; i < scale.sequentialRuns && (i < 3 || performance.now() < seqUntil); i += 1) sequential.push(await send(0));
        sequential.sort((a, b) => a - b);
        await drainJobs(resets);
        const concurrent: number[] = [];
        const perUser = Math.ceil(scale.concurrentRequests / USERS);
        const concUntil = performance.now() + CONCURRENT_BUDGET_MS;
        await Promise.all(Array.from({ length: USERS }, async (_, user) => {
          for (let i = 0; i < perUser && (i < 1 || performance.now() < concUntil); i += 1) concurrent.push(await send(user));
        }));
        concurrent.sort((a, b) => a - b);
        const failed = errors > 0 ? ` (${errors} fouten: ${firstError.slice(0, 60)})` : '';
        const samples = ` (n=${sequential.length})`;
        const p95 = percentile(sequential, 0.95);
        const p95c = percentile(concurrent, 0.95);
        if (op.informational) {
          rows.push({ what: `${op.label}: sequentieel p50 / p95`, value: `${ms(percentile(sequential, 0.5))} / ${ms(p95)}${samples}${failed}`, target: op.informational, met: null });
          rows.push({ what: `${op.label}: ${USERS} tegelijk p95`, value: `${ms(p95c)} (n=${concurrent.length})`, target: op.informational, met: null });
          log(`${op.label}: p50 ${ms(percentile(sequential, 0.5))}, p95 ${ms(p95)}, ${USERS} tegelijk p95 ${ms(p95c)}${failed}`);
          continue;
        }
        rows.push({ what: `${op.label}: sequentieel p50 / p95`, value: `${ms(percentile(sequential, 0.5))} / ${ms(p95)}${samples}${failed}`, target: 'p95 ≤ 50 ms', met: errors === 0 && p95 <= 50 });
        rows.push({ what: `${op.label}: ${USERS} tegelijk p95`, value: `${ms(p95c)} (n=${concurrent.length})`, target: '≤ 250 ms', met: errors === 0 && p95c <= 250 });
        rows.push({ what: `${op.label}: grootste antwoord`, value: kb(maxBytes), target: '≤ 200 KB', met: maxBytes <= 200 * 1024 });
        log(`${op.label}: p50 ${ms(percentile(sequential, 0.5))}, p95 ${ms(p95)}, ${USERS} tegelijk p95 ${ms(p95c)}, ${kb(maxBytes)}${failed}`);
      } catch (err) {
        rows.push({ what: op.label, value: `kon niet meten: ${(err as Error).message.slice(0, 80)}`, target: '', met: false });
        log(`${op.label}: kon niet meten: ${(err as Error).message}`);
      }
    }

    // The request path, in the same run: bare Apollo `{ hello }`, the cheapest authenticated request, a caseload page.
    if (parts.has('path')) {
    const bareClient = new BenchClient(`http://127.0.0.1:${barePort}`, RATIO_CONNECTIONS);
    const anonymous = BenchUser.anonymous(bareClient);
    const hello = () => anonymous.graphql('{ hello }');
    const consultants = await Promise.all(Array.from({ length: RATIO_CONNECTIONS }, (_, i) => (i < USERS ? Promise.resolve(sessions.consultant[i]) : BenchUser.login(client, tenants.emails.consultant, BENCH_PASSWORD))));
    const typename = await alternatingRatio(RATIO_CONNECTIONS, RATIO_ROUNDS, RATIO_SECONDS, hello, async (u) => {
      const answer = await consultants[u].graphql(TYPENAME_QUERY);
      if (answer.json.errors?.length) throw new Error(answer.json.errors[0].message);
    });
    const caseloadQuery = operations.get('Clients')!;
    const caseload = await alternatingRatio(RATIO_CONNECTIONS, RATIO_ROUNDS, RATIO_SECONDS, hello, async (u) => {
      const answer = await consultants[u].graphql(caseloadQuery, { limit: 50, offset: 0 });
      if (answer.json.errors?.length) throw new Error(answer.json.errors[0].message);
    });
    bareClient.close();
    const rps = (r: Throughput) => `${r.perSecond.toFixed(0)} req/s (p95 ${ms(r.p95)}${r.errors ? `, ${r.errors} fouten` : ''})`;
    const pct = (ratio: number, decimals: number) => `${(ratio * 100).toFixed(decimals)}%`;
    // The median, and the rounds' range beside it: a figure near its target may be met in one run and not in the next.
    const rounds = (r: { lowest: number; highest: number }, decimals: number) => `mediaan van ${RATIO_ROUNDS} rondes, ${pct(r.lowest, decimals)}–${pct(r.highest, decimals)}`;
    rows.push({ what: `kale Apollo { hello } (eigen HTTP-server, zonder framework), ${RATIO_CONNECTIONS} verbindingen, afwisselend met elk van de twee hieronder`, value: rps(typename.reference), target: 'referentie', met: null });
    rows.push({ what: 'goedkoopste ingelogde verzoek { __typename }', value: `${rps(typename.measured)} = ${pct(typename.ratio, 0)} (${rounds(typename, 0)})`, target: '≥ 70% van { hello }', met: typename.measured.errors === 0 && typename.ratio >= 0.7 });
    rows.push({ what: 'caseloadpagina (consulent)', value: `${rps(caseload.measured)} = ${pct(caseload.ratio, 1)} (${rounds(caseload, 1)})`, target: '≥ 20% van { hello }', met: caseload.measured.errors === 0 && caseload.ratio >= 0.2 });
    log(`Verzoekpad: hello ${rps(typename.reference)} / ${rps(caseload.reference)}, __typename ${rps(typename.measured)}, caseload ${rps(caseload.measured)}`);
    }

    // The import, upload to APPLIED, against COPY of the same rows.
    if (parts.has('import')) try {
      const providerSession = { lastSetCookie: sessions.provider[0].sessionCookie };
      const imported = await benchHoursImport(platform.url, database.url, providerSession, tenants.providerId, tenants.municipalityId, BENCH_BSN_KEY, today);
      rows.push({ what: `COPY ${imported.rows} uurrijen in hour_entry (mediaan van ${imported.rounds} rondes na een opwarmronde)`, value: `${imported.copyRowsPerSecond.toFixed(0)} rijen/s (${ms(imported.copyMs)})`, target: 'referentie', met: null });
      rows.push({
        what: `urenimport ${imported.rows} rijen via de API (upload tot ${imported.importStatus}, fsync ${imported.fsync})`,
        value: `${imported.importRowsPerSecond.toFixed(0)} rijen/s (${ms(imported.importMs)}) = ${((imported.importRowsPerSecond / imported.copyRowsPerSecond) * 100).toFixed(0)}%`,
        target: '≥ 50% van COPY',
        met: imported.fsync === 'on' && imported.importStatus === 'APPLIED' && imported.importRowsPerSecond / imported.copyRowsPerSecond >= 0.5,
      });
      log(`Urenimport: ${imported.importRowsPerSecond.toFixed(0)} rijen/s tegen COPY ${imported.copyRowsPerSecond.toFixed(0)} rijen/s (${imported.importStatus}).`);
    } catch (err) {
      rows.push({ what: 'urenimport via de API', value: `kon niet meten: ${(err as Error).message.slice(0, 80)}`, target: '≥ 50% van COPY', met: false });
    }

    // A closed presence list to the absence signal on the consultant's page (issue 12: within a minute).
    if (parts.has('presence')) try {
      const presence = await benchPresenceSignal(client, pg, operations, tenants, sessions.provider[0], BENCH_PASSWORD);
      rows.push({
        what: `presentielijst afgesloten tot verzuimsignaal zichtbaar bij de consulent (n=${presence.runs})`,
        value: `p50 ${ms(presence.p50Ms)}, p95 ${ms(presence.p95Ms)}, max ${ms(presence.maxMs)}`,
        target: 'p95 ≤ 60 s',
        met: presence.p95Ms <= 60_000,
      });
      log(`Presentielijst tot signaal: p50 ${ms(presence.p50Ms)}, p95 ${ms(presence.p95Ms)} (n=${presence.runs}).`);
    } catch (err) {
      rows.push({ what: 'presentielijst afgesloten tot verzuimsignaal zichtbaar', value: `kon niet meten: ${(err as Error).message.slice(0, 80)}`, target: 'p95 ≤ 60 s', met: false });
    }

    // The quarterly report of the largest region, request to READY (issue 10: ≤ 10 s).
    if (parts.has('report')) try {
      const report = await benchQuarterlyReport(sessions.projectleider[0], operations, today);
      rows.push({ what: `kwartaalrapportage ${report.quarterLabel} van de grootste regio (aanvraag tot klaar)`, value: `${ms(report.ms)} (${report.status})`, target: '≤ 10 s', met: report.status === 'READY' && report.ms <= 10_000 });
      log(`Kwartaalrapportage: ${ms(report.ms)} (${report.status}).`);
    } catch (err) {
      rows.push({ what: 'kwartaalrapportage van de grootste regio', value: `kon niet meten: ${(err as Error).message.slice(0, 80)}`, target: '≤ 10 s', met: false });
    }

    const memory = rss.stop();
    rows.push({ what: 'API-geheugen onder de benchbelasting (RSS-piek)', value: `${memory.maxRssMb.toFixed(0)} MB gemeten, VmHWM ${memory.hwmMb.toFixed(0)} MB`, target: '≤ 300 MB', met: memory.hwmMb <= 300 });
    client.close();
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  console.log(`\nBench, schaal ${scale.name} (PostgreSQL met fsync aan, API en worker gebouwd zoals het image ze draait, standaardinstellingen):`);
  printTable(rows);
}

process.on('unhandledRejection', (reason) => console.error('[bench] onafgehandelde fout:', reason));
process.on('uncaughtException', (err) => console.error('[bench] onafgevangen fout:', err));

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
