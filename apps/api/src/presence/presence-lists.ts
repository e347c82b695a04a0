import {
  HOUR_REGISTRATION_PLACEMENT_STATUSES, isSignInOpen, lessonHoursOf, timeOfMinutes,
  type AbsenceReason, type CalendarDate, type CredentialKind, type HourCategory, type LessonHours, type LessonStatus, type LocalMoment,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { PresenceGroupMemberEntity, PresenceLessonEntity, PresenceMarkEntity } from '../database';
import type { ProviderId } from '../tenancy';
import { PresenceLessonSummaryType, PresenceLessonType, PresenceMarkType, PresenceStudentType } from './presence.types';

// Reading presence lists: the lesson with its group and teacher, its students (name and client number only), its lines,
// and the state of each student folded from the lines in order.

export interface LessonStudent {
  lessonId: string;
  placementId: string;
  clientId: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
}

/** The state of one student on a list after all its lines (an arrival clears an absence and the other way round). */
export interface StudentState {
  arrivalMinutes: number | null;
  departureMinutes: number | null;
  late: boolean;
  absent: boolean;
  absenceReason: AbsenceReason | null;
  credentialKind: CredentialKind | null;
}

export const statusOf = (lesson: Pick<PresenceLessonEntity, 'closedAt'>): LessonStatus => (lesson.closedAt ? 'CLOSED' : 'OPEN');

/** Lessons with group and teacher, by id, for one provider. */
export function lessonsById(manager: EntityManager, providerId: ProviderId, ids: readonly string[]): Promise<PresenceLessonEntity[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(PresenceLessonEntity).createQueryBuilder('l')
    .innerJoinAndSelect('l.group', 'g')
    .innerJoin('l.teacher', 't').addSelect(['t.id', 't.displayName', 't.email'])
    .where('l.providerId = :providerId', { providerId })
    .andWhere('l.id IN (:...ids)', { ids: [...ids] })
    .orderBy('l.lessonDate').addOrderBy('l.startTime')
    .getMany();
}

/** The students of each lesson: the group's members whose placement runs on the lesson day. */
export async function studentsOf(manager: EntityManager, lessons: readonly PresenceLessonEntity[]): Promise<LessonStudent[]> {
  if (lessons.length === 0) return [];
  return manager.getRepository(PresenceGroupMemberEntity).createQueryBuilder('gm')
    .innerJoin(PresenceLessonEntity, 'l', 'l.group_id = gm.group_id')
    .innerJoin('gm.placement', 'p')
    .innerJoin('p.client', 'c')
    .select(['l.id AS "lessonId"', 'p.id AS "placementId"', 'c.id AS "clientId"', 'c.client_number AS "clientNumber"', 'c.first_name AS "firstName"', 'c.last_name AS "lastName"'])
    .where('l.id IN (:...ids)', { ids: lessons.map((l) => l.id) })
    .andWhere('p.status IN (:...statuses)', { statuses: [...HOUR_REGISTRATION_PLACEMENT_STATUSES] })
    .andWhere('(p.start_date IS NULL OR p.start_date <= l.lesson_date)')
    .andWhere('(p.ended_on IS NULL OR p.ended_on >= l.lesson_date)')
    .orderBy('c.last_name').addOrderBy('c.first_name').addOrderBy('p.id')
    .getRawMany<LessonStudent>();
}

export type MarkWithRecorder = PresenceMarkEntity & { recordedByName: string };

export async function marksOf(manager: EntityManager, lessonIds: readonly string[]): Promise<MarkWithRecorder[]> {
  if (lessonIds.length === 0) return [];
  const { entities, raw } = await manager.getRepository(PresenceMarkEntity).createQueryBuilder('m')
    .leftJoin('app_user', 'u', 'u.id = m.recorded_by_user_id')
    .addSelect('u.display_name', 'recorded_by_name')
    .where('m.lessonId IN (:...ids)', { ids: [...lessonIds] })
    .orderBy('m.seq')
    .getRawAndEntities<{ recorded_by_name: string | null }>();
  return entities.map((mark, index) => Object.assign(mark, { recordedByName: raw[index]?.recorded_by_name ?? '' }));
}

export function foldMarks(marks: readonly PresenceMarkEntity[]): Map<string, StudentState> {
  const states = new Map<string, StudentState>();
  for (const mark of marks) {
    const state = states.get(mark.placementId) ?? { arrivalMinutes: null, departureMinutes: null, late: false, absent: false, absenceReason: null, credentialKind: null };
    if (mark.kind === 'ARRIVAL') {
      Object.assign(state, { arrivalMinutes: mark.atMinutes, departureMinutes: null, late: mark.late, absent: false, absenceReason: mark.absenceReason, credentialKind: mark.credentialKind });
    } else if (mark.kind === 'DEPARTURE') {
      Object.assign(state, { departureMinutes: mark.atMinutes, absenceReason: mark.absenceReason ?? state.absenceReason });
    } else {
      Object.assign(state, { arrivalMinutes: null, departureMinutes: null, late: false, absent: true, absenceReason: mark.absenceReason, credentialKind: null });
    }
    states.set(mark.placementId, state as StudentState);
  }
  return states;
}

/** Whether a student is on the list at all: signed in or marked absent. */
export const isMarked = (state: StudentState | undefined): boolean => !!state && (state.arrivalMinutes !== null || state.absent);

/** The hours one lesson gives each of its students (a student without any line counts as absent, unexcused). */
export function hoursOfLesson(lesson: Pick<PresenceLessonEntity, 'startTime' | 'endTime'>, students: readonly LessonStudent[], states: Map<string, StudentState>): Map<string, LessonHours> {
  return new Map(students.map((s) => {
    const state = states.get(s.placementId);
    return [s.placementId, lessonHoursOf(lesson, {
      arrivalMinutes: state?.arrivalMinutes ?? null, departureMinutes: state?.departureMinutes ?? null, absenceReason: state?.absenceReason ?? null,
    })];
  }));
}

/** The day totals for the hour registration: the hours of every closed lesson of these placements on that day, per category. */
export async function closedDayTotals(
  manager: EntityManager, providerId: ProviderId, placementIds: readonly string[], date: CalendarDate,
): Promise<{ placementId: string; date: CalendarDate; category: HourCategory; plannedMinutes: number; attendedMinutes: number; absenceReason: AbsenceReason | null }[]> {
  if (placementIds.length === 0) return [];
  const lessons = await manager.getRepository(PresenceLessonEntity).createQueryBuilder('l')
    .innerJoinAndSelect('l.group', 'g')
    .innerJoin(PresenceGroupMemberEntity, 'gm', 'gm.group_id = l.group_id AND gm.placement_id IN (:...placementIds)', { placementIds: [...placementIds] })
    .where('l.providerId = :providerId', { providerId })
    .andWhere('l.lessonDate = :date', { date })
    .andWhere('l.closedAt IS NOT NULL AND l.cancellation IS NULL')
    .getMany();
  const students = (await studentsOf(manager, lessons)).filter((s) => placementIds.includes(s.placementId));
  const marks = await marksOf(manager, lessons.map((l) => l.id));
  const totals = new Map<string, { placementId: string; date: CalendarDate; category: HourCategory; plannedMinutes: number; attendedMinutes: number; reasons: AbsenceReason[] }>();
  for (const lesson of lessons) {
    const hours = hoursOfLesson(lesson, students.filter((s) => s.lessonId === lesson.id), foldMarks(marks.filter((m) => m.lessonId === lesson.id)));
    for (const [placementId, h] of hours) {
      const category = lesson.group!.category as HourCategory;
      const key = `${placementId}|${category}`;
      const total = totals.get(key) ?? { placementId, date, category, plannedMinutes: 0, attendedMinutes: 0, reasons: [] };
      total.plannedMinutes += h.plannedMinutes;
      total.attendedMinutes += h.attendedMinutes;
      if (h.absenceReason) total.reasons.push(h.absenceReason);
      totals.set(key, total);
    }
  }
  return [...totals.values()].map(({ reasons, ...t }) => ({
    ...t,
    absenceReason: t.attendedMinutes >= t.plannedMinutes ? null : reasons.includes('UNEXCUSED') ? 'UNEXCUSED' : (reasons[0] ?? 'UNEXCUSED'),
  }));
}

export function toSummary(lesson: PresenceLessonEntity, students: readonly LessonStudent[], states: Map<string, StudentState>): PresenceLessonSummaryType {
  return Object.assign(new PresenceLessonSummaryType(), {
    id: lesson.id,
    groupId: lesson.groupId,
    groupName: lesson.group!.name,
    location: lesson.group!.location,
    date: lesson.lessonDate,
    startTime: lesson.startTime,
    endTime: lesson.endTime,
    kind: lesson.kind,
    cancellation: lesson.cancellation,
    status: statusOf(lesson),
    teacherName: lesson.teacher?.displayName ?? '',
    studentCount: students.length,
    presentCount: students.filter((s) => states.get(s.placementId)?.arrivalMinutes != null).length,
  });
}

export function toLesson(lesson: PresenceLessonEntity, students: readonly LessonStudent[], marks: readonly MarkWithRecorder[], now: LocalMoment): PresenceLessonType {
  const states = foldMarks(marks);
  const time = (m: number | null): string | null => (m === null ? null : timeOfMinutes(m));
  return Object.assign(new PresenceLessonType(), {
    ...toSummary(lesson, students, states),
    signInOpen: !lesson.closedAt && !lesson.cancellation && isSignInOpen({ date: lesson.lessonDate, startTime: lesson.startTime, endTime: lesson.endTime }, now),
    closedAt: lesson.closedAt,
    closingSignature: lesson.closingSignature,
    students: students.map((s) => {
      const state = states.get(s.placementId);
      return Object.assign(new PresenceStudentType(), {
        placementId: s.placementId, clientNumber: Number(s.clientNumber), firstName: s.firstName, lastName: s.lastName,
        arrivalTime: time(state?.arrivalMinutes ?? null), departureTime: time(state?.departureMinutes ?? null), late: state?.late ?? false,
        absenceReason: state?.absenceReason ?? null, absent: state?.absent ?? false, credentialKind: state?.credentialKind ?? null,
      });
    }),
    marks: marks.map((m) => Object.assign(new PresenceMarkType(), {
      id: m.id, placementId: m.placementId, kind: m.kind, time: time(m.atMinutes), credentialKind: m.credentialKind, absenceReason: m.absenceReason,
      late: m.late, recordedBy: m.recordedByName, recordedAt: m.recordedAt, correctsMarkId: m.correctsMarkId, correctionReason: m.correctionReason,
    })),
  });
}
