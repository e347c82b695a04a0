import { clientDeadlines, deadlineList, maskBsn, mostUrgentDeadline, type KindedDeadline, type Route, type TargetGroup } from '@inburgering/domain';
import {
  ActivePlacementStatusGql,
  ClientDeadlinesType,
  ClientType,
  DeadlineKindGql,
  DeadlineStatusGql,
  DeadlineType,
  KindedDeadlineType,
  LearnabilityOutcomeGql,
  LevelGql,
  RouteGql,
  TargetGroupGql,
} from './client.types';

export interface ClientRow {
  id: string;
  municipality_id: string;
  client_number: number;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  target_group: string;
  brp_registration_date: string;
  pip_signed_on: string | null;
  route: string | null;
  level: string | null;
  learnability_outcome: string;
  learnability_score: number | null;
  intake_completed_on: string | null;
  intake_notes: string | null;
  pip_minutes_per_week: number | null;
  pip_lesson_pattern: string | null;
  pip_count: number;
  /** Status of the active placement (from a lateral join), null when there is none. */
  placement_status: string | null;
}

/** The client columns the municipality's queries select, with the active placement's status. Needs `FROM client c`. */
export const CLIENT_COLUMNS = `c.id, c.municipality_id, c.client_number, c.first_name, c.last_name, c.date_of_birth, c.target_group,
  c.brp_registration_date, c.pip_signed_on, c.route, c.level, c.learnability_outcome, c.learnability_score, c.intake_completed_on,
  c.intake_notes, c.pip_minutes_per_week, c.pip_lesson_pattern, c.pip_count,
  (SELECT p.status FROM placement p WHERE p.client_id = c.id AND p.status IN ('WAITING', 'REQUESTED', 'ACCEPTED', 'STARTED')
    ORDER BY p.requested_at DESC LIMIT 1) AS placement_status`;

const deadline = (value: { deadline: string; status: string } | null): DeadlineType | null =>
  value ? Object.assign(new DeadlineType(), { deadline: value.deadline, status: value.status as DeadlineStatusGql }) : null;

/** The client's deadlines as a list with statuses (domain rules), for filtering and sorting the caseload. */
export function deadlinesOf(row: ClientRow, today: string): KindedDeadline[] {
  return deadlineList(
    clientDeadlines(
      { targetGroup: row.target_group as TargetGroup, route: row.route as Route | null, brpRegistrationDate: row.brp_registration_date, pipSignedOn: row.pip_signed_on },
      today,
    ),
    today,
  );
}

/** Maps a row to the municipality's view; `bsn` is decrypted by the caller only to mask it. */
export function toClientType(row: ClientRow, bsn: string, today: string): ClientType {
  const deadlines = clientDeadlines(
    {
      targetGroup: row.target_group as TargetGroup,
      route: row.route as Route | null,
      brpRegistrationDate: row.brp_registration_date,
      pipSignedOn: row.pip_signed_on,
    },
    today,
  );
  const list = deadlineList(deadlines, today);
  const urgent = mostUrgentDeadline(list);
  const routeSwitch = list.find((d) => d.kind === 'ROUTE_SWITCH') ?? null;
  return Object.assign(new ClientType(), {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    targetGroup: row.target_group as TargetGroupGql,
    brpRegistrationDate: row.brp_registration_date,
    pipSignedOn: row.pip_signed_on,
    route: row.route as RouteGql | null,
    level: row.level as LevelGql | null,
    bsnMasked: maskBsn(bsn),
    learnabilityOutcome: row.learnability_outcome as LearnabilityOutcomeGql,
    learnabilityScore: row.learnability_score,
    intakeCompletedOn: row.intake_completed_on,
    intakeNotes: row.intake_notes,
    pipMinutesPerWeek: row.pip_minutes_per_week,
    pipLessonPattern: row.pip_lesson_pattern,
    pipCount: row.pip_count,
    placementStatus: (row.placement_status ?? 'NONE') as ActivePlacementStatusGql,
    deadlines: Object.assign(new ClientDeadlinesType(), {
      pip: deadline(deadlines.pip),
      integrationTerm: deadline(deadlines.integrationTerm),
      map: deadline(deadlines.map),
      pvt: deadline(deadlines.pvt),
      routeSwitchWindowEnd: deadlines.routeSwitch?.windowEnd ?? null,
      routeSwitch: deadline(routeSwitch),
      mostUrgent: urgent
        ? Object.assign(new KindedDeadlineType(), { kind: urgent.kind as DeadlineKindGql, deadline: urgent.deadline, status: urgent.status as DeadlineStatusGql })
        : null,
    }),
  });
}
