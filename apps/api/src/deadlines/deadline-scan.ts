import { signalledDeadlines, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { deadlinesOfClient, clientsRepository } from '../clients';
import { ClientEntity, DeadlineSignalEntity } from '../database';
import type { MunicipalityId } from '../tenancy';

/** What one scan did: signals recorded (new or changed status) and signals resolved (deadline met or moved). */
export interface ScanOutcome {
  recorded: number;
  resolved: number;
}

/**
 * Finds the deadlines of these clients that are due soon or overdue (with the completion dates from their results, so a
 * met deadline raises nothing) and records each once per client, kind and date; open signals of these clients that no
 * longer apply (met, or moved by a changed PIP) are resolved today. Set-based: one insert and one update per call.
 */
export async function recordApproachingDeadlines(manager: EntityManager, clients: readonly ClientEntity[], today: CalendarDate): Promise<ScanOutcome> {
  if (clients.length === 0) return { recorded: 0, resolved: 0 };
  const completions = await clientsRepository.completions(manager, clients);
  const found = clients.flatMap((client) =>
    signalledDeadlines(
      deadlinesOfClient({ client, placementStatus: null, completion: completions.get(client.id) ?? { mapEindgesprekOn: null, pvtSignedOn: null, routeCompletedOn: null, obligationMetOn: null } }, today),
    ).map((d) => ({ clientId: client.id, municipalityId: client.municipalityId, ...d })),
  );
  const columns = {
    clientIds: found.map((f) => f.clientId),
    municipalityIds: found.map((f) => f.municipalityId),
    kinds: found.map((f) => f.kind),
    deadlines: found.map((f) => f.deadline),
    statuses: found.map((f) => f.status),
  };
  // The unique key (client, kind, deadline) makes a rerun a no-op; a signal that turned from due soon to overdue, or came back, is updated.
  const recorded = found.length === 0 ? [] : await manager.query<{ id: string }[]>(
    `INSERT INTO deadline_signal (client_id, municipality_id, kind, deadline, status)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[])
     ON CONFLICT (client_id, kind, deadline) DO UPDATE SET status = EXCLUDED.status, resolved_on = NULL
       WHERE deadline_signal.status <> EXCLUDED.status OR deadline_signal.resolved_on IS NOT NULL
     RETURNING id`,
    [columns.clientIds, columns.municipalityIds, columns.kinds, columns.deadlines, columns.statuses],
  );
  const resolved = await manager
    .createQueryBuilder()
    .update(DeadlineSignalEntity)
    .set({ resolvedOn: today })
    .where('client_id IN (:...scanned) AND resolved_on IS NULL', { scanned: clients.map((c) => c.id) })
    .andWhere(
      `(client_id, kind, deadline) NOT IN (SELECT * FROM unnest(CAST(:clientIds AS uuid[]), CAST(:kinds AS text[]), CAST(:deadlines AS date[])))`,
      { clientIds: columns.clientIds, kinds: columns.kinds, deadlines: columns.deadlines },
    )
    .execute();
  return { recorded: recorded.length, resolved: resolved.affected ?? 0 };
}

const BATCH = 2_000;

/** Scans one municipality's clients in keyset batches (memory stays flat however many clients it has). */
export async function scanMunicipality(manager: EntityManager, municipalityId: MunicipalityId, today: CalendarDate): Promise<ScanOutcome> {
  const total: ScanOutcome = { recorded: 0, resolved: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await manager
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .where('c.municipalityId = :municipalityId AND c.id > :after', { municipalityId, after })
      .orderBy('c.id')
      .take(BATCH)
      .getMany();
    if (batch.length === 0) return total;
    const outcome = await recordApproachingDeadlines(manager, batch, today);
    total.recorded += outcome.recorded;
    total.resolved += outcome.resolved;
    after = batch[batch.length - 1].id;
  }
}
