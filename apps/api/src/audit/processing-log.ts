import type { EntityManager } from 'typeorm';
import type { Actor } from '../tenancy/actor';

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
} as const;

// One set-based insert per read or change; the log is append-only (a trigger refuses UPDATE and DELETE).
export async function logProcessing(
  manager: Pick<EntityManager, 'query'>,
  actor: Actor | null,
  action: ProcessingAction,
  subjectType: string,
  subjectIds: string[],
  purpose: string,
): Promise<void> {
  if (subjectIds.length === 0) return;
  await manager.query(
    `INSERT INTO processing_log (actor_user_id, actor_organisation_id, action, subject_type, subject_ids, purpose)
     VALUES ($1, $2, $3, $4, $5::uuid[], $6)`,
    [actor?.userId ?? null, actor?.organisationId ?? null, action, subjectType, subjectIds, purpose],
  );
}
