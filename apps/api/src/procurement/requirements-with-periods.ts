import { calendarDateInAmsterdam } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { EVIDENCE_SELECT, toRequirementType, type EvidenceRow, type RequirementRow } from './quality-rows';
import type { QualityRequirementType } from './quality.types';

/** Requirements with their periods and evidence: one query for all evidence, however many requirements. */
export async function requirementsWithPeriods(db: Pick<EntityManager, 'query'>, rows: RequirementRow[]): Promise<QualityRequirementType[]> {
  if (rows.length === 0) return [];
  const evidence: EvidenceRow[] = await db.query(`${EVIDENCE_SELECT} WHERE e.requirement_id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
  const today = calendarDateInAmsterdam(new Date());
  const byRequirement = new Map<string, EvidenceRow[]>();
  for (const row of evidence) byRequirement.set(row.requirement_id, [...(byRequirement.get(row.requirement_id) ?? []), row]);
  return rows.map((row) => toRequirementType(row, byRequirement.get(row.id) ?? [], today));
}
