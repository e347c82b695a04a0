import {
  evidenceDueDates, formatDateNl, isEvidenceOverdue, isKeurmerkExpiringSoon, isKeurmerkValid, type CalendarDate, type EvidenceStatus, type QualityPeriod,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { raiseSignals, type NewSignal } from '../signals/raise-signal';

interface RequirementScanRow {
  id: string;
  title: string;
  period: QualityPeriod;
  first_due_on: string;
  contract_end: string;
  provider_id: string;
  provider_name: string;
  region_id: string;
  lot_name: string;
  /** Latest evidence status per due date. */
  latest: Record<string, EvidenceStatus> | null;
}

interface KeurmerkScanRow {
  provider_id: string;
  provider_name: string;
  keurmerk_valid_until: string | null;
  region_ids: string[];
}

/** Due periods whose date has passed without evidence that was submitted or accepted: a signal to the provider and to the region. */
export async function raiseOverdueEvidenceSignals(manager: Pick<EntityManager, 'query'>, today: CalendarDate, providerId: string | null): Promise<number> {
  const rows: RequirementScanRow[] = await manager.query(
    `SELECT q.id, q.title, q.period, q.first_due_on, c.ends_on AS contract_end, c.provider_id, p.name AS provider_name, l.region_id, l.name AS lot_name,
            (SELECT jsonb_object_agg(x.due_on, x.status) FROM (
               SELECT DISTINCT ON (e.due_on) e.due_on, e.status FROM quality_evidence e WHERE e.requirement_id = q.id ORDER BY e.due_on, e.submitted_at DESC) x) AS latest
       FROM quality_requirement q JOIN contract c ON c.id = q.contract_id JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id
      WHERE c.status IN ('ACTIVE', 'EXTENDED') AND q.first_due_on < $1 AND ($2::uuid IS NULL OR c.provider_id = $2)`,
    [today, providerId],
  );
  const signals: NewSignal[] = [];
  for (const row of rows) {
    for (const dueOn of evidenceDueDates(row.period, row.first_due_on, today, row.contract_end)) {
      const latest = row.latest?.[dueOn];
      if (!isEvidenceOverdue(dueOn, null, today) || latest === 'SUBMITTED' || latest === 'ACCEPTED') continue;
      const common = { kind: 'EVIDENCE_OVERDUE', subjectType: 'quality_requirement', subjectId: row.id, occurrenceKey: `${row.id}:${dueOn}` };
      const due = formatDateNl(dueOn);
      signals.push(
        { ...common, organisationId: row.provider_id, message: `Het bewijs voor "${row.title}" (${row.lot_name}) had uiterlijk ${due} ingediend moeten zijn.` },
        { ...common, organisationId: row.region_id, message: `${row.provider_name} heeft het bewijs voor "${row.title}" (${row.lot_name}) met vervaldatum ${due} niet op tijd ingediend.` },
      );
    }
  }
  return raiseSignals(manager, signals);
}

/** A keurmerk that expires soon, has expired or is missing while the provider holds a running B1 or Z contract: a signal to both sides. */
export async function raiseKeurmerkSignals(manager: Pick<EntityManager, 'query'>, today: CalendarDate, providerId: string | null): Promise<number> {
  const rows: KeurmerkScanRow[] = await manager.query(
    `SELECT p.id AS provider_id, p.name AS provider_name, p.keurmerk_valid_until, array_agg(DISTINCT l.region_id) AS region_ids
       FROM contract c JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id
      WHERE c.status IN ('ACTIVE', 'EXTENDED') AND l.subject IN ('B1', 'Z') AND ($1::uuid IS NULL OR p.id = $1)
      GROUP BY p.id`,
    [providerId],
  );
  const signals: NewSignal[] = [];
  for (const row of rows) {
    const validUntil = row.keurmerk_valid_until;
    const expiring = isKeurmerkExpiringSoon(validUntil, today);
    if (!expiring && isKeurmerkValid(validUntil, today)) continue;
    const kind = expiring ? 'KEURMERK_EXPIRING' : 'KEURMERK_EXPIRED';
    const what = !validUntil ? 'heeft geen geldig Blik op Werk keurmerk' : expiring ? `Blik op Werk keurmerk verloopt op ${formatDateNl(validUntil)}` : `Blik op Werk keurmerk is verlopen op ${formatDateNl(validUntil)}`;
    const common = { kind, subjectType: 'organisation', subjectId: row.provider_id, occurrenceKey: `${row.provider_id}:${validUntil ?? 'geen'}` };
    signals.push({
      ...common,
      organisationId: row.provider_id,
      message: !validUntil ? `Uw organisatie ${what}, maar heeft een lopend contract voor de B1- of Z-route.`
        : `Uw ${what}. Zonder geldig keurmerk mag u geen B1- of Z-route uitvoeren; lever het nieuwe keurmerk tijdig aan.`,
    });
    for (const regionId of row.region_ids) {
      signals.push({ ...common, organisationId: regionId, message: `${row.provider_name}: ${!validUntil ? what : `het ${what}`} (lopend B1- of Z-contract).` });
    }
  }
  return raiseSignals(manager, signals);
}
