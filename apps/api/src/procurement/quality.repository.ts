import {
  evidenceDueDates, evidencePeriodStatus, evidencePeriodStatusLabel, overviewPeriod, qualityPeriodLabel, qualityRequirementLabel, sharedEvidenceTargets,
  type CalendarDate, type EvidenceCandidate, type EvidenceStatus, type QualityPeriod, type QualityRequirementType as RequirementKind,
  type ShareableRequirement, type SharedEvidenceTarget,
} from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppUserEntity, QualityEvidenceEntity, QualityRequirementEntity, type ContractEntity, type LotEntity, type OrganisationEntity, type StoredDocumentEntity } from '../database';
import {
  EvidenceForReviewType, type EvidencePeriodStatusGql, EvidencePeriodType, type EvidenceStatusGql, QualityEvidenceType, type QualityPeriodGql,
  QualityRequirementType, type QualityRequirementTypeGql, SharedEvidenceTargetType, StoredDocumentType,
} from './quality.types';

/** A requirement with its contract, and that contract's lot and provider. */
export type RequirementWithContract = QualityRequirementEntity & { contract: ContractEntity & { lot: LotEntity; provider: OrganisationEntity } };

/** Evidence with its document's metadata (never the content) and who submitted and reviewed it. */
export type EvidenceWithPeople = QualityEvidenceEntity & {
  document?: Pick<StoredDocumentEntity, 'id' | 'filename' | 'mimeType' | 'sizeBytes'> | null;
  submittedBy?: Pick<AppUserEntity, 'id' | 'displayName'> | null;
  reviewedBy?: Pick<AppUserEntity, 'id' | 'displayName'> | null;
};

/** Evidence for the review queue, with its requirement, contract, lot and provider. */
export type EvidenceForReview = EvidenceWithPeople & { requirement: RequirementWithContract };

/** Requirements joined with contract (`c`), lot (`l`) and provider (`p`); the caller adds its where and order. */
export function requirementsQuery(manager: EntityManager): SelectQueryBuilder<RequirementWithContract> {
  return manager.getRepository(QualityRequirementEntity).createQueryBuilder('q')
    .innerJoinAndSelect('q.contract', 'c')
    .innerJoinAndSelect('c.lot', 'l')
    .innerJoinAndSelect('c.provider', 'p') as SelectQueryBuilder<RequirementWithContract>;
}

/** Evidence (`e`) with document metadata and the people involved. */
export function evidenceQuery(manager: EntityManager): SelectQueryBuilder<EvidenceWithPeople> {
  return manager.getRepository(QualityEvidenceEntity).createQueryBuilder('e')
    .leftJoin('e.document', 'd').addSelect(['d.id', 'd.filename', 'd.mimeType', 'd.sizeBytes'])
    .leftJoinAndMapOne('e.submittedBy', AppUserEntity, 'su', 'su.id = e.submitted_by_user_id')
    .leftJoinAndMapOne('e.reviewedBy', AppUserEntity, 'ru', 'ru.id = e.reviewed_by_user_id') as SelectQueryBuilder<EvidenceWithPeople>;
}

/** Evidence with its requirement, contract (`c`), lot (`l`) and provider (`p`), for the review queue. */
export function reviewQuery(manager: EntityManager): SelectQueryBuilder<EvidenceForReview> {
  return evidenceQuery(manager)
    .innerJoinAndSelect('e.requirement', 'q')
    .innerJoinAndSelect('q.contract', 'c')
    .innerJoinAndSelect('c.lot', 'l')
    .innerJoinAndSelect('c.provider', 'p') as SelectQueryBuilder<EvidenceForReview>;
}

/** A requirement with all its evidence. */
export interface RequirementWithEvidence {
  requirement: RequirementWithContract;
  evidence: EvidenceWithPeople[];
}

/** The evidence of these requirements, in one query however many there are. */
export async function withEvidence(manager: EntityManager, requirements: RequirementWithContract[]): Promise<RequirementWithEvidence[]> {
  if (requirements.length === 0) return [];
  const evidence = await evidenceQuery(manager).where('e.requirement_id IN (:...ids)', { ids: requirements.map((r) => r.id) }).getMany();
  const byRequirement = new Map<string, EvidenceWithPeople[]>();
  for (const row of evidence) byRequirement.set(row.requirementId, [...(byRequirement.get(row.requirementId) ?? []), row]);
  return requirements.map((requirement) => ({ requirement, evidence: byRequirement.get(requirement.id) ?? [] }));
}

/**
 * Requirements with their periods and evidence; `sharing` says which other contracts a period's evidence also counts
 * for: none, the given one, or (`'AMONG_THESE'`, when the requirements are all of one provider's) built from these rows.
 */
export async function requirementsWithPeriods(
  manager: EntityManager, requirements: RequirementWithContract[], today: CalendarDate, sharing?: EvidenceSharing | 'AMONG_THESE',
): Promise<QualityRequirementType[]> {
  const withRows = await withEvidence(manager, requirements);
  // A provider's whole list already holds every requirement and all evidence that sharing needs: not read twice.
  const shared = sharing === 'AMONG_THESE' ? EvidenceSharing.among(withRows, today) : sharing;
  return withRows.map(({ requirement, evidence }) => toRequirementType(requirement, evidence, today, shared));
}

function shareable(requirement: RequirementWithContract): ShareableRequirement {
  return {
    id: requirement.id, providerId: requirement.contract.providerId, type: requirement.type as RequirementKind, period: requirement.period as QualityPeriod,
    normValue: requirement.normValue === null ? null : Number(requirement.normValue),
  };
}

/** The latest evidence status of each period a requirement is open for now. */
function openPeriods(requirement: RequirementWithContract, evidence: readonly EvidenceWithPeople[], today: CalendarDate): EvidenceCandidate['periods'] {
  return evidenceDueDates(requirement.period as QualityPeriod, requirement.firstDueOn, today, requirement.contract.endsOn).map((dueOn) => {
    const latest = evidence.filter((e) => e.dueOn === dueOn).sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
    return { dueOn, latestEvidence: (latest?.status as EvidenceStatus | undefined) ?? null };
  });
}

/** Which of a provider's other requirements evidence for one period also counts for (issue 15: one keurmerk, every contract). */
export class EvidenceSharing {
  private constructor(
    private readonly candidates: readonly EvidenceCandidate[],
    private readonly byId: ReadonlyMap<string, RequirementWithContract>,
  ) {}

  /** Built from all requirements of one provider (scoped by the caller) with their evidence. */
  static async of(manager: EntityManager, providerRequirements: RequirementWithContract[], today: CalendarDate): Promise<EvidenceSharing> {
    return EvidenceSharing.among(await withEvidence(manager, providerRequirements), today);
  }

  /** Built from all requirements of one provider that are already read with their evidence. */
  static among(providerRequirements: readonly RequirementWithEvidence[], today: CalendarDate): EvidenceSharing {
    return new EvidenceSharing(
      providerRequirements.map(({ requirement, evidence }) => ({ requirement: shareable(requirement), periods: openPeriods(requirement, evidence, today) })),
      new Map(providerRequirements.map(({ requirement }) => [requirement.id, requirement])),
    );
  }

  targets(requirement: RequirementWithContract, dueOn: CalendarDate): SharedEvidenceTarget[] {
    return sharedEvidenceTargets(shareable(requirement), dueOn, this.candidates);
  }

  described(requirement: RequirementWithContract, dueOn: CalendarDate): SharedEvidenceTargetType[] {
    return this.targets(requirement, dueOn).map((target) => {
      const other = this.byId.get(target.requirementId) as RequirementWithContract;
      return Object.assign(new SharedEvidenceTargetType(), {
        requirementId: target.requirementId, contractId: other.contractId, dueOn: target.dueOn, lotName: other.contract.lot.name, title: other.title,
      });
    });
  }
}

export function toEvidenceType<T extends QualityEvidenceType>(evidence: EvidenceWithPeople, target: T): T {
  return Object.assign(target, {
    id: evidence.id,
    requirementId: evidence.requirementId,
    dueOn: evidence.dueOn,
    value: evidence.value,
    comment: evidence.comment,
    document: evidence.document
      ? Object.assign(new StoredDocumentType(), {
        id: evidence.document.id, filename: evidence.document.filename, mimeType: evidence.document.mimeType, sizeBytes: evidence.document.sizeBytes,
      })
      : null,
    submittedAt: evidence.submittedAt,
    submittedBy: evidence.submittedBy?.displayName ?? null,
    status: evidence.status as EvidenceStatusGql,
    reviewedAt: evidence.reviewedAt,
    reviewedBy: evidence.reviewedBy?.displayName ?? null,
    reviewReason: evidence.reviewReason,
  });
}

/** A requirement with its periods (every due date through today and the next one), each with its evidence, newest first. */
export function toRequirementType(
  requirement: RequirementWithContract, evidence: readonly EvidenceWithPeople[], today: CalendarDate, sharing?: EvidenceSharing,
): QualityRequirementType {
  const period = requirement.period as QualityPeriod;
  const periods = evidenceDueDates(period, requirement.firstDueOn, today, requirement.contract.endsOn).map((dueOn) => {
    const forPeriod = evidence.filter((e) => e.dueOn === dueOn).sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
    const status = evidencePeriodStatus(dueOn, forPeriod[0]?.status as EvidenceStatus | undefined, today);
    return Object.assign(new EvidencePeriodType(), {
      dueOn,
      status: status as EvidencePeriodStatusGql,
      statusLabel: evidencePeriodStatusLabel(status),
      evidence: forPeriod.map((e) => toEvidenceType(e, new QualityEvidenceType())),
      alsoCountsFor: sharing && status !== 'SUBMITTED' && status !== 'ACCEPTED' ? sharing.described(requirement, dueOn) : [],
    });
  });
  return Object.assign(new QualityRequirementType(), {
    id: requirement.id,
    contractId: requirement.contractId,
    lotName: requirement.contract.lot.name,
    providerName: requirement.contract.provider.name,
    type: requirement.type as QualityRequirementTypeGql,
    typeLabel: qualityRequirementLabel(requirement.type as RequirementKind),
    title: requirement.title,
    norm: requirement.norm,
    normValue: requirement.normValue === null ? null : Number(requirement.normValue),
    period: requirement.period as QualityPeriodGql,
    periodLabel: qualityPeriodLabel(period),
    firstDueOn: requirement.firstDueOn,
    periods,
    overviewPeriod: overviewPeriod(periods) ?? null,
  });
}

export function toEvidenceForReview(evidence: EvidenceForReview): EvidenceForReviewType {
  return Object.assign(toEvidenceType(evidence, new EvidenceForReviewType()), {
    contractId: evidence.requirement.contractId,
    lotName: evidence.requirement.contract.lot.name,
    providerName: evidence.requirement.contract.provider.name,
    requirementTitle: evidence.requirement.title,
    requirementTypeLabel: qualityRequirementLabel(evidence.requirement.type as RequirementKind),
    norm: evidence.requirement.norm,
  });
}
