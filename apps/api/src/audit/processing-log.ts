import type { EntityManager } from 'typeorm';
import { ProcessingLogEntity } from '../database';
import type { Actor } from '../tenancy';

export type ProcessingAction = 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' | 'REVEAL_BSN';

/** The purposes (grondslagen) the platform processes personal data for. */
export const PURPOSE = {
  CASELOAD: 'Uitvoering Wet inburgering 2021: regie op de inburgering (art. 6 lid 1e AVG)',
  REGISTRATION: 'Uitvoering Wet inburgering 2021: registratie inburgeraar',
  BSN_REVEAL: 'Uitvoering Wet inburgering 2021: controle identiteit / melding aan DUO',
  DEADLINE_SCAN: 'Uitvoering Wet inburgering 2021: bewaking termijnen',
  PLACEMENT: 'Uitvoering Wet inburgering 2021: plaatsing bij een taalaanbieder',
  PROVIDER_EXECUTION: 'Uitvoering overeenkomst inburgeringsaanbod: lesgeven aan geplaatste inburgeraars',
  TRANSFER: 'Uitvoering Wet inburgering 2021: overdracht bij verhuizing naar een andere gemeente',
  ACCESS_REQUEST: 'AVG art. 15: inzage door de betrokkene in de eigen persoonsgegevens',
  RETENTION: 'AVG art. 5 lid 1e: opslagbeperking (bewaartermijn van persoonsgegevens)',
  MAP_PARTS: 'Uitvoering Wet inburgering 2021: MAP-onderdelen bij de aanbiedende partij (cafetariamodel)',
} as const;

/** The caller's transaction or the DataSource; see `OutboxWriter` for why the query-only type is still accepted. */
export type ProcessingLogWriter = Pick<EntityManager, 'getRepository'> | Pick<EntityManager, 'query'>;

/** One entry of the processing log, as logProcessing writes it; for a statement that writes it itself (processingLogInsert). */
export interface ProcessingLogRead {
  actor: Pick<Actor, 'userId' | 'organisationId'> | null;
  action: ProcessingAction;
  subjectType: string;
  subjectIds: string[];
  purpose: string;
}

/**
 * The insert of one processing-log entry, with its parameters numbered from `$first`: logProcessing runs it on its own;
 * a read of personal data may run it as a data-modifying CTE of the statement that reads (`WITH logged AS (…) SELECT …`),
 * so the read and its entry are one round trip and commit together (the entry never without the read, nor the read without it).
 */
export function processingLogInsert(entry: ProcessingLogRead, first = 1): { sql: string; params: unknown[] } {
  const p = (n: number) => `$${first + n}`;
  return {
    sql: `INSERT INTO processing_log (actor_user_id, actor_organisation_id, action, subject_type, subject_ids, purpose)
     VALUES (${p(0)}::uuid, ${p(1)}::uuid, ${p(2)}, ${p(3)}, ${p(4)}::uuid[], ${p(5)})`,
    params: [entry.actor?.userId ?? null, entry.actor?.organisationId ?? null, entry.action, entry.subjectType, entry.subjectIds, entry.purpose],
  };
}

// One insert per read or change (all subjects in one row); the log is append-only (a trigger refuses UPDATE and DELETE).
export async function logProcessing(
  manager: ProcessingLogWriter,
  actor: Pick<Actor, 'userId' | 'organisationId'> | null,
  action: ProcessingAction,
  subjectType: string,
  subjectIds: string[],
  purpose: string,
): Promise<void> {
  if (subjectIds.length === 0) return;
  // Plain SQL when the writer has it (an EntityManager or a query runner's manager): the same row, without building an
  // insert query per read (every caseload page writes one).
  if (!('query' in manager)) {
    const entry: Omit<ProcessingLogEntity, 'id' | 'occurredAt'> = { actorUserId: actor?.userId ?? null, actorOrganisationId: actor?.organisationId ?? null, action, subjectType, subjectIds, purpose };
    await manager.getRepository(ProcessingLogEntity).insert(entry);
    return;
  }
  const insert = processingLogInsert({ actor, action, subjectType, subjectIds, purpose });
  await manager.query<unknown>(insert.sql, insert.params);
}
