import {
  clientDeadlines,
  deadlineList,
  isRoute,
  LEARNABILITY_OUTCOMES,
  LEVELS,
  maskBsn,
  mostUrgentDeadline,
  TARGET_GROUPS,
  type ClientDeadlines,
  type KindedDeadline,
  type LearnabilityOutcome,
  type Level,
  type TargetGroup,
} from '@inburgering/domain';
import type { ClientWithState } from './clients.repository';
import { ClientDeadlinesType, ClientType, DeadlineType, KindedDeadlineType } from './client.types';

/** The entity stores vocabularies as text; these read them back into the domain's types (unknown values never pass). */
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => ((values as readonly string[]).includes(value ?? '') ? (value as T) : null);
const targetGroupOf = (value: string): TargetGroup => oneOf(TARGET_GROUPS, value) ?? 'OTHER';

/** The domain deadlines of a client: term and route-switch window from the FIRST PIP, MET/MET_LATE from the recorded results. */
export function deadlinesOfClient({ client, completion }: ClientWithState, today: string): ClientDeadlines {
  return clientDeadlines(
    {
      targetGroup: targetGroupOf(client.targetGroup),
      route: isRoute(client.route) ? client.route : null,
      brpRegistrationDate: client.brpRegistrationDate,
      pipSignedOn: client.pipSignedOn,
      firstPipSignedOn: client.firstPipSignedOn,
      mapEindgesprekOn: completion.mapEindgesprekOn,
      pvtSignedOn: completion.pvtSignedOn,
      obligationMetOn: completion.obligationMetOn,
    },
    today,
  );
}

/** The client's deadlines as a list with statuses (domain rules), for filtering and sorting the caseload. */
export function deadlinesOf(view: ClientWithState, today: string): KindedDeadline[] {
  return deadlineList(deadlinesOfClient(view, today), today);
}

const deadline = (value: { deadline: string; status: DeadlineType['status'] } | null): DeadlineType | null =>
  value ? Object.assign(new DeadlineType(), { deadline: value.deadline, status: value.status }) : null;

/** Maps a client to the municipality's view; `bsn` is decrypted by the caller only to mask it. */
export function toClientType(view: ClientWithState, bsn: string | null, today: string): ClientType {
  const { client } = view;
  const deadlines = deadlinesOfClient(view, today);
  const list = deadlineList(deadlines, today);
  const urgent = mostUrgentDeadline(list);
  const routeSwitch = list.find((d) => d.kind === 'ROUTE_SWITCH') ?? null;
  return Object.assign(new ClientType(), {
    id: client.id,
    clientNumber: client.clientNumber,
    municipalityId: client.municipalityId,
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: client.dateOfBirth,
    targetGroup: targetGroupOf(client.targetGroup),
    brpRegistrationDate: client.brpRegistrationDate,
    pipSignedOn: client.pipSignedOn,
    firstPipSignedOn: client.firstPipSignedOn ?? client.pipSignedOn,
    route: isRoute(client.route) ? client.route : null,
    level: oneOf<Level>(LEVELS, client.level),
    // An anonymised client (retention) has no BSN any more.
    bsnMasked: bsn === null ? 'verwijderd' : maskBsn(bsn),
    anonymisedOn: client.anonymisedOn,
    learnabilityOutcome: oneOf<LearnabilityOutcome>(LEARNABILITY_OUTCOMES, client.learnabilityOutcome) ?? 'UNKNOWN',
    learnabilityScore: client.learnabilityScore,
    intakeCompletedOn: client.intakeCompletedOn,
    intakeNotes: client.intakeNotes,
    pipMinutesPerWeek: client.pipMinutesPerWeek,
    pipLessonPattern: client.pipLessonPattern,
    pipCount: client.pipCount,
    placementStatus: view.placementStatus ?? 'NONE',
    deadlines: Object.assign(new ClientDeadlinesType(), {
      pip: deadline(deadlines.pip),
      integrationTerm: deadline(deadlines.integrationTerm),
      map: deadline(deadlines.map),
      pvt: deadline(deadlines.pvt),
      routeSwitchWindowEnd: deadlines.routeSwitch?.windowEnd ?? null,
      routeSwitch: deadline(routeSwitch),
      mostUrgent: urgent ? Object.assign(new KindedDeadlineType(), { kind: urgent.kind, deadline: urgent.deadline, status: urgent.status }) : null,
    }),
  });
}
