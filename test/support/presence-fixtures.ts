import { randomUUID } from 'node:crypto';
import { addDays, isoWeekday, localMomentInAmsterdam, minutesOfTime, type CalendarDate } from '@inburgering/domain';
import { CreatePresenceGroupDocument, IssuePresenceCardDocument, PresenceLessonsDocument, PresenceTeachersDocument } from '@inburgering/contracts';
import type { Client } from 'pg';
import type { GraphqlSession } from './graphql-session';
import { pastWeekdays, placeClients, today, type FixturePlacement } from './hours-fixtures';

/** The instant the Amsterdam wall clock shows `time` on `date` (winter or summer time). */
export function amsterdam(date: CalendarDate, time: string): Date {
  for (const offset of [1, 2]) {
    const candidate = new Date(`${date}T${time}:00Z`);
    candidate.setUTCHours(candidate.getUTCHours() - offset);
    const local = localMomentInAmsterdam(candidate);
    if (local.date === date && local.minutes === minutesOfTime(time)) return candidate;
  }
  throw new Error(`Geen tijdstip voor ${date} ${time}`);
}

/** A weekday of the current month on or before today (a lesson day whose hours may be registered). */
export function lessonDay(): CalendarDate {
  const now = today();
  return isoWeekday(now) <= 5 ? now : pastWeekdays(1, now)[0];
}

export interface PresenceGroupFixture {
  lessonId: string;
  groupId: string;
  students: (FixturePlacement & { code: string })[];
}

/** New Bees places `count` Arnhem clients, makes a group taught by `teacherEmail` with a lesson on `date`, and issues every student a card. */
export async function presenceGroup(
  pg: Client, provider: GraphqlSession, teacher: GraphqlSession, options: { date: CalendarDate; name: string; count: number; teacherEmail: string },
): Promise<PresenceGroupFixture> {
  const placed = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: options.count, groupName: options.name, startDate: addDays(options.date, -60) });
  const { presenceTeachers } = await provider.ok(PresenceTeachersDocument);
  const teacherUser = presenceTeachers.find((t) => t.email === options.teacherEmail)!;
  const { createPresenceGroup } = await provider.ok(CreatePresenceGroupDocument, {
    input: {
      name: options.name, location: 'Arnhem, Velperweg', daypart: 'DAYTIME', teacherUserId: teacherUser.id, placementIds: placed.map((p) => p.placementId),
      weekdays: [isoWeekday(options.date)], startTime: '09:00', endTime: '12:00', from: options.date, until: addDays(options.date, 13),
    },
  });
  const students = [];
  for (const p of placed) {
    const { issuePresenceCard } = await provider.ok(IssuePresenceCardDocument, { input: { placementId: p.placementId } });
    students.push({ ...p, code: issuePresenceCard.code });
  }
  const { presenceLessons } = await teacher.ok(PresenceLessonsDocument, { date: options.date });
  const lesson = presenceLessons.find((l) => l.groupId === createPresenceGroup.id)!;
  return { lessonId: lesson.id, groupId: createPresenceGroup.id, students };
}

export const markId = (): string => randomUUID();
