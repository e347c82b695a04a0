// The bench's data generator: a whole country of regions, municipalities, providers, lots, contracts, start moments,
// clients, placements, hours, hour months, signals, deadline signals, quality evidence and users, set-based
// (INSERT ... SELECT over generate_series; the clients in one INSERT from arrays, because their BSN is encrypted in
// Node). It writes against the schema of BASE_MIGRATIONS; later migrations run on top of the result (and backfill).
import { addDays, calendarDateInAmsterdam, generateSyntheticBsn, type CalendarDate } from '@inburgering/domain';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { hashPassword } from '../../apps/api/src/auth';
import { BsnCrypto } from '../../apps/api/src/common';
import { FIRST_NAMES, LAST_NAMES, mulberry32 } from '../../apps/api/src/seed/synthetic-clients';
import { municipalitySizes, REGION_NAMES, type BenchScale } from './bench-scales';

/** Bump when the generated data changes shape: a template made by another version is built again. */
export const GENERATOR_VERSION = 3;

/** The migrations the generator writes against (the schema as it was when the generator was written). */
export const BASE_MIGRATIONS = [
  'CreateFoundation1795447532735',
  'AddProcurementAndPlacements1795448160837',
  'AddHoursResultsAndImports1795448565135',
  'AddProviderCreatedByRegion1795500000000',
  'AddFirstPipAndResolvedDeadlineSignals1795537080000',
];

export const BENCH_PASSWORD = 'Inburgering2026!';

export interface GeneratedCounts {
  [table: string]: number;
}

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface Step {
  (label: string, sql: string, params?: unknown[]): Promise<number>;
}

/** Generates the data of `scale` into an empty database migrated to BASE_MIGRATIONS. */
export async function generateNationalData(pg: Client, second: Client, scale: BenchScale, bsnKey: Buffer, log: (line: string) => void, today: CalendarDate = calendarDateInAmsterdam(new Date())): Promise<GeneratedCounts> {
  await pg.query(`SET synchronous_commit = off`);
  await pg.query(`SET maintenance_work_mem = '512MB'`);
  await pg.query(`SET work_mem = '64MB'`);
  const step: Step = async (label, sql, params = []) => {
    const started = performance.now();
    const result = await pg.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rijen in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result.rowCount ?? 0;
  };
  const year = Number(today.slice(0, 4));
  const periodStart = `${year - 2}-01-01`;
  const periodEnd = `${year + 1}-12-31`;
  const R = scale.regions;
  const chains = Math.max(2, Math.round(R / 3));
  const rocs = Math.max(1, Math.ceil(R / 3));
  const partners = Math.max(1, Math.ceil(R / 5));
  const regionName = (r: number) => `Arbeidsmarktregio ${REGION_NAMES[(r - 1) % REGION_NAMES.length]}${r > REGION_NAMES.length ? ` ${r}` : ''}`;
  const regionNames = Array.from({ length: R }, (_, i) => regionName(i + 1));

  // Organisations: regions, municipalities (round-robin over the regions, Zipf-sized), providers.
  await step('regio\'s', `INSERT INTO organisation (kind, name) SELECT 'REGION', n FROM unnest($1::text[]) WITH ORDINALITY AS t(n, r) ORDER BY r`, [regionNames]);
  const sizes = municipalitySizes(scale);
  await step('gemeenten',
    `INSERT INTO organisation (kind, name, region_id, cbs_code)
     SELECT 'MUNICIPALITY', 'Gemeente ' || replace(reg.name, 'Arbeidsmarktregio ', '') || ' ' || (((i - 1) / $2) + 1), reg.id, 'GM' || lpad(i::text, 4, '0')
       FROM generate_series(1, $1) i
       JOIN organisation reg ON reg.kind = 'REGION' AND reg.name = ($3::text[])[((i - 1) % $2) + 1]`,
    [scale.municipalities, R, regionNames]);
  await step('aanbieders',
    `INSERT INTO organisation (kind, name, kvk_number, provider_kind, keurmerk_number, keurmerk_valid_until, duo_institution_number, is_taalschakel_institution)
     SELECT 'PROVIDER', p.name, lpad((60000000 + p.n)::text, 8, '0'), p.kind,
            CASE WHEN p.kind <> 'OTHER_PARTNER' THEN 'BoW-INB-' || lpad(p.n::text, 4, '0') END,
            CASE WHEN p.kind <> 'OTHER_PARTNER' THEN $4::date + 400 END,
            CASE WHEN p.kind <> 'OTHER_PARTNER' THEN lpad((60000000 + p.n)::text, 8, '0') || 'BN' END,
            p.kind = 'EDUCATION_INSTITUTION'
       FROM (
         SELECT n, 'Taalinstituut Nederland ' || lpad(n::text, 2, '0') AS name, 'LANGUAGE_SCHOOL' AS kind FROM generate_series(1, $1) n
         UNION ALL SELECT 100 + n, 'Taalcentrum ' || replace(r.name, 'Arbeidsmarktregio ', ''), 'LANGUAGE_SCHOOL' FROM unnest($5::text[]) WITH ORDINALITY r(name, n)
         UNION ALL SELECT 200 + n, 'ROC Taalschakel ' || lpad(n::text, 2, '0'), 'EDUCATION_INSTITUTION' FROM generate_series(1, $2) n
         UNION ALL SELECT 300 + n, 'VluchtelingenWerk ' || lpad(n::text, 2, '0'), 'OTHER_PARTNER' FROM generate_series(1, $3) n
       ) p`,
    [chains, rocs, partners, today, regionNames]);

  // Lots per region: B1 (a national chain and the regional school), Z (another chain), Onderwijsroute (a ROC),
  // MAP (the regional school) and PVT (VluchtelingenWerk); every lot covers all municipalities of its region.
  await pg.query(`CREATE TEMP TABLE bench_lot_plan AS
     SELECT reg.id AS region_id, r.n AS region_no, l.subject, l.name, l.providers
       FROM unnest($1::text[]) WITH ORDINALITY r(name, n)
       JOIN organisation reg ON reg.kind = 'REGION' AND reg.name = r.name
       CROSS JOIN LATERAL (VALUES
         ('B1', 'B1-route', ARRAY['Taalinstituut Nederland ' || lpad((((r.n - 1) % $2) + 1)::text, 2, '0'), 'Taalcentrum ' || replace(r.name, 'Arbeidsmarktregio ', '')]),
         ('Z', 'Z-route', ARRAY['Taalinstituut Nederland ' || lpad((((r.n - 1 + $2 / 2) % $2) + 1)::text, 2, '0')]),
         ('ONDERWIJS', 'Onderwijsroute', ARRAY['ROC Taalschakel ' || lpad((((r.n - 1) % $3) + 1)::text, 2, '0')]),
         ('MAP', 'Module Arbeidsmarkt en Participatie', ARRAY['Taalcentrum ' || replace(r.name, 'Arbeidsmarktregio ', '')]),
         ('PVT', 'Participatieverklaringstraject', ARRAY['VluchtelingenWerk ' || lpad((((r.n - 1) % $4) + 1)::text, 2, '0')])
       ) AS l(subject, name, providers)`, [regionNames, chains, rocs, partners]);
  const priceModels = {
    B1: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_050_000, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 30 }] },
    Z: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 850_000, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Halverwege', percentage: 30 }, { name: 'Afronding', percentage: 30 }] },
    ONDERWIJS: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_400_000, milestones: [{ name: 'Start', percentage: 50 }, { name: 'Afronding', percentage: 50 }] },
    MAP: { kind: 'PER_MODULE', pricePerModuleCents: 180_000 },
    PVT: { kind: 'PER_MODULE', pricePerModuleCents: 45_000 },
  };
  await step('percelen',
    `INSERT INTO lot (region_id, name, subject, period_start, period_end, expected_volume_per_year, max_extension_months, extension_options, coverage, price_model)
     SELECT p.region_id, p.name, p.subject, $1, $2,
            greatest(10, (SELECT count(*) FROM organisation m WHERE m.region_id = p.region_id) * 15), 24, '2 x 12 maanden', 'ALL', ($3::jsonb) -> p.subject
       FROM bench_lot_plan p`, [periodStart, periodEnd, JSON.stringify(priceModels)]);
  await step('perceel-gemeenten', `INSERT INTO lot_municipality (lot_id, municipality_id) SELECT l.id, m.id FROM lot l JOIN organisation m ON m.kind = 'MUNICIPALITY' AND m.region_id = l.region_id`);
  await step('contracten',
    `INSERT INTO contract (lot_id, provider_id, status, starts_on, ends_on, ceiling_cents)
     SELECT l.id, pr.id, 'ACTIVE', $1, $2, (l.expected_volume_per_year * 3 * coalesce((l.price_model ->> 'priceCents')::bigint, (l.price_model ->> 'pricePerModuleCents')::bigint)) / cardinality(p.providers)
       FROM bench_lot_plan p JOIN lot l ON l.region_id = p.region_id AND l.subject = p.subject
       CROSS JOIN unnest(p.providers) AS prov(name) JOIN organisation pr ON pr.kind = 'PROVIDER' AND pr.name = prov.name`, [periodStart, periodEnd]);
  await step('contractversies',
    `INSERT INTO contract_version (contract_id, version, changes, reason)
     SELECT id, 1, jsonb_build_object('status', jsonb_build_object('from', null, 'to', 'ACTIVE'), 'startsOn', jsonb_build_object('from', null, 'to', starts_on), 'endsOn', jsonb_build_object('from', null, 'to', ends_on), 'ceilingCents', jsonb_build_object('from', null, 'to', ceiling_cents)), 'Gunning'
       FROM contract`);
  // Start moments: every six weeks from the contract start to 12 weeks ahead for the routes, quarterly for MAP and PVT.
  await step('instroommomenten',
    `INSERT INTO start_moment (contract_id, location, starts_on, seats, lesson_days, minutes_per_week, daypart)
     SELECT c.id, replace((SELECT m.name FROM organisation m WHERE m.region_id = l.region_id ORDER BY m.cbs_code LIMIT 1), 'Gemeente ', ''),
            d::date, 14, CASE WHEN k % 2 = 0 THEN ARRAY[1, 3]::smallint[] ELSE ARRAY[2, 4]::smallint[] END,
            CASE l.subject WHEN 'B1' THEN 720 WHEN 'Z' THEN 600 WHEN 'ONDERWIJS' THEN 1200 WHEN 'MAP' THEN 240 ELSE 180 END,
            CASE WHEN k % 5 = 4 THEN 'EVENING' ELSE 'DAYTIME' END
       FROM contract c JOIN lot l ON l.id = c.lot_id
       CROSS JOIN LATERAL generate_series(c.starts_on::timestamp + (CASE WHEN l.subject IN ('MAP', 'PVT') THEN interval '0 days' ELSE (abs(hashtext(c.id::text)) % 14) * interval '1 day' END),
                                          $1::date + 84, CASE WHEN l.subject IN ('MAP', 'PVT') THEN interval '13 weeks' ELSE interval '6 weeks' END) WITH ORDINALITY AS g(d, k)`, [today]);
  const requirements = [
    ['KEURMERK_VALID', 'Geldig keurmerk Blik op Werk', 'Keurmerk Inburgeren geldig gedurende de hele looptijd', null, 'YEARLY'],
    ['VOG_ALL_STAFF', 'VOG voor alle medewerkers', 'Alle medewerkers met klantcontact hebben een VOG', null, 'YEARLY'],
    ['NT2_QUALIFIED_SHARE', 'NT2-bevoegde docenten', 'Minimaal 80% van de docenten is NT2-bevoegd', '80', 'QUARTERLY'],
    ['CLIENT_SATISFACTION', 'Klanttevredenheid', 'Gemiddeld rapportcijfer minimaal 7,5', '7.5', 'YEARLY'],
    ['QUARTERLY_REPORT', 'Kwartaalrapportage', 'Kwartaalrapportage binnen 4 weken na het kwartaal', null, 'QUARTERLY'],
  ];
  await step('kwaliteitseisen',
    `INSERT INTO quality_requirement (contract_id, type, title, norm, norm_value, period, first_due_on)
     SELECT c.id, r.type, r.title, r.norm, r.norm_value::numeric, r.period,
            CASE WHEN r.period = 'QUARTERLY' THEN (c.starts_on + interval '3 months' - interval '1 day')::date ELSE (c.starts_on + interval '1 year' - interval '1 day')::date END
       FROM contract c JOIN organisation pr ON pr.id = c.provider_id
       CROSS JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(type, title, norm, norm_value, period)
      WHERE r.type <> 'KEURMERK_VALID' OR pr.keurmerk_number IS NOT NULL`,
    [0, 1, 2, 3, 4].map((i) => requirements.map((r) => r[i])));
  // Evidence for every due date up to today: the latest period waits for review, a few were rejected, the rest accepted.
  await step('kwaliteitsbewijs',
    `INSERT INTO quality_evidence (requirement_id, due_on, value, comment, submitted_at, status, reviewed_at, review_reason, idempotency_key)
     SELECT q.id, d.due_on, CASE WHEN q.norm_value IS NOT NULL THEN (q.norm_value + 5)::text END, 'Rapportage over de periode tot ' || to_char(d.due_on, 'DD-MM-YYYY'),
            d.due_on + 10, CASE WHEN d.latest THEN 'SUBMITTED' WHEN abs(hashtext(q.id::text || d.due_on::text)) % 10 = 0 THEN 'REJECTED' ELSE 'ACCEPTED' END,
            CASE WHEN NOT d.latest THEN d.due_on + 20 END,
            CASE WHEN NOT d.latest AND abs(hashtext(q.id::text || d.due_on::text)) % 10 = 0 THEN 'Onvolledig: de onderbouwing ontbreekt.' END,
            'bench:' || q.id || ':' || d.due_on
       FROM quality_requirement q
       CROSS JOIN LATERAL (
         SELECT (q.first_due_on + make_interval(months => n * CASE q.period WHEN 'QUARTERLY' THEN 3 ELSE 12 END))::date AS due_on,
                (q.first_due_on + make_interval(months => (n + 1) * CASE q.period WHEN 'QUARTERLY' THEN 3 ELSE 12 END))::date + 10 > $1::date AS latest
           FROM generate_series(0, 40) n
          WHERE (q.first_due_on + make_interval(months => n * CASE q.period WHEN 'QUARTERLY' THEN 3 ELSE 12 END))::date + 10 <= $1::date
       ) d`, [today]);

  // Clients: made in Node (the BSN is encrypted with the installation key), inserted in one statement.
  const { rows: municipalities } = await pg.query<{ id: string; cbs_code: string }>(`SELECT id, cbs_code FROM organisation WHERE kind = 'MUNICIPALITY' ORDER BY cbs_code`);
  const crypto = new BsnCrypto(bsnKey);
  const random = mulberry32(9_000 + scale.clients);
  const columns = {
    municipality: [] as string[], number: [] as number[], bsnEncrypted: [] as string[], bsnHash: [] as string[], first: [] as string[], last: [] as string[],
    birth: [] as string[], group: [] as string[], brp: [] as string[], pip: [] as (string | null)[], route: [] as (string | null)[], level: [] as (string | null)[],
    switched: [] as boolean[],
  };
  let serial = 0;
  for (const [index, municipality] of municipalities.entries()) {
    for (let n = 0; n < sizes[index]; n += 1) {
      serial += 1;
      const bsn = generateSyntheticBsn(5_000_000 + serial);
      const group = random() < 0.92 ? 'STATUS_HOLDER' : random() < 0.8 ? 'FAMILY_MIGRANT' : 'OTHER';
      const brp = addDays(today, -7 - Math.floor(random() * 1000));
      const pipDue = addDays(brp, 70);
      const hasPip = pipDue < today ? random() < 0.97 : random() < 0.5;
      let pip = hasPip ? addDays(brp, 20 + Math.floor(random() * 60)) : null;
      if (pip && pip >= today) pip = null;
      const roll = random();
      const route = !pip ? null : group !== 'STATUS_HOLDER' ? (roll < 0.8 ? 'B1' : 'Z') : roll < 0.6 ? 'B1' : roll < 0.8 ? 'ONDERWIJS' : 'Z';
      const switched = route === 'Z' && group === 'STATUS_HOLDER' && pip !== null && pip < addDays(today, -240) && random() < scale.switchShare / 0.2;
      const age = route === 'ONDERWIJS' ? 18 + Math.floor(random() * 9) : 18 + Math.floor(random() * 45);
      columns.municipality.push(municipality.id);
      columns.number.push(1001 + n);
      columns.bsnEncrypted.push(crypto.encrypt(bsn));
      columns.bsnHash.push(crypto.hash(municipality.id, bsn));
      columns.first.push(FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]);
      columns.last.push(LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]);
      columns.birth.push(addDays(today, -(age * 365 + Math.floor(random() * 365))));
      columns.group.push(group);
      columns.brp.push(brp);
      columns.pip.push(pip);
      columns.route.push(route);
      columns.level.push(route === 'Z' ? 'A2' : route ? 'B1' : null);
      columns.switched.push(switched);
    }
  }
  await step('inburgeraars',
    `INSERT INTO client (municipality_id, client_number, bsn_encrypted, bsn_hash, first_name, last_name, date_of_birth, target_group, brp_registration_date,
                         pip_signed_on, first_pip_signed_on, route, level, learnability_outcome, intake_completed_on, pip_minutes_per_week, pip_lesson_pattern, pip_count)
     SELECT m, n, e, h, f, l, b::date, g, brp::date, pip::date, pip::date, route, level,
            CASE WHEN route IS NULL THEN 'UNKNOWN' WHEN route = 'Z' THEN 'NOT_FEASIBLE' ELSE 'B1_FEASIBLE' END, CASE WHEN pip IS NOT NULL THEN pip::date - 7 END,
            CASE route WHEN 'B1' THEN 720 WHEN 'Z' THEN 600 WHEN 'ONDERWIJS' THEN 1200 END,
            CASE route WHEN 'B1' THEN 'Dinsdag en donderdag, ochtend' WHEN 'Z' THEN 'Maandag en woensdag, ochtend' WHEN 'ONDERWIJS' THEN 'Maandag tot en met donderdag, voltijds' END,
            CASE WHEN pip IS NULL THEN 0 WHEN sw THEN 2 ELSE 1 END
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bool[])
         AS t(m, n, e, h, f, l, b, g, brp, pip, route, level, sw)`,
    [columns.municipality, columns.number, columns.bsnEncrypted, columns.bsnHash, columns.first, columns.last, columns.birth, columns.group, columns.brp, columns.pip, columns.route, columns.level, columns.switched]);
  await pg.query(`CREATE TEMP TABLE bench_switched AS SELECT c.id FROM client c JOIN unnest($1::uuid[], $2::int[], $3::bool[]) t(m, n, sw) ON t.sw AND c.municipality_id = t.m AND c.client_number = t.n`,
    [columns.municipality, columns.number, columns.switched]);

  // Placements: the contract by hash among the lot's contracts, the first start moment 2 weeks after the PIP.
  // Clients who switched route: first B1 (ENDED, SWITCHED_ROUTE after ~4 months), then Z.
  await pg.query(`CREATE TEMP TABLE bench_placement_plan AS
     SELECT c.id AS client_id, c.municipality_id, CASE WHEN s.id IS NOT NULL THEN 'B1' ELSE c.route END AS route, c.pip_signed_on + 14 AS earliest, 1 AS ordinal, s.id IS NOT NULL AS switched
       FROM client c LEFT JOIN bench_switched s ON s.id = c.id WHERE c.route IS NOT NULL`);
  const placementSql = (ordinal: number) => `
     INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, route, status, requested_at, start_date, location, group_name, end_reason, ended_on, idempotency_key)
     SELECT x.client_id, x.municipality_id, x.lot_id, x.contract_id, x.provider_id, x.sm_id, x.route, x.status,
            (CASE WHEN x.status IN ('REQUESTED', 'WAITING') THEN $1::date - 1 - x.roll % 20 ELSE coalesce(x.starts_on, $1::date) - 14 END) + time '10:00',
            CASE WHEN x.status IN ('ACCEPTED', 'STARTED', 'ENDED') THEN x.starts_on END,
            CASE WHEN x.status IN ('ACCEPTED', 'STARTED', 'ENDED') THEN x.location END,
            CASE WHEN x.status IN ('ACCEPTED', 'STARTED', 'ENDED') THEN 'Groep ' || to_char(x.starts_on, 'MM-YYYY') END,
            CASE WHEN x.status = 'ENDED' THEN x.end_reason END, CASE WHEN x.status = 'ENDED' THEN x.ended_on END,
            'bench:' || x.client_id || ':${ordinal}'
       FROM (
         SELECT p.*, l.id AS lot_id, ct.id AS contract_id, ct.provider_id, sm.id AS sm_id, sm.starts_on, sm.location,
                abs(hashtext(p.client_id::text)) % 100 AS roll,
                CASE WHEN sm.id IS NULL THEN 'WAITING'
                     WHEN sm.starts_on > $1::date THEN CASE WHEN abs(hashtext(p.client_id::text)) % 100 < 70 THEN 'ACCEPTED' WHEN abs(hashtext(p.client_id::text)) % 100 < 90 THEN 'REQUESTED' ELSE 'WAITING' END
                     WHEN ${ordinal} = 1 AND p.switched THEN 'ENDED'
                     WHEN sm.starts_on < $1::date - 450 AND abs(hashtext(p.client_id::text)) % 100 < 70 THEN 'ENDED'
                     ELSE 'STARTED' END AS status,
                CASE WHEN ${ordinal} = 1 AND p.switched THEN 'SWITCHED_ROUTE' ELSE 'COMPLETED' END AS end_reason,
                CASE WHEN ${ordinal} = 1 AND p.switched THEN sm.starts_on + 120 ELSE sm.starts_on + 450 END AS ended_on
           FROM bench_placement_plan p
           JOIN lot_municipality lm ON lm.municipality_id = p.municipality_id
           JOIN lot l ON l.id = lm.lot_id AND l.subject = p.route
           JOIN LATERAL (SELECT c.id, c.provider_id FROM contract c WHERE c.lot_id = l.id ORDER BY c.id
                          OFFSET abs(hashtext(p.client_id::text || 'c')) % (SELECT count(*) FROM contract c2 WHERE c2.lot_id = l.id) LIMIT 1) ct ON true
           LEFT JOIN LATERAL (SELECT s.id, s.starts_on, s.location FROM start_moment s WHERE s.contract_id = ct.id AND s.starts_on >= p.earliest ORDER BY s.starts_on LIMIT 1) sm ON true
          WHERE p.ordinal = ${ordinal}
       ) x`;
  await step('plaatsingen', placementSql(1), [today]);
  await pg.query(`INSERT INTO bench_placement_plan SELECT p.client_id, p.municipality_id, 'Z', p.ended_on + 7, 2, false FROM placement p JOIN bench_switched s ON s.id = p.client_id WHERE p.status = 'ENDED'`);
  await step('plaatsingen na routewissel', placementSql(2), [today]);
  await step('routewissels',
    `INSERT INTO client_history (client_id, kind, from_value, to_value, effective_on, reason)
     SELECT client_id, 'ROUTE_SWITCH', 'B1', 'Z', ended_on, 'B1 bleek na vier maanden te hoog gegrepen; overstap naar de Z-route.' FROM placement WHERE end_reason = 'SWITCHED_ROUTE'`);
  await step('plaatsingshistorie', `INSERT INTO placement_event (placement_id, from_status, to_status, occurred_at, note) SELECT id, NULL, status, requested_at, 'Benchdata' FROM placement`);
  await step('plaatsen per instroommoment',
    `UPDATE start_moment s SET seats = greatest(s.seats, o.taken + 2)
       FROM (SELECT start_moment_id, count(*)::int AS taken FROM placement WHERE start_moment_id IS NOT NULL AND status IN ('ACCEPTED', 'STARTED') GROUP BY start_moment_id) o
      WHERE o.start_moment_id = s.id`);

  // Hours: every lesson day of every started (or ended) placement up to yesterday, with the planned minutes of the
  // route, a few sick, excused and unexcused days; B1 has KNM on Friday, the Z-route participation on the other
  // two weekdays, the Onderwijsroute other subjects on Friday. Loaded without indexes and foreign keys, which are
  // put back afterwards (same definitions), as a bulk load does.
  const { rows: definitions } = await pg.query<{ drop: string; create: string; kind: string }>(
    `SELECT format('ALTER TABLE hour_entry DROP CONSTRAINT %I', conname) AS drop, format('ALTER TABLE hour_entry ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid)) AS create, contype::text AS kind
       FROM pg_constraint WHERE conrelid = 'hour_entry'::regclass AND contype IN ('p', 'f', 'u')
     UNION ALL
     SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid), 'i'
       FROM pg_index WHERE indrelid = 'hour_entry'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = pg_index.indexrelid)`);
  for (const d of definitions.filter((x) => x.kind === 'f')) await pg.query(d.drop);
  for (const d of definitions.filter((x) => x.kind !== 'f')) await pg.query(d.drop);
  // Two halves at once, one per core.
  const hoursSql = `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason, entered_at, updated_at)
     SELECT p.id, p.client_id, p.provider_id, p.municipality_id, d.day, d.category, d.planned,
            CASE WHEN r.roll < 4 THEN 0 WHEN r.roll < 6 THEN 0 WHEN r.roll < 7 THEN 0 WHEN r.roll < 10 THEN d.planned / 2 ELSE d.planned END,
            CASE WHEN r.roll < 4 THEN 'SICK' WHEN r.roll < 6 THEN 'EXCUSED' WHEN r.roll < 7 THEN 'UNEXCUSED' WHEN r.roll < 10 THEN 'EXCUSED' END,
            d.day + time '16:00', d.day + time '16:00'
       FROM placement p JOIN start_moment s ON s.id = p.start_moment_id
       CROSS JOIN LATERAL (
         SELECT g::date AS day, extract(isodow FROM g)::int AS dow FROM generate_series(p.start_date, least(coalesce(p.ended_on, $1::date - 1), $1::date - 1), interval '1 day') g
          WHERE extract(isodow FROM g) < 6
       ) g
       CROSS JOIN LATERAL (
         SELECT g.day, 'LANGUAGE' AS category, CASE WHEN p.route = 'ONDERWIJS' THEN 240 ELSE s.minutes_per_week / cardinality(s.lesson_days) END AS planned WHERE g.dow = ANY (s.lesson_days) OR (p.route = 'ONDERWIJS' AND g.dow < 5)
         UNION ALL SELECT g.day, 'KNM', 120 WHERE p.route = 'B1' AND g.dow = 5
         UNION ALL SELECT g.day, 'OTHER_SUBJECTS', 240 WHERE p.route = 'ONDERWIJS' AND g.dow = 5
         UNION ALL SELECT g.day, 'PARTICIPATION', 180 WHERE p.route = 'Z' AND g.dow < 5 AND NOT g.dow = ANY (s.lesson_days)
       ) d
       CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text || d.day::text || d.category)) % 100 AS roll) r
      WHERE p.status IN ('STARTED', 'ENDED') AND p.start_date < $1::date AND abs(hashtext(p.id::text || 'half')) % 2 = $2`;
  const hoursStarted = performance.now();
  await second.query(`SET synchronous_commit = off`);
  const halves = await Promise.all([pg.query(hoursSql, [today, 0]), second.query(hoursSql, [today, 1])]);
  log(`  uren: ${halves.reduce((n, h) => n + (h.rowCount ?? 0), 0)} rijen in ${((performance.now() - hoursStarted) / 1000).toFixed(1)} s`);
  // The indexes back in two streams, one per connection.
  const indexes = definitions.filter((x) => x.kind !== 'f');
  await Promise.all([pg, second].map(async (connection, stream) => {
    for (const d of indexes.filter((_, i) => i % 2 === stream)) {
      const started = performance.now();
      await connection.query(`SET maintenance_work_mem = '512MB'`);
      await connection.query(d.create);
      log(`  ${d.create.slice(0, 90)}… ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }));
  for (const d of definitions.filter((x) => x.kind === 'f')) await pg.query(d.create);

  // Absence signals: for one in eight started placements the last three language lessons were unexcused (open
  // signal), for another one in eight three lessons two months earlier (acknowledged). Both to municipality and provider.
  for (const [label, offset, bucket, acknowledged] of [['open', 0, 0, false], ['afgehandeld', 24, 1, true]] as const) {
    await pg.query(`CREATE TEMP TABLE bench_absent AS
       SELECT p.id AS placement_id, p.client_id, p.municipality_id, p.provider_id, h.ids, h.first_day, h.last_day
         FROM placement p
         CROSS JOIN LATERAL (SELECT array_agg(x.id) AS ids, min(x.lesson_date) AS first_day, max(x.lesson_date) AS last_day
                               FROM (SELECT id, lesson_date FROM hour_entry e WHERE e.placement_id = p.id AND e.category = 'LANGUAGE' AND e.revision = 0
                                      ORDER BY e.lesson_date DESC OFFSET $1 LIMIT 3) x) h
        WHERE p.status = 'STARTED' AND abs(hashtext(p.id::text || 'absent')) % 8 = $2 AND cardinality(h.ids) = 3`, [offset, bucket]);
    await step(`ongeoorloofd verzuim (${label})`, `UPDATE hour_entry e SET attended_minutes = 0, absence_reason = 'UNEXCUSED' FROM bench_absent a WHERE e.id = ANY (a.ids)`);
    await step(`verzuimsignalen (${label})`,
      `INSERT INTO signal (kind, organisation_id, subject_type, subject_id, occurrence_key, message, raised_at, acknowledged_at, resolution)
       SELECT 'ABSENCE_UNEXCUSED_SERIES', o.org, 'client', a.client_id, a.placement_id || ':UNEXCUSED_ABSENCE:' || a.first_day,
              CASE WHEN o.org = a.municipality_id
                   THEN c.first_name || ' ' || c.last_name || ' (klantnummer ' || c.client_number || ') bij ' || pr.name || ': 3 lesdagen achter elkaar ongeoorloofd afwezig (' || to_char(a.first_day, 'FMDD-MM-YYYY') || ' t/m ' || to_char(a.last_day, 'FMDD-MM-YYYY') || ').'
                   ELSE 'Verzuimsignaal aan ' || m.name || ' over ' || c.first_name || ' ' || c.last_name || ' (klantnummer ' || c.client_number || '): 3 lesdagen achter elkaar ongeoorloofd afwezig (' || to_char(a.first_day, 'FMDD-MM-YYYY') || ' t/m ' || to_char(a.last_day, 'FMDD-MM-YYYY') || ').' END,
              a.last_day + time '18:00', CASE WHEN $1 THEN a.last_day + time '18:00' + interval '2 days' END, CASE WHEN $1 THEN 'Besproken met de inburgeraar.' END
         FROM bench_absent a JOIN client c ON c.id = a.client_id JOIN organisation pr ON pr.id = a.provider_id JOIN organisation m ON m.id = a.municipality_id
         CROSS JOIN LATERAL (VALUES (a.municipality_id), (a.provider_id)) o(org)`, [acknowledged]);
    await pg.query(`DROP TABLE bench_absent`);
  }

  // Hour months: approved up to three months back, the month before last half submitted, last month partly submitted.
  await step('urenmaanden',
    `INSERT INTO hour_period (provider_id, municipality_id, month, status, submitted_at, decided_at)
     SELECT t.provider_id, t.municipality_id, t.month, t.status,
            CASE WHEN t.status <> 'OPEN' THEN t.month + interval '1 month 3 days 9 hours' END,
            CASE WHEN t.status = 'APPROVED' THEN t.month + interval '1 month 10 days 11 hours' END
       FROM (
         SELECT provider_id, municipality_id, month,
                CASE WHEN month <= date_trunc('month', $1::date) - interval '3 months' THEN 'APPROVED'
                     WHEN month = date_trunc('month', $1::date) - interval '2 months' THEN CASE WHEN abs(hashtext(provider_id::text || municipality_id::text)) % 2 = 0 THEN 'APPROVED' ELSE 'SUBMITTED' END
                     ELSE CASE WHEN abs(hashtext(provider_id::text || municipality_id::text)) % 5 < 2 THEN 'SUBMITTED' ELSE 'OPEN' END END AS status
           FROM (SELECT DISTINCT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month FROM hour_entry) h
          WHERE month < date_trunc('month', $1::date)
       ) t`, [today]);

  // Deadline signals as the nightly scan writes them: PIP deadlines (10 weeks after BRP registration) and term ends (3 years after the first PIP).
  await step('termijnsignalen',
    `INSERT INTO deadline_signal (client_id, municipality_id, kind, deadline, status, detected_at)
     SELECT id, municipality_id, 'PIP_DEADLINE', brp_registration_date + 70, CASE WHEN brp_registration_date + 70 < $1::date THEN 'OVERDUE' ELSE 'DUE_SOON' END, $1::date - 1 + time '02:00'
       FROM client WHERE pip_signed_on IS NULL AND brp_registration_date + 70 <= $1::date + 28
     UNION ALL
     SELECT id, municipality_id, 'TERM_END', (first_pip_signed_on + interval '3 years')::date, CASE WHEN first_pip_signed_on + interval '3 years' < $1::date THEN 'OVERDUE' ELSE 'DUE_SOON' END, $1::date - 1 + time '02:00'
       FROM client WHERE first_pip_signed_on IS NOT NULL AND first_pip_signed_on + interval '3 years' <= $1::date + 180`, [today]);

  // Users: a projectleider and a beheerder per region, a consulent per municipality, a medewerker per provider.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await step('gebruikers',
    `INSERT INTO app_user (email, display_name, password_hash, role, organisation_id)
     SELECT lower(u.prefix || '@' || u.key || '.bench.nl'), u.display, $1, u.role, u.org
       FROM (
         SELECT 'projectleider' AS prefix, 'r' || lpad(n::text, 2, '0') AS key, 'Projectleider ' || o.name AS display, 'PROJECTLEIDER' AS role, o.id AS org
           FROM organisation o JOIN unnest($2::text[]) WITH ORDINALITY r(name, n) ON r.name = o.name WHERE o.kind = 'REGION'
         UNION ALL
         SELECT 'beheer', 'r' || lpad(n::text, 2, '0'), 'Functioneel beheerder ' || o.name, 'ADMIN', o.id
           FROM organisation o JOIN unnest($2::text[]) WITH ORDINALITY r(name, n) ON r.name = o.name WHERE o.kind = 'REGION'
         UNION ALL
         SELECT 'consulent', cbs_code, 'Consulent ' || replace(name, 'Gemeente ', ''), 'CONSULTANT', id FROM organisation WHERE kind = 'MUNICIPALITY'
         UNION ALL
         SELECT 'aanbieder', 'p' || kvk_number, 'Medewerker ' || name, 'PROVIDER_USER', id FROM organisation WHERE kind = 'PROVIDER'
       ) u`, [passwordHash, regionNames]);

  const started = performance.now();
  await pg.query('VACUUM ANALYZE');
  log(`  VACUUM ANALYZE: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { rows } = await pg.query<{ table_name: string; n: string }>(
    `SELECT 'organisation' AS table_name, count(*)::text AS n FROM organisation UNION ALL SELECT 'client', count(*)::text FROM client
     UNION ALL SELECT 'placement', count(*)::text FROM placement UNION ALL SELECT 'hour_entry', count(*)::text FROM hour_entry
     UNION ALL SELECT 'hour_period', count(*)::text FROM hour_period UNION ALL SELECT 'signal', count(*)::text FROM signal
     UNION ALL SELECT 'deadline_signal', count(*)::text FROM deadline_signal UNION ALL SELECT 'quality_evidence', count(*)::text FROM quality_evidence
     UNION ALL SELECT 'start_moment', count(*)::text FROM start_moment UNION ALL SELECT 'app_user', count(*)::text FROM app_user`);
  return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]));
}

export { slug };
