// Issue 12: "a signal reaches the consultant and the provider within a minute of the list being closed". Per run a teacher
// marks one student absent and closes the lesson's list with their password; the clock runs from the close's answer until
// the consultant's absence-signal page (first page, newest first) shows the student. Runs one after another, on the
// largest provider of the bench data, through the API and the worker as `npm start` runs them.
import { addDays, isoWeekday, type CalendarDate } from '@inburgering/domain';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { BenchUser, percentile, type BenchClient } from './bench-http';

export interface PresenceSignalBenchResult {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const RUNS = 20;
/** A run that sees no signal within this long counts as a miss (the target is one minute). */
const GIVE_UP_MS = 90_000;
const POLL_MS = 100;
const TEACHER_EMAIL = 'docent-bench@presentie.bench.nl';

interface Student {
  placementId: string;
  clientId: string;
}

function previousWeekday(today: CalendarDate): CalendarDate {
  let day = addDays(today, -1);
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  return day;
}

/**
 * Started placements of the provider with the municipality, never signalled, each given four earlier weeks of sick
 * days (planned, not attended) and their other lessons of those weeks missed as well: the lesson closed with the
 * student absent then tips the low-attendance rule.
 */
async function prepare(pg: Client, providerId: string, municipalityId: string, lessonDate: CalendarDate): Promise<Student[]> {
  const { rows } = await pg.query<Student>(
    `SELECT p.id AS "placementId", p.client_id AS "clientId" FROM placement p
      WHERE p.provider_id = $1 AND p.municipality_id = $2 AND p.status = 'STARTED' AND p.start_date <= $3::date - 35
        AND NOT EXISTS (SELECT 1 FROM signal s WHERE s.subject_id = p.client_id)
        AND NOT EXISTS (SELECT 1 FROM presence_group_member gm WHERE gm.placement_id = p.id)
      ORDER BY p.id DESC LIMIT $4`,
    [providerId, municipalityId, lessonDate, RUNS],
  );
  const ids = rows.map((r) => r.placementId);
  await pg.query(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
     SELECT p.id, p.client_id, p.provider_id, p.municipality_id, $2::date - 7 * g, 'LANGUAGE', 180, 0, 'SICK' FROM placement p, generate_series(1, 4) g WHERE p.id = ANY($1::uuid[])
     ON CONFLICT (placement_id, lesson_date, category, revision) DO UPDATE SET planned_minutes = 180, attended_minutes = 0, absence_reason = 'SICK', source = NULL`,
    [ids, lessonDate],
  );
  // Their other lessons in those weeks, attended in the generated data, would keep the attendance above the threshold
  // for some students (which ones depends on the day the bench runs): absent too, so every close tips the rule.
  await pg.query(
    `UPDATE hour_entry SET attended_minutes = 0, absence_reason = 'SICK', source = NULL
      WHERE placement_id = ANY($1::uuid[]) AND lesson_date BETWEEN $2::date - 35 AND $2::date - 1 AND planned_minutes > 0`,
    [ids, lessonDate],
  );
  await pg.query(
    `UPDATE hour_period SET status = 'OPEN', submitted_at = NULL, decided_at = NULL WHERE provider_id = $1 AND municipality_id = $2 AND month = date_trunc('month', $3::date)::date`,
    [providerId, municipalityId, lessonDate],
  );
  await pg.query(
    `INSERT INTO app_user (email, display_name, password_hash, role, organisation_id)
     SELECT $1, 'Docent (bench)', password_hash, 'TEACHER', organisation_id FROM app_user WHERE organisation_id = $2 AND role = 'PROVIDER_USER' ORDER BY email LIMIT 1
     ON CONFLICT (email) DO NOTHING`,
    [TEACHER_EMAIL, providerId],
  );
  return rows;
}

function ok<T>(answer: { json: { data?: unknown; errors?: { message: string }[] } }, what: string): T {
  if (answer.json.errors?.length) throw new Error(`${what}: ${answer.json.errors[0].message}`);
  return answer.json.data as T;
}

export async function benchPresenceSignal(
  client: BenchClient, pg: Client, operations: Map<string, string>,
  tenants: { providerId: string; municipalityId: string; today: CalendarDate }, provider: BenchUser, password: string,
): Promise<PresenceSignalBenchResult> {
  const op = (name: string) => operations.get(name) ?? (() => { throw new Error(`Operatie ${name} ontbreekt`); })();
  const lessonDate = previousWeekday(tenants.today);
  const students = await prepare(pg, tenants.providerId, tenants.municipalityId, lessonDate);
  if (students.length === 0) throw new Error('geen geplaatste inburgeraars zonder signaal bij de grootste aanbieder');
  const consultantEmail = (await pg.query<{ email: string }>(`SELECT email FROM app_user WHERE organisation_id = $1 AND role = 'CONSULTANT' ORDER BY email LIMIT 1`, [tenants.municipalityId])).rows[0].email;
  const consultant = await BenchUser.login(client, consultantEmail, password);
  const teacher = await BenchUser.login(client, TEACHER_EMAIL, password);
  const { presenceTeachers } = ok<{ presenceTeachers: { id: string; email: string }[] }>(await provider.graphql(op('PresenceTeachers')), 'docenten');
  const teacherUserId = presenceTeachers.find((t) => t.email === TEACHER_EMAIL)!.id;

  const times: number[] = [];
  for (const [index, student] of students.entries()) {
    const { createPresenceGroup } = ok<{ createPresenceGroup: { id: string } }>(await provider.graphql(op('CreatePresenceGroup'), {
      input: { name: `Bench presentie ${index + 1}`, location: 'Benchlocatie', daypart: 'DAYTIME', teacherUserId, placementIds: [student.placementId],
        weekdays: [isoWeekday(lessonDate)], startTime: '09:00', endTime: '12:00', from: lessonDate, until: lessonDate },
    }), 'groep');
    const { presenceLessons } = ok<{ presenceLessons: { id: string; groupId: string }[] }>(await teacher.graphql(op('PresenceLessons'), { date: lessonDate }), 'lessen');
    const lessonId = presenceLessons.find((l) => l.groupId === createPresenceGroup.id)!.id;
    ok(await teacher.graphql(op('MarkPresence'), { input: { lessonId, placementId: student.placementId, kind: 'ABSENT', absenceReason: 'SICK', clientMarkId: randomUUID() } }), 'afwezig');
    ok(await teacher.graphql(op('ClosePresenceLesson'), { input: { lessonId, password } }), 'afsluiten');
    const closed = performance.now();
    for (;;) {
      const { signalPage } = ok<{ signalPage: { items: { subjectId: string }[] } }>(await consultant.graphql(op('AbsenceSignals'), { openOnly: true, limit: 50, offset: 0 }), 'signalen');
      if (signalPage.items.some((s) => s.subjectId === student.clientId)) break;
      if (performance.now() - closed > GIVE_UP_MS) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    times.push(performance.now() - closed);
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: times[times.length - 1] };
}
