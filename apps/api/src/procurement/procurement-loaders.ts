import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toFieldChanges } from './contract-changes';
import { ContractVersionType } from './contract.types';
import { REQUIREMENT_SELECT, type RequirementRow } from './quality-rows';
import type { QualityRequirementType } from './quality.types';
import { requirementsWithPeriods } from './requirements-with-periods';
import { startMomentSelect, toStartMomentType, type StartMomentRow } from './start-moment-row';
import type { StartMomentType } from './start-moment.types';

interface VersionRow {
  contract_id: string;
  version: number;
  changed_at: Date;
  changed_by: string | null;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

function groupBy<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(keyOf(item), [...(byKey.get(keyOf(item)) ?? []), item]);
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * Per-request loaders for what hangs under a contract. The parent contract was already loaded within the actor's
 * scope, so loading its children by contract id needs no further tenant check.
 */
export function createProcurementLoaders(db: DataSource) {
  return {
    contractHistory: new DataLoader<string, ContractVersionType[]>(async (contractIds) => {
      const rows: VersionRow[] = await db.query(
        `SELECT v.contract_id, v.version, v.changed_at, u.display_name AS changed_by, v.reason, v.changes
           FROM contract_version v LEFT JOIN app_user u ON u.id = v.changed_by_user_id WHERE v.contract_id = ANY($1::uuid[]) ORDER BY v.version DESC`,
        [contractIds],
      );
      return groupBy(contractIds, rows, (row) => row.contract_id).map((versions) => versions.map((row) =>
        Object.assign(new ContractVersionType(), {
          version: row.version, changedAt: row.changed_at, changedBy: row.changed_by, reason: row.reason, changes: toFieldChanges(row.changes),
        })));
    }),
    contractStartMoments: new DataLoader<string, StartMomentType[]>(async (contractIds) => {
      const rows: StartMomentRow[] = await db.query(`SELECT * FROM (${startMomentSelect('sm.contract_id = ANY($1::uuid[])')}) s ORDER BY s.starts_on, s.location`, [contractIds]);
      return groupBy(contractIds, rows, (row) => row.contract_id).map((group) => group.map(toStartMomentType));
    }),
    contractRequirements: new DataLoader<string, QualityRequirementType[]>(async (contractIds) => {
      const rows: RequirementRow[] = await db.query(`${REQUIREMENT_SELECT} WHERE q.contract_id = ANY($1::uuid[]) ORDER BY q.first_due_on, q.title`, [contractIds]);
      const withPeriods = await requirementsWithPeriods(db.manager, rows);
      return groupBy(contractIds, withPeriods, (row) => row.contractId);
    }),
  };
}
