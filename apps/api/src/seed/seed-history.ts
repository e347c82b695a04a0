import { addDays, addMonths, compareDates, generateSyntheticBsn, MAP_THEMES, MAP_PRACTICAL_ACTIVITY_MIN_MINUTES, PVT_MIN_MINUTES, type CalendarDate, type ClientOutcomeKind, type PlacementEndReason, type Route } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { BsnCrypto } from '../common';
import { DEMO_REGIONS } from './demo-regions';
import { FIRST_NAMES, LAST_NAMES, mulberry32 } from './synthetic-clients';

/** Every row of the history carries this prefix in its idempotency key, so the other demo seeds can leave it alone. */
export const HISTORY_KEY = 'history:';

/** The lot whose two providers the demo compares side by side: a full cohort per provider, the other lots a light one. */
const COMPARED_LOT = 'B1-route Midden-Gelderland';

const LESSONS: Record<Route, { minutes: number; pattern: string }> = {
  B1: { minutes: 720, pattern: 'Dinsdag en donderdag, ochtend' },
  Z: { minutes: 600, pattern: 'Maandag en woensdag, ochtend' },
  ONDERWIJS: { minutes: 1_200, pattern: 'Maandag tot en met donderdag, voltijds' },
};

/** How a historic placement went: passed the route, stopped or moved away after a few weeks, or still running. */
type Course = 'COMPLETED' | 'STOPPED' | 'MOVED_AWAY' | 'STARTED';
/** Who the client is for the KPIs: housed in the last year, two and a half years ago (work/study window closed) or over three years ago. */
type Cohort = 'RECENT' | 'MIDDLE' | 'OLD';

const RECENT_COURSES: Course[] = ['COMPLETED', 'STARTED', 'STARTED', 'STOPPED', 'COMPLETED', 'STARTED', 'MOVED_AWAY', 'STARTED', 'COMPLETED', 'STARTED'];

interface HistoryContract {
  id: string;
  lot_id: string;
  lot_name: string;
  provider_id: string;
  provider_name: string;
  subject: Route;
  location: string;
  municipality_ids: string[];
  cbs_codes: string[];
}

interface PlannedClient {
  municipalityId: string;
  cbsCode: string;
  clientNumber: number;
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: CalendarDate;
  brpRegistrationDate: CalendarDate;
  pipSignedOn: CalendarDate;
  route: Route;
  contract: HistoryContract;
  course: Course;
  cohort: Cohort;
  requestedOn: CalendarDate;
  startDate: CalendarDate;
  endedOn: CalendarDate | null;
  /** Position in its contract's cohort, for the varied results. */
  index: number;
  key: string;
}

interface PlannedResult {
  key: string;
  kind: 'KNM' | 'MAP' | 'PVT' | 'EXAM' | 'TAALSCHAKEL';
  examPart: string | null;
  level: string | null;
  attempt: number | null;
  passed: boolean | null;
  resultDate: CalendarDate;
  details: Record<string, unknown>;
}

const min = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) <= 0 ? a : b);

/**
 * A year of history (issue 10) for the route lots, relative to `today`: new clients who were housed, signed their PIP,
 * were placed and started 4 to 13 months ago (some passed the route, some stopped or moved away, the rest still learn),
 * with their lesson hours, results (KNM, PVT, MAP, exam parts on several levels, the taalschakel result) and outcomes
 * (work, study, participation), and an older cohort housed over two and three years ago so every region KPI has clients
 * whose window closed. The B1 lot of Midden-Gelderland gets a full cohort for each of its two providers; the other lots a
 * light one. Every milestone of a historic placement falls before `invoicedBefore` (the first demo invoice month), so the
 * months before it can be invoiced without touching the demo's invoices. Set-based: one insert per table.
 */
export async function seedHistory(manager: EntityManager, crypto: BsnCrypto, today: CalendarDate, invoicedBefore: CalendarDate): Promise<{ clients: number }> {
  const contracts = await manager.query<HistoryContract[]>(
    `SELECT k.id, k.lot_id, l.name AS lot_name, k.provider_id, o.name AS provider_name, l.subject,
            coalesce((SELECT sm.location FROM start_moment sm WHERE sm.contract_id = k.id ORDER BY sm.starts_on LIMIT 1), 'Hoofdlocatie') AS location,
            array_agg(m.id ORDER BY m.cbs_code) AS municipality_ids, array_agg(m.cbs_code ORDER BY m.cbs_code) AS cbs_codes
       FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id
       JOIN lot_municipality lm ON lm.lot_id = l.id JOIN organisation m ON m.id = lm.municipality_id
      WHERE l.subject IN ('B1', 'Z', 'ONDERWIJS')
      GROUP BY k.id, l.id, o.id ORDER BY l.name, o.name`,
  );
  const counters = new Map(
    (await manager.query<{ municipality_id: string; last_number: number }[]>(`SELECT municipality_id, last_number FROM client_number_counter`)).map((c) => [c.municipality_id, c.last_number]),
  );
  const bsnBase = new Map(DEMO_REGIONS.flatMap((region) => region.municipalities.map((m, index) => [m.cbsCode, ((index + 1) % 10) * 1000 + 500] as const)));
  const perMunicipality = new Map<string, number>();
  const random = mulberry32(20_261_001);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sixMonthsAgo = addMonths(today, -6);
  const clients: PlannedClient[] = [];
  for (const contract of contracts) {
    const compared = contract.lot_name === COMPARED_LOT;
    const route = contract.subject;
    const cohorts: Cohort[] = [
      ...Array<Cohort>(compared ? 22 : 6).fill('RECENT'),
      ...(route === 'B1' ? Array<Cohort>(compared ? 3 : 1).fill('OLD') : []),
      ...(route === 'B1' ? Array<Cohort>(compared ? 2 : 1).fill('MIDDLE') : []),
    ];
    cohorts.forEach((cohort, index) => {
      let course: Course = cohort === 'OLD' ? 'COMPLETED' : cohort === 'MIDDLE' ? (index % 2 === 0 ? 'COMPLETED' : 'STARTED') : RECENT_COURSES[index % RECENT_COURSES.length];
      // The Z-route ends with 800 course hours, more than a year gives: its clients stop or still learn.
      if (route === 'Z' && course === 'COMPLETED') course = 'STARTED';
      let startDate: CalendarDate;
      let endedOn: CalendarDate | null = null;
      if (course === 'COMPLETED') {
        startDate = addDays(today, -(300 + Math.floor(random() * 90)));
        endedOn = min(addDays(startDate, 240 + Math.floor(random() * 40)), addDays(invoicedBefore, -10 - Math.floor(random() * 20)));
      } else if (course === 'STARTED') {
        // Started less than six months ago (the halfway milestone is still ahead) and before the invoiced months.
        const from = addDays(sixMonthsAgo, 7);
        const span = Math.max(0, Math.round((Date.parse(addDays(invoicedBefore, -7)) - Date.parse(from)) / 86_400_000));
        startDate = addDays(from, Math.floor(random() * (span + 1)));
      } else {
        startDate = addDays(today, -(180 + Math.floor(random() * 160)));
        endedOn = min(addDays(startDate, 30 + Math.floor(random() * 60)), addDays(invoicedBefore, -5));
      }
      const housedBeforeStart = 70 + Math.floor(random() * 40);
      const brpRegistrationDate = cohort === 'OLD' ? addDays(addMonths(today, -38), -Math.floor(random() * 30))
        : cohort === 'MIDDLE' ? addDays(addMonths(today, -29), -Math.floor(random() * 30))
        : addDays(startDate, -housedBeforeStart);
      const pipSignedOn = addDays(brpRegistrationDate, 25 + Math.floor(random() * 20));
      const municipalityIndex = index % 2 === 0 || contract.municipality_ids.length === 1 ? 0 : 1 + (Math.floor(index / 2) % (contract.municipality_ids.length - 1));
      const municipalityId = contract.municipality_ids[municipalityIndex];
      const cbsCode = contract.cbs_codes[municipalityIndex];
      const seq = (perMunicipality.get(municipalityId) ?? 0) + 1;
      perMunicipality.set(municipalityId, seq);
      const age = route === 'ONDERWIJS' ? 19 + Math.floor(random() * 8) : 20 + Math.floor(random() * 40);
      clients.push({
        municipalityId, cbsCode, clientNumber: (counters.get(municipalityId) ?? 1000) + seq,
        bsn: '', firstName: pick(FIRST_NAMES), lastName: pick(LAST_NAMES),
        dateOfBirth: addDays(today, -(age * 365 + Math.floor(random() * 300))),
        brpRegistrationDate, pipSignedOn, route, contract, course, cohort,
        requestedOn: addDays(startDate, -14 - Math.floor(random() * 7)), startDate, endedOn, index,
        key: `${HISTORY_KEY}${cbsCode}:${(counters.get(municipalityId) ?? 1000) + seq}`,
      });
    });
  }
  for (const client of clients) client.bsn = generateBsn(bsnBase.get(client.cbsCode) ?? 500, client.clientNumber);
  if (clients.length === 0) return { clients: 0 };

  // Clients, with the PIP they signed then (a first PIP: the term runs from the day after).
  await manager.query(
    `INSERT INTO client (municipality_id, client_number, bsn_encrypted, bsn_hash, first_name, last_name, date_of_birth, target_group, brp_registration_date,
                         pip_signed_on, first_pip_signed_on, route, level, pip_count, pip_minutes_per_week, pip_lesson_pattern, intake_completed_on)
     SELECT t.municipality_id, t.client_number, t.bsn_encrypted, t.bsn_hash, t.first_name, t.last_name, t.date_of_birth, 'STATUS_HOLDER', t.brp,
            t.pip, t.pip, t.route, CASE WHEN t.route = 'Z' THEN 'A2' ELSE 'B1' END, 1, t.minutes, t.pattern, t.pip - 7
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::date[], $10::text[], $11::int[], $12::text[])
            AS t(municipality_id, client_number, bsn_encrypted, bsn_hash, first_name, last_name, date_of_birth, brp, pip, route, minutes, pattern)`,
    [
      clients.map((c) => c.municipalityId), clients.map((c) => c.clientNumber), clients.map((c) => crypto.encrypt(c.bsn)), clients.map((c) => crypto.hash(c.municipalityId, c.bsn)),
      clients.map((c) => c.firstName), clients.map((c) => c.lastName), clients.map((c) => c.dateOfBirth), clients.map((c) => c.brpRegistrationDate), clients.map((c) => c.pipSignedOn),
      clients.map((c) => c.route), clients.map((c) => LESSONS[c.route].minutes), clients.map((c) => LESSONS[c.route].pattern),
    ],
  );
  await manager.query(
    `UPDATE client_number_counter k SET last_number = t.last FROM (SELECT municipality_id, max(client_number) AS last FROM client GROUP BY municipality_id) t
      WHERE t.municipality_id = k.municipality_id AND t.last > k.last_number`,
  );

  // Placements: requested two or three weeks before the start, accepted three days later, started; some ended.
  const endReason = (course: Course): PlacementEndReason | null => (course === 'STARTED' ? null : course);
  await manager.query(
    `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, start_date, location, group_name, end_reason, ended_on, idempotency_key)
     SELECT c.id, c.municipality_id, t.lot_id, t.contract_id, t.provider_id, t.route, CASE WHEN t.ended_on IS NULL THEN 'STARTED' ELSE 'ENDED' END,
            (t.requested_on + time '10:00') AT TIME ZONE 'Europe/Amsterdam', t.start_date, t.location, 'Groep ' || to_char(t.start_date, 'MM-YYYY'), t.end_reason, t.ended_on, t.key
       FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::date[], $8::date[], $9::text[], $10::text[], $11::date[], $12::text[])
            AS t(municipality_id, client_number, lot_id, contract_id, provider_id, route, requested_on, start_date, location, end_reason, ended_on, key)
       JOIN client c ON c.municipality_id = t.municipality_id AND c.client_number = t.client_number`,
    [
      clients.map((c) => c.municipalityId), clients.map((c) => c.clientNumber), clients.map((c) => c.contract.lot_id), clients.map((c) => c.contract.id),
      clients.map((c) => c.contract.provider_id), clients.map((c) => c.route), clients.map((c) => c.requestedOn), clients.map((c) => c.startDate),
      clients.map((c) => c.contract.location), clients.map((c) => endReason(c.course)), clients.map((c) => c.endedOn), clients.map((c) => c.key),
    ],
  );
  await manager.query(
    `INSERT INTO placement_event (placement_id, from_status, to_status, occurred_at, note)
     SELECT p.id, e.from_status, e.to_status, e.occurred_at, 'Demodata: historie'
       FROM placement p CROSS JOIN LATERAL (VALUES
              (NULL, 'REQUESTED', p.requested_at),
              ('REQUESTED', 'ACCEPTED', p.requested_at + interval '3 days'),
              ('ACCEPTED', 'STARTED', (p.start_date + time '09:00') AT TIME ZONE 'Europe/Amsterdam'),
              ('STARTED', CASE WHEN p.ended_on IS NOT NULL THEN 'ENDED' END, (p.ended_on + time '16:00') AT TIME ZONE 'Europe/Amsterdam')
            ) AS e(from_status, to_status, occurred_at)
      WHERE p.idempotency_key LIKE $1 AND e.to_status IS NOT NULL`,
    [`${HISTORY_KEY}%`],
  );

  // Lesson hours from the start to the end (or yesterday), on the PIP's lesson days: B1 Tuesday and Thursday 6 hours,
  // Z Monday and Wednesday 5 hours and participation on Tuesday and Thursday, Onderwijsroute Monday to Thursday 5 hours.
  // A few sick and excused days, a few half days; Sagenn's clients miss a little more (the comparison shows it).
  await manager.query(
    `WITH days AS (
       SELECT p.id AS placement_id, p.client_id, p.provider_id, p.municipality_id, p.route, d::date AS lesson_date, extract(isodow FROM d)::int AS dow,
              abs(hashtext(m.cbs_code || c.client_number::text || d::date::text)) % 100 AS roll, CASE WHEN o.name = 'Sagenn' THEN 5 ELSE 0 END AS extra
         FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id JOIN organisation o ON o.id = p.provider_id
        CROSS JOIN LATERAL generate_series(p.start_date, coalesce(p.ended_on, $2::date), interval '1 day') d
        WHERE p.idempotency_key LIKE $1 AND d::date < $2::date AND d::date < coalesce(p.ended_on, $2::date)
     ), language AS (
       SELECT *, CASE route WHEN 'B1' THEN 360 ELSE 300 END AS planned FROM days
        WHERE (route = 'B1' AND dow IN (2, 4)) OR (route = 'Z' AND dow IN (1, 3)) OR (route = 'ONDERWIJS' AND dow <= 4)
     )
     INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
     SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, 'LANGUAGE', planned,
            CASE WHEN roll < 4 + extra THEN 0 WHEN roll < 7 + extra THEN 0 WHEN roll < 10 + 2 * extra THEN planned / 2 ELSE planned END,
            CASE WHEN roll < 4 + extra THEN 'SICK' WHEN roll < 10 + 2 * extra THEN 'EXCUSED' END
       FROM language
     UNION ALL
     SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, 'PARTICIPATION', 120, CASE WHEN roll < 5 THEN 0 ELSE 120 END, CASE WHEN roll < 5 THEN 'SICK' END
       FROM days WHERE route = 'Z' AND dow IN (2, 4)`,
    [`${HISTORY_KEY}%`, today],
  );

  // Results, as the provider recorded them: dates on or before the end of the placement and before today.
  const results = clients.flatMap((client) => plannedResults(client, today));
  await manager.query(
    `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, attempt, passed, result_date, details, idempotency_key)
     SELECT p.client_id, p.id, p.municipality_id, p.provider_id, t.kind, t.exam_part, t.level, t.attempt, t.passed, t.result_date, t.details, p.idempotency_key || ':' || t.n
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::date[], $8::jsonb[]) WITH ORDINALITY
            AS t(key, kind, exam_part, level, attempt, passed, result_date, details, n)
       JOIN placement p ON p.idempotency_key = t.key`,
    [
      results.map((r) => r.key), results.map((r) => r.kind), results.map((r) => r.examPart), results.map((r) => r.level), results.map((r) => r.attempt),
      results.map((r) => r.passed), results.map((r) => r.resultDate), results.map((r) => JSON.stringify(r.details)),
    ],
  );

  // Outcomes the consultants recorded: participation during the route, work and study after it.
  const outcomes = clients.flatMap((client) => plannedOutcomes(client, today));
  await manager.query(
    `INSERT INTO client_outcome (client_id, municipality_id, kind, achieved_on, idempotency_key)
     SELECT p.client_id, p.municipality_id, t.kind, t.achieved_on, p.idempotency_key || ':outcome:' || t.n
       FROM unnest($1::text[], $2::text[], $3::date[]) WITH ORDINALITY AS t(key, kind, achieved_on, n) JOIN placement p ON p.idempotency_key = t.key`,
    [outcomes.map((o) => o.key), outcomes.map((o) => o.kind), outcomes.map((o) => o.achievedOn)],
  );
  return { clients: clients.length };
}

/** A synthetic BSN per municipality and client number, apart from the numbers of the other demo clients there. */
function generateBsn(base: number, clientNumber: number): string {
  return generateSyntheticBsn(base + (clientNumber % 500));
}

/** The results of one historic client; the providers differ a little (by contract order) so the comparison is not flat. */
function plannedResults(client: PlannedClient, today: CalendarDate): PlannedResult[] {
  const until = client.endedOn ?? addDays(today, -1);
  const list: PlannedResult[] = [];
  const add = (kind: PlannedResult['kind'], day: CalendarDate, passed: boolean | null, extra: Partial<PlannedResult> = {}) => {
    if (compareDates(day, until) > 0 || compareDates(day, client.startDate) < 0) return;
    list.push({ key: client.key, kind, examPart: null, level: null, attempt: null, passed, resultDate: day, details: {}, ...extra });
  };
  const exam = (part: string, level: string, day: CalendarDate, passed: boolean, attempt = 1) => add('EXAM', day, passed, { examPart: part, level, attempt });
  const i = client.index + (client.contract.provider_name === 'Sagenn' ? 1 : 0);
  const start = client.startDate;
  if (client.course === 'STOPPED' || client.course === 'MOVED_AWAY') {
    if (i % 2 === 0) add('KNM', addDays(start, 25), false);
    return list;
  }
  add('KNM', addDays(start, 40), i % 5 !== 3);
  if (i % 2 === 0 || client.course === 'COMPLETED') {
    const signedOn = addDays(start, client.course === 'COMPLETED' ? 70 : 60);
    add('PVT', signedOn, true, { details: { minutes: PVT_MIN_MINUTES, excursionDone: true, milestoneDate: signedOn } });
  }
  if (client.route === 'Z') {
    // Voluntary A2 exams in the Z-route.
    exam('LEZEN', 'A2', addDays(start, 120), i % 3 !== 1);
    return list;
  }
  if (client.route === 'ONDERWIJS') {
    exam('LEZEN', i % 2 === 0 ? 'B2' : 'B1', addDays(start, 150), true);
    if (client.course === 'COMPLETED') add('TAALSCHAKEL', addDays(client.endedOn!, -10), true);
    return list;
  }
  if (client.course === 'COMPLETED') {
    const end = client.endedOn!;
    add('MAP', addDays(start, 120), true, { details: { mapThemes: [...MAP_THEMES], minutes: MAP_PRACTICAL_ACTIVITY_MIN_MINUTES, milestoneDate: addDays(start, 120) } });
    exam('LEZEN', i % 3 === 0 ? 'B2' : 'B1', addDays(end, -40), true);
    exam('LUISTEREN', 'B1', addDays(end, -40), true);
    if (i % 2 === 0) {
      exam('SCHRIJVEN', 'B1', addDays(end, -75), false);
      exam('SCHRIJVEN', 'B1', addDays(end, -20), true, 2);
    } else {
      exam('SCHRIJVEN', 'B1', addDays(end, -40), true);
    }
    exam('SPREKEN', i % 4 === 1 ? 'B2' : 'B1', addDays(end, -25), true);
    exam('KNM', 'B1', addDays(end, -40), true);
    return list;
  }
  // Still learning: the first exam parts.
  exam('LEZEN', i % 4 === 2 ? 'B2' : 'B1', addDays(start, 110), i % 4 !== 1);
  exam('LUISTEREN', 'B1', addDays(start, 110), i % 3 !== 0);
  return list;
}

/** Participation during the route, work and study: enough that every KPI has clients who made it. */
function plannedOutcomes(client: PlannedClient, today: CalendarDate): { key: string; kind: ClientOutcomeKind; achievedOn: CalendarDate }[] {
  const list: { key: string; kind: ClientOutcomeKind; achievedOn: CalendarDate }[] = [];
  const add = (kind: ClientOutcomeKind, day: CalendarDate) => {
    if (compareDates(day, today) < 0 && compareDates(day, client.brpRegistrationDate) >= 0) list.push({ key: client.key, kind, achievedOn: day });
  };
  const i = client.index;
  if (client.cohort === 'OLD') {
    // Over three years ago: work during the first two years for some, participation or study for most.
    if (i % 3 !== 2) add('PARTICIPATION', addDays(client.startDate, 60));
    if (i % 3 === 0) add('WORK', addMonths(client.pipSignedOn, 20));
    if (i % 3 === 1) add('STUDY', addDays(client.endedOn ?? client.startDate, 7));
  } else if (client.cohort === 'MIDDLE') {
    add(i % 2 === 0 ? 'WORK' : 'STUDY', addMonths(client.pipSignedOn, 20));
  } else if (client.course === 'COMPLETED' && i % 2 === 0) {
    add('PARTICIPATION', addDays(client.endedOn!, 14));
  }
  return list;
}
