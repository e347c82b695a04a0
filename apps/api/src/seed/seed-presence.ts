import { addDays, expandLessonSchedule, startOfIsoWeek, type AbsenceReason, type CalendarDate, type HourCategory, type PlacementStatus } from '@inburgering/domain';
import { In, Like, Not, type EntityManager } from 'typeorm';
import { AppUserEntity, PlacementEntity, PresenceGroupEntity, PresenceGroupMemberEntity, PresenceLessonEntity } from '../database';
import { checkAbsence, writePresenceHours } from '../hours';
import type { ProviderId } from '../tenancy';
import { HISTORY_KEY } from './seed-history';

const STARTED: PlacementStatus = 'STARTED';
const LANGUAGE: HourCategory = 'LANGUAGE';
const SICK: AbsenceReason = 'SICK';
/** Groups per provider in the demo. */
const GROUPS_PER_PROVIDER = 2;

/** One line of a closed demo list, as the hours it gives. */
interface SeededLine {
  lessonId: string;
  providerId: string;
  placementId: string;
  lessonDate: CalendarDate;
  attended: number;
  planned: number;
  reason: AbsenceReason | null;
}

/**
 * Demo presence lists (issue 12): per provider up to two groups of its started placements (Monday and Wednesday
 * 09:00–12:00, from three weeks ago to eight weeks ahead) taught by docent@<provider>.demo.nl, and closed, signed lists
 * for every lesson before today that agree with the demo hours of that day (absent with their reason, late arrivals for
 * a half day). Those days' hours are then written through the hours module's presence path, so the grid shows their source,
 * and the absence rules run over them, so the demo consultant sees what the lists signalled.
 */
export async function seedPresence(manager: EntityManager, today: CalendarDate): Promise<number> {
  const teachers = await manager.getRepository(AppUserEntity).find({ select: { id: true, organisationId: true, email: true }, where: { role: 'TEACHER' }, order: { email: 'ASC' } });
  // Per provider its teachers, docent@ first: the provider's first group is theirs, a second teacher (if any) gets the next.
  const teachersOf = new Map<string, string[]>();
  for (const t of [...teachers].sort((a, b) => Number(b.email.startsWith('docent@')) - Number(a.email.startsWith('docent@')))) {
    teachersOf.set(t.organisationId, [...(teachersOf.get(t.organisationId) ?? []), t.id]);
  }
  const teacherOf = new Map([...teachersOf].map(([org, ids]) => [org, ids[0]]));
  const placements = await manager.getRepository(PlacementEntity).find({
    select: { id: true, providerId: true, groupName: true, location: true, startDate: true },
    // The demo's current groups: the history's clients (seedHistory) started in groups of their own, without lists here.
    where: { status: STARTED, providerId: In([...teacherOf.keys()]), idempotencyKey: Not(Like(`${HISTORY_KEY}%`)) },
    order: { groupName: 'ASC', id: 'ASC' },
  });
  const groups = new Map<string, { providerId: string; name: string; location: string; placementIds: string[] }>();
  for (const p of placements) {
    if (!p.groupName) continue;
    const key = `${p.providerId}|${p.groupName}`;
    const ofProvider = [...groups.values()].filter((g) => g.providerId === p.providerId).length;
    if (!groups.has(key) && ofProvider >= GROUPS_PER_PROVIDER) continue;
    const group = groups.get(key) ?? { providerId: p.providerId, name: p.groupName, location: p.location ?? 'Hoofdlocatie', placementIds: [] };
    group.placementIds.push(p.id);
    groups.set(key, group);
  }
  if (groups.size === 0) return 0;
  const from = addDays(startOfIsoWeek(today), -21);
  const until = addDays(from, 7 * 11 - 1);
  const schedule = { weekdays: [1, 3], startTime: '09:00', endTime: '12:00', from, until };
  const groupRows = [...groups.values()];
  const teacherFor = (providerId: string, index: number): string => {
    const ids = teachersOf.get(providerId)!;
    return ids[groupRows.filter((g, i) => i < index && g.providerId === providerId).length % ids.length];
  };
  const inserted = await manager.getRepository(PresenceGroupEntity).save(groupRows.map((g, index) => manager.getRepository(PresenceGroupEntity).create({
    providerId: g.providerId, name: g.name, location: g.location, daypart: 'DAYTIME', startMomentId: null, category: LANGUAGE,
    teacherUserId: teacherFor(g.providerId, index), weekdays: schedule.weekdays, startTime: schedule.startTime, endTime: schedule.endTime,
    scheduleFrom: from, scheduleUntil: until,
  })));
  await manager.getRepository(PresenceGroupMemberEntity).insert(groupRows.flatMap((g, i) => g.placementIds.map((placementId) => ({ groupId: inserted[i].id, placementId }))));
  const lessons = expandLessonSchedule(schedule, []);
  await manager.createQueryBuilder().insert().into(PresenceLessonEntity).values(inserted.flatMap((g) => lessons.map((l) => ({
    groupId: g.id, providerId: g.providerId, lessonDate: l.date, startTime: l.startTime, endTime: l.endTime, kind: l.kind, teacherUserId: g.teacherUserId,
    cancellation: null, closedAt: null, closedByUserId: null, closingSignature: null,
  })))).execute();

  // The demo's story, the same on every seed: the first student of each provider's first group was sick for the last two
  // weeks, so that group's lists show the absences and the absence rules raise a low-attendance signal from them (to a
  // municipality with a demo consultant, who can see it).
  await manager.query(
    `UPDATE hour_entry h SET attended_minutes = 0, absence_reason = $3
       FROM (SELECT DISTINCT ON (g.provider_id) gm.placement_id
               FROM presence_group g JOIN presence_group_member gm ON gm.group_id = g.id
               JOIN placement p ON p.id = gm.placement_id JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
              WHERE g.id = ANY($1::uuid[])
                -- Not the student of seedHours' unexcused series: on some weekdays that series covers half these lessons.
                AND NOT EXISTS (SELECT 1 FROM hour_entry u WHERE u.placement_id = gm.placement_id AND u.absence_reason = 'UNEXCUSED' AND u.lesson_date >= $2::date - 14)
              ORDER BY g.provider_id, array_position($1::uuid[], g.id),
                       NOT EXISTS (SELECT 1 FROM app_user u WHERE u.organisation_id = p.municipality_id AND u.role = 'CONSULTANT'), c.client_number, m.cbs_code) sick
      WHERE h.placement_id = sick.placement_id AND h.category = $4 AND h.lesson_date >= $2::date - 14 AND h.lesson_date < $2::date
        AND h.absence_reason IS DISTINCT FROM 'UNEXCUSED'`,
    [inserted.map((g) => g.id), today, SICK, LANGUAGE],
  );
  // Stays SQL: one INSERT … SELECT writes every line of every past list from that day's demo hours (set-based).
  const lines = await manager.query<SeededLine[]>(
    `WITH src AS (
       SELECT l.id AS lesson_id, l.provider_id, gm.placement_id, l.lesson_date, l.start_time, l.teacher_user_id,
              coalesce(h.planned_minutes, 180) AS planned, coalesce(h.attended_minutes, 180) AS attended, h.absence_reason
         FROM presence_lesson l
         JOIN presence_group_member gm ON gm.group_id = l.group_id
         JOIN placement p ON p.id = gm.placement_id
         LEFT JOIN LATERAL (SELECT * FROM hour_entry he WHERE he.placement_id = gm.placement_id AND he.lesson_date = l.lesson_date AND he.category = $2
                             ORDER BY he.revision DESC LIMIT 1) h ON TRUE
        WHERE l.group_id = ANY($1::uuid[]) AND l.lesson_date < $3 AND p.start_date <= l.lesson_date
     ), ins AS (
       INSERT INTO presence_mark (lesson_id, placement_id, client_mark_id, kind, at_minutes, credential_kind, absence_reason, late, recorded_by_user_id, recorded_at)
       SELECT lesson_id, placement_id, gen_random_uuid(), CASE WHEN attended = 0 THEN 'ABSENT' ELSE 'ARRIVAL' END,
              CASE WHEN attended = 0 THEN NULL ELSE 540 + greatest(planned - attended, 0) - CASE WHEN attended < planned THEN 0 ELSE 4 END END,
              CASE WHEN attended = 0 THEN NULL ELSE 'CODE' END, CASE WHEN attended < planned THEN absence_reason END, attended > 0 AND attended < planned,
              teacher_user_id, (lesson_date + start_time::time) AT TIME ZONE 'Europe/Amsterdam'
         FROM src
       RETURNING 1
     )
     SELECT lesson_id AS "lessonId", provider_id AS "providerId", placement_id AS "placementId", to_char(lesson_date, 'YYYY-MM-DD') AS "lessonDate",
            least(attended, 180) AS attended, 180 AS planned, CASE WHEN attended < 180 THEN coalesce(absence_reason, 'UNEXCUSED') END AS reason
       FROM src, (SELECT count(*) FROM ins) n`,
    [inserted.map((g) => g.id), LANGUAGE, today],
  );
  await manager.createQueryBuilder().update(PresenceLessonEntity)
    .set({ closedAt: () => `(lesson_date + end_time::time + interval '5 minutes') AT TIME ZONE 'Europe/Amsterdam'`, closedByUserId: () => 'teacher_user_id',
      closingSignature: () => `'Getekend door de docent (demo), met wachtwoord bevestigd'` })
    .where('group_id IN (:...ids)', { ids: inserted.map((g) => g.id) })
    .andWhere('lesson_date < :today', { today })
    .execute();
  for (const providerId of new Set(lines.map((l) => l.providerId))) {
    const ofProvider = lines.filter((l) => l.providerId === providerId);
    await writePresenceHours(manager, providerId as ProviderId, { userId: teacherOf.get(providerId)! }, ofProvider.map((l) => ({
      placementId: l.placementId, date: l.lessonDate, category: LANGUAGE, plannedMinutes: l.planned, attendedMinutes: l.attended, absenceReason: l.reason,
    })), today, { checkAbsence: false });
    // The absence rules run here, not through the outbox: the demo shows what the closed lists signalled, and leaves no job behind.
    await checkAbsence(manager, providerId as ProviderId, [...new Set(ofProvider.map((l) => l.placementId))], today);
  }
  return lines.length;
}
