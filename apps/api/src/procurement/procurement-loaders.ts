import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../graphql';
import { ContractVersionEntity } from '../database';
import { toFieldChanges } from './contract-changes';
import { ContractVersionType } from './contract.types';
import { requirementsQuery, withEvidence, type RequirementWithEvidence } from './quality.repository';
import { startMomentsQuery, withSeatCounts } from './start-moment.repository';
import type { StartMomentType } from './start-moment.types';

function groupBy<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(keyOf(item), [...(byKey.get(keyOf(item)) ?? []), item]);
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * Per-request loaders for what hangs under a contract. The parent contract was already loaded within the actor's
 * scope, so loading its children by contract id needs no further tenant check.
 */
function createProcurementLoaders(db: DataSource) {
  return {
    contractHistory: new DataLoader<string, ContractVersionType[]>(async (contractIds) => {
      const versions = await db.getRepository(ContractVersionEntity).createQueryBuilder('v')
        .leftJoin('v.changedBy', 'u').addSelect(['u.id', 'u.displayName'])
        .where('v.contract_id IN (:...contractIds)', { contractIds: [...contractIds] })
        .orderBy('v.version', 'DESC')
        .getMany();
      return groupBy(contractIds, versions, (v) => v.contractId).map((group) => group.map((v) =>
        Object.assign(new ContractVersionType(), {
          version: v.version, changedAt: v.changedAt, changedBy: v.changedBy?.displayName ?? null, reason: v.reason, changes: toFieldChanges(v.changes),
        })));
    }),
    contractStartMoments: new DataLoader<string, StartMomentType[]>(async (contractIds) => {
      const startMoments = await startMomentsQuery(db.manager)
        .where('sm.contract_id IN (:...contractIds)', { contractIds: [...contractIds] })
        .orderBy('sm.startsOn').addOrderBy('sm.location')
        .getMany();
      return groupBy(contractIds, await withSeatCounts(db.manager, startMoments), (sm) => sm.contractId);
    }),
    /** Requirements with their evidence; the resolver adds the periods with today's date from the clock. */
    contractRequirements: new DataLoader<string, RequirementWithEvidence[]>(async (contractIds) => {
      const requirements = await requirementsQuery(db.manager)
        .where('q.contract_id IN (:...contractIds)', { contractIds: [...contractIds] })
        .orderBy('q.firstDueOn').addOrderBy('q.title')
        .getMany();
      return groupBy(contractIds, await withEvidence(db.manager, requirements), (row) => row.requirement.contractId);
    }),
  };
}

/** The request's procurement loaders. */
export function procurementLoaders(ctx: RequestContext, db: DataSource): ReturnType<typeof createProcurementLoaders> {
  return perRequest(ctx, 'procurement', () => createProcurementLoaders(db));
}
