import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { createProcurementLoaders } from '../procurement/procurement-loaders';

export interface OrganisationRow {
  id: string;
  kind: 'REGION' | 'MUNICIPALITY' | 'PROVIDER';
  name: string;
  cbs_code: string | null;
  kvk_number: string | null;
  region_id: string | null;
}

// One set of DataLoaders per request, so a list of lots costs one query per relation, not one per lot.
export function createLoaders(db: DataSource) {
  const groupBy = async (sql: string, keys: readonly string[]) => {
    const rows: (OrganisationRow & { key: string })[] = await db.query(sql, [keys]);
    const byKey = new Map<string, OrganisationRow[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return keys.map((key) => byKey.get(key) ?? []);
  };
  return {
    ...createProcurementLoaders(db),
    organisation: new DataLoader<string, OrganisationRow | null>(async (ids) => {
      const rows: OrganisationRow[] = await db.query(`SELECT * FROM organisation WHERE id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    lotProviders: new DataLoader<string, OrganisationRow[]>((lotIds) =>
      groupBy(
        `SELECT c.lot_id AS key, o.* FROM contract c JOIN organisation o ON o.id = c.provider_id
          WHERE c.lot_id = ANY($1::uuid[]) ORDER BY o.name`,
        lotIds,
      ),
    ),
    lotMunicipalities: new DataLoader<string, OrganisationRow[]>((lotIds) =>
      groupBy(
        `SELECT lm.lot_id AS key, o.* FROM lot_municipality lm JOIN organisation o ON o.id = lm.municipality_id
          WHERE lm.lot_id = ANY($1::uuid[]) ORDER BY o.name`,
        lotIds,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
