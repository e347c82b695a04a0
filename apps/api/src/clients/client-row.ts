import { clientDeadlines, maskBsn, type Route, type TargetGroup } from '@inburgering/domain';
import { ClientDeadlinesType, ClientType, DeadlineStatusGql, DeadlineType, LevelGql, RouteGql, TargetGroupGql } from './client.types';

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
}

const deadline = (value: { deadline: string; status: string } | null): DeadlineType | null =>
  value ? Object.assign(new DeadlineType(), { deadline: value.deadline, status: value.status as DeadlineStatusGql }) : null;

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
    deadlines: Object.assign(new ClientDeadlinesType(), {
      pip: deadline(deadlines.pip),
      integrationTerm: deadline(deadlines.integrationTerm),
      map: deadline(deadlines.map),
      pvt: deadline(deadlines.pvt),
      routeSwitchWindowEnd: deadlines.routeSwitch?.windowEnd ?? null,
    }),
  });
}
