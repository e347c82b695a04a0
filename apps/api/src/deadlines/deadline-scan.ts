import { clientDeadlines, type CalendarDate, type DeadlineWithStatus, type Route, type TargetGroup } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';

interface ScanRow {
  id: string;
  municipality_id: string;
  target_group: TargetGroup;
  route: Route | null;
  brp_registration_date: string;
  pip_signed_on: string | null;
}

const SIGNALLED = new Set(['DUE_SOON', 'OVERDUE']);

/** Finds the deadlines of these clients that are due soon or overdue and records each once (per client, kind and date). */
export async function recordApproachingDeadlines(manager: EntityManager, clients: ScanRow[], today: CalendarDate): Promise<number> {
  const found: { clientId: string; municipalityId: string; kind: string; deadline: string; status: string }[] = [];
  for (const client of clients) {
    const deadlines = clientDeadlines(
      { targetGroup: client.target_group, route: client.route, brpRegistrationDate: client.brp_registration_date, pipSignedOn: client.pip_signed_on },
      today,
    );
    const kinds: [string, DeadlineWithStatus | null][] = [
      ['PIP_DEADLINE', deadlines.pip],
      ['TERM_END', deadlines.integrationTerm],
      ['MAP_DUE', deadlines.map],
      ['PVT_DUE', deadlines.pvt],
    ];
    for (const [kind, value] of kinds) {
      if (value && SIGNALLED.has(value.status)) {
        found.push({ clientId: client.id, municipalityId: client.municipality_id, kind, deadline: value.deadline, status: value.status });
      }
    }
  }
  if (found.length === 0) return 0;
  // One set-based insert; the unique key makes a rerun a no-op.
  const inserted: unknown[] = await manager.query(
    `INSERT INTO deadline_signal (client_id, municipality_id, kind, deadline, status)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[])
     ON CONFLICT (client_id, kind, deadline) DO NOTHING RETURNING id`,
    [found.map((f) => f.clientId), found.map((f) => f.municipalityId), found.map((f) => f.kind), found.map((f) => f.deadline), found.map((f) => f.status)],
  );
  return inserted.length;
}

export const SCAN_COLUMNS = 'id, municipality_id, target_group, route, brp_registration_date, pip_signed_on';
