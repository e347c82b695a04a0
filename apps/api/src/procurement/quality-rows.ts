import {
  evidenceDueDates, evidencePeriodStatus, evidencePeriodStatusLabel, qualityPeriodLabel, qualityRequirementLabel,
  type EvidenceStatus, type QualityPeriod, type QualityRequirementType as RequirementKind,
} from '@inburgering/domain';
import {
  EvidenceForReviewType, EvidencePeriodStatusGql, EvidencePeriodType, EvidenceStatusGql, QualityEvidenceType, QualityPeriodGql, QualityRequirementType,
  QualityRequirementTypeGql, StoredDocumentType,
} from './quality.types';

export interface RequirementRow {
  id: string;
  contract_id: string;
  type: RequirementKind;
  title: string;
  norm: string;
  norm_value: string | null;
  period: QualityPeriod;
  first_due_on: string;
  contract_end: string;
  provider_id: string;
  region_id: string;
  lot_name: string;
  provider_name: string;
}

export const REQUIREMENT_SELECT = `
  SELECT q.id, q.contract_id, q.type, q.title, q.norm, q.norm_value, q.period, q.first_due_on, c.ends_on AS contract_end, c.provider_id, l.region_id,
         l.name AS lot_name, p.name AS provider_name
    FROM quality_requirement q JOIN contract c ON c.id = q.contract_id JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id`;

export interface EvidenceRow {
  id: string;
  requirement_id: string;
  due_on: string;
  value: string | null;
  comment: string | null;
  document_id: string | null;
  filename: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  submitted_at: Date;
  submitted_by: string | null;
  status: EvidenceStatus;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_reason: string | null;
}

export const EVIDENCE_SELECT = `
  SELECT e.id, e.requirement_id, e.due_on, e.value, e.comment, e.document_id, d.filename, d.mime_type, d.size_bytes, e.submitted_at,
         su.display_name AS submitted_by, e.status, e.reviewed_at, ru.display_name AS reviewed_by, e.review_reason
    FROM quality_evidence e LEFT JOIN stored_document d ON d.id = e.document_id
    LEFT JOIN app_user su ON su.id = e.submitted_by_user_id LEFT JOIN app_user ru ON ru.id = e.reviewed_by_user_id`;

export function toEvidenceType<T extends QualityEvidenceType>(row: EvidenceRow, target: T): T {
  return Object.assign(target, {
    id: row.id,
    requirementId: row.requirement_id,
    dueOn: row.due_on,
    value: row.value,
    comment: row.comment,
    document: row.document_id
      ? Object.assign(new StoredDocumentType(), { id: row.document_id, filename: row.filename, mimeType: row.mime_type, sizeBytes: row.size_bytes })
      : null,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    status: row.status as EvidenceStatusGql,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    reviewReason: row.review_reason,
  });
}

/** A requirement with its periods (every due date through today and the next one), each with its evidence, newest first. */
export function toRequirementType(row: RequirementRow, evidence: readonly EvidenceRow[], today: string): QualityRequirementType {
  const periods = evidenceDueDates(row.period, row.first_due_on, today, row.contract_end).map((dueOn) => {
    const forPeriod = evidence.filter((e) => e.due_on === dueOn).sort((a, b) => b.submitted_at.getTime() - a.submitted_at.getTime());
    const status = evidencePeriodStatus(dueOn, forPeriod[0]?.status, today);
    return Object.assign(new EvidencePeriodType(), {
      dueOn,
      status: status as EvidencePeriodStatusGql,
      statusLabel: evidencePeriodStatusLabel(status),
      evidence: forPeriod.map((e) => toEvidenceType(e, new QualityEvidenceType())),
    });
  });
  return Object.assign(new QualityRequirementType(), {
    id: row.id,
    contractId: row.contract_id,
    lotName: row.lot_name,
    providerName: row.provider_name,
    type: row.type as QualityRequirementTypeGql,
    typeLabel: qualityRequirementLabel(row.type),
    title: row.title,
    norm: row.norm,
    normValue: row.norm_value === null ? null : Number(row.norm_value),
    period: row.period as QualityPeriodGql,
    periodLabel: qualityPeriodLabel(row.period),
    firstDueOn: row.first_due_on,
    periods,
  });
}

export interface ReviewRow extends EvidenceRow {
  contract_id: string;
  requirement_type: RequirementKind;
  title: string;
  norm: string;
  lot_name: string;
  provider_name: string;
}

export const REVIEW_SELECT = `
  SELECT e.id, e.requirement_id, e.due_on, e.value, e.comment, e.document_id, d.filename, d.mime_type, d.size_bytes, e.submitted_at,
         su.display_name AS submitted_by, e.status, e.reviewed_at, ru.display_name AS reviewed_by, e.review_reason,
         q.contract_id, q.type AS requirement_type, q.title, q.norm, l.name AS lot_name, p.name AS provider_name
    FROM quality_evidence e JOIN quality_requirement q ON q.id = e.requirement_id JOIN contract c ON c.id = q.contract_id
    JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id LEFT JOIN stored_document d ON d.id = e.document_id
    LEFT JOIN app_user su ON su.id = e.submitted_by_user_id LEFT JOIN app_user ru ON ru.id = e.reviewed_by_user_id`;

export function toEvidenceForReview(row: ReviewRow): EvidenceForReviewType {
  return Object.assign(toEvidenceType(row, new EvidenceForReviewType()), {
    contractId: row.contract_id,
    lotName: row.lot_name,
    providerName: row.provider_name,
    requirementTitle: row.title,
    requirementTypeLabel: qualityRequirementLabel(row.requirement_type),
    norm: row.norm,
  });
}
