import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import {
  checkEvidenceReview, checkEvidenceSubmission, checkQualityRequirement, evidenceDueDates, formatDateNl, isOrganisationWide, quarterLabel,
  reportQuarterForEvidence, type EvidenceStatus, type QualityPeriod, type QualityRequirementType as RequirementKind,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, scopeToContracts } from '../access';
import { Clock } from '../clock';
import { ConflictAppError, requirePage, throwIfViolations, ValidationAppError } from '../common';
import { ContractEntity, QualityEvidenceEntity, QualityRequirementEntity, StoredDocumentEntity } from '../database';
import { ContractReportService } from '../figures';
import { raiseSignals } from '../signals';
import { type Actor, type ProviderId, providerScopeOf, regionScopeOf, tenantScopeOf } from '../tenancy';
import { EvidenceSharing, requirementsQuery, requirementsWithPeriods, reviewQuery, toEvidenceForReview, type RequirementWithContract } from './quality.repository';
import { EvidenceForReviewPageType } from './quality.types';
import type {
  AddQualityRequirementInput, EvidenceForReviewType, EvidenceStatusGql, QualityRequirementType, ReviewQualityEvidenceInput, SubmitQualityEvidenceInput,
  SubmitReportEvidenceInput,
} from './quality.types';

const SUBMITTED: EvidenceStatus = 'SUBMITTED';

/** A PDF the platform made, stored as the provider's document in the evidence's own transaction. */
async function storeGeneratedDocument(manager: EntityManager, actor: Actor, providerId: ProviderId, file: { filename: string; content: Buffer }): Promise<string> {
  const inserted = await manager.getRepository(StoredDocumentEntity).insert({
    organisationId: providerId, filename: file.filename, mimeType: 'application/pdf', sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, uploadedByUserId: actor.userId,
  });
  return (inserted.identifiers[0] as Pick<StoredDocumentEntity, 'id'>).id;
}
/** Evidence per page at most. */
export const MAX_REVIEW_PAGE = 100;

@Injectable()
export class QualityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly reports: ContractReportService,
  ) {}

  /** Requirements with their periods: a provider those of its own contracts, a region those on its lots. */
  async requirements(actor: Actor, contractId: string | null): Promise<QualityRequirementType[]> {
    const scope = tenantScopeOf(actor);
    const query = scopeToContracts(requirementsQuery(this.db.manager), scope);
    if (!query) return [];
    if (contractId) {
      const [allowed] = await this.access.allowed(actor, 'contract', [contractId]);
      if (!allowed) return [];
      query.andWhere('q.contract_id = :contractId', { contractId: allowed });
    }
    const rows = await query.orderBy('l.name').addOrderBy('p.name').addOrderBy('q.firstDueOn').addOrderBy('q.title').getMany();
    // Without a contract a provider's list is all its requirements: what the evidence also counts for is among them.
    return this.withPeriods(actor, rows, !contractId);
  }

  /** One requirement with all its periods (the evidence page); another organisation's answers exactly like an unknown one. */
  async requirementWithPeriods(actor: Actor, requirementId: string): Promise<QualityRequirementType> {
    await this.access.requireOne(actor, 'qualityRequirement', requirementId);
    return (await this.withPeriods(actor, [await this.requirement(requirementId)]))[0];
  }

  /**
   * What evidence of a provider's requirements of these types also counts for, over all the provider's contracts. Only
   * requirements of the same organisation-wide type can share, so only those are read (none for a quarterly report).
   */
  private async sharing(manager: EntityManager, providerId: ProviderId, types: readonly string[]): Promise<EvidenceSharing> {
    const shared = [...new Set(types)].filter((type) => isOrganisationWide(type as RequirementKind));
    const query = shared.length ? scopeToContracts(requirementsQuery(manager), { kind: 'PROVIDER', providerId }) : null;
    const all = await query?.andWhere('q.type IN (:...shared)', { shared }).getMany() ?? [];
    return EvidenceSharing.of(manager, all, this.clock.today());
  }

  async addRequirement(actor: Actor, input: AddQualityRequirementInput): Promise<QualityRequirementType> {
    regionScopeOf(actor);
    // Another region's contract answers exactly like an unknown one.
    await this.access.requireOne(actor, 'contract', input.contractId);
    const contract = await this.db.getRepository(ContractEntity).findOneBy({ id: input.contractId });
    if (!contract) throw this.access.notFound('contract');
    throwIfViolations(checkQualityRequirement({
      type: input.type as RequirementKind, title: input.title, norm: input.norm, normValue: input.normValue,
      firstDueOn: input.firstDueOn, contractStart: contract.startsOn, contractEnd: contract.endsOn,
    }));
    const inserted = await this.db.getRepository(QualityRequirementEntity).insert({
      contractId: contract.id, type: input.type, title: input.title.trim(), norm: input.norm.trim(),
      normValue: input.normValue === null || input.normValue === undefined ? null : String(input.normValue), period: input.period, firstDueOn: input.firstDueOn,
    });
    const id = (inserted.identifiers[0] as Pick<QualityRequirementEntity, 'id'>).id;
    return (await this.withPeriods(actor, [await this.requirement(id)]))[0];
  }

  /** A provider submits evidence for one period of a requirement on its own contract; a retry with the same key submits once. */
  async submitEvidence(actor: Actor, input: SubmitQualityEvidenceInput): Promise<QualityRequirementType> {
    providerScopeOf(actor);
    // Another provider's requirement answers exactly like an unknown one.
    await this.access.requireOne(actor, 'qualityRequirement', input.requirementId);
    const requirement = await this.requirement(input.requirementId);
    if (await this.alreadySubmitted(input.idempotencyKey, requirement.id)) return (await this.withPeriods(actor, [requirement]))[0];
    return this.storeEvidence(actor, requirement, input, null);
  }

  /**
   * The provider hands in the platform's quarterly report of the contract as evidence for its "Kwartaalrapportage"
   * requirement, in one step: the PDF is made from the contract's figures and stored with the evidence, together.
   */
  async submitReportEvidence(actor: Actor, input: SubmitReportEvidenceInput): Promise<QualityRequirementType> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'qualityRequirement', input.requirementId);
    const requirement = await this.requirement(input.requirementId);
    if (await this.alreadySubmitted(input.idempotencyKey, requirement.id)) return (await this.withPeriods(actor, [requirement]))[0];
    if (requirement.type !== 'QUARTERLY_REPORT') {
      throw new ValidationAppError([{ field: 'requirementId', code: 'NOT_A_REPORT_REQUIREMENT',
        message: 'Alleen voor de eis "Kwartaalrapportage aan de regio" kunt u de rapportage van het platform als bewijs indienen.' }]);
    }
    const quarter = reportQuarterForEvidence(input.dueOn);
    const title = `Kwartaalrapportage ${requirement.contract.lot.name}, ${requirement.contract.provider.name}`;
    const report = await this.reports.pdf(actor, requirement.contractId, quarter, title);
    const comment = `Kwartaalrapportage ${quarterLabel(quarter)}, gemaakt door het platform uit de gegevens van dit contract.`;
    return this.storeEvidence(actor, requirement, { requirementId: requirement.id, dueOn: input.dueOn, comment, idempotencyKey: input.idempotencyKey }, report);
  }

  /** A retry of a submission already stored (the same key), or the key used for another requirement. */
  private async alreadySubmitted(idempotencyKey: string, requirementId: string): Promise<boolean> {
    const already = await this.db.getRepository(QualityEvidenceEntity).findOne({ select: { id: true, requirementId: true }, where: { idempotencyKey } });
    if (already && already.requirementId !== requirementId) throw new ConflictAppError('Deze indieningssleutel is al gebruikt voor een andere kwaliteitseis.');
    return !!already;
  }

  /** Checks and stores evidence (and a generated document with it) all or nothing, for this and the chosen other contracts. */
  private async storeEvidence(
    actor: Actor, requirement: RequirementWithContract, input: SubmitQualityEvidenceInput, generated: { filename: string; content: Buffer } | null,
  ): Promise<QualityRequirementType> {
    const providerId = providerScopeOf(actor);
    const alsoFor = [...new Set(input.alsoFor ?? [])].filter((id) => id !== input.requirementId);
    await this.access.require(actor, 'qualityRequirement', alsoFor);
    // Another organisation's document is refused exactly like an unknown one.
    const documentKnown = input.documentId ? (await this.access.allowed(actor, 'document', [input.documentId])).size > 0 : true;
    const today = this.clock.today();
    await this.db.transaction(async (manager) => {
      // One submission per requirement at a time, so two clicks cannot both pass the "not yet submitted" check; the
      // other contracts' requirements too, in id order so two submissions cannot deadlock.
      await manager.getRepository(QualityRequirementEntity).createQueryBuilder('q').select('q.id').where('q.id IN (:...ids)', { ids: [requirement.id, ...alsoFor] })
        .orderBy('q.id').setLock('pessimistic_write').getMany();
      // The same submission sent twice at once: the second waited for the lock and finds the first's row.
      if (await manager.getRepository(QualityEvidenceEntity).existsBy({ idempotencyKey: input.idempotencyKey })) return;
      const latest = await manager.getRepository(QualityEvidenceEntity).findOne({
        select: { id: true, status: true }, where: { requirementId: requirement.id, dueOn: input.dueOn }, order: { submittedAt: 'DESC' },
      });
      const violations = checkEvidenceSubmission({
        dueOn: input.dueOn,
        openDueDates: evidenceDueDates(requirement.period as QualityPeriod, requirement.firstDueOn, today, requirement.contract.endsOn),
        latestEvidence: latest?.status as EvidenceStatus | undefined,
        value: input.value,
        comment: input.comment,
        hasDocument: !!input.documentId || !!generated,
      });
      if (!documentKnown) violations.push({ field: 'documentId', code: 'DOCUMENT_UNKNOWN', message: 'Het document is niet gevonden; upload het opnieuw.' });
      const targets = alsoFor.length ? (await this.sharing(manager, providerId, [requirement.type])).targets(requirement, input.dueOn) : [];
      const shared = targets.filter((t) => alsoFor.includes(t.requirementId));
      if (shared.length < alsoFor.length) {
        violations.push({ field: 'alsoFor', code: 'EVIDENCE_NOT_SHAREABLE',
          message: 'Dit bewijs kan niet meetellen voor een van de gekozen contracten: daar wordt een andere eis gevraagd, of er is voor die periode al bewijs ingediend. Laad de pagina opnieuw.' });
      }
      throwIfViolations(violations);
      const documentId = generated ? await storeGeneratedDocument(manager, actor, providerId, generated) : input.documentId ?? null;
      const common = { value: input.value?.trim() || null, comment: input.comment?.trim() || null, documentId, submittedByUserId: actor.userId, status: SUBMITTED };
      // One row per contract, so each region reviews its own; they share the document. The others' keys derive from
      // this submission's key, so a retry stores none of them twice.
      await manager.createQueryBuilder().insert().into(QualityEvidenceEntity).values([
        { ...common, requirementId: requirement.id, dueOn: input.dueOn, idempotencyKey: input.idempotencyKey },
        ...shared.map((t) => ({ ...common, requirementId: t.requirementId, dueOn: t.dueOn, idempotencyKey: `${input.idempotencyKey}/${t.requirementId}` })),
      ]).orIgnore().execute();
    });
    return (await this.withPeriods(actor, [requirement]))[0];
  }

  /** One page of the evidence of the actor's region waiting for review (or with another status), oldest first, with the total. */
  async reviewQueue(actor: Actor, status: EvidenceStatusGql, limit: number, offset: number): Promise<EvidenceForReviewPageType> {
    const regionId = regionScopeOf(actor);
    requirePage(limit, offset, MAX_REVIEW_PAGE, 'bewijsstukken');
    const query = reviewQuery(this.db.manager).where('l.region_id = :regionId AND e.status = :status', { regionId, status });
    const [rows, total] = await Promise.all([
      query.clone().orderBy('e.submittedAt').addOrderBy('e.id').offset(offset).limit(limit).getMany(),
      query.clone().getCount(),
    ]);
    return Object.assign(new EvidenceForReviewPageType(), { items: rows.map(toEvidenceForReview), total });
  }

  /** The projectleider accepts or rejects evidence; a rejection is signalled to the provider with its reason. */
  async reviewEvidence(actor: Actor, input: ReviewQualityEvidenceInput): Promise<EvidenceForReviewType> {
    regionScopeOf(actor);
    // Another region's evidence answers exactly like unknown evidence.
    await this.access.requireOne(actor, 'evidence', input.evidenceId);
    await this.db.transaction(async (manager) => {
      const row = await reviewQuery(manager).where('e.id = :id', { id: input.evidenceId }).setLock('pessimistic_write', undefined, ['e']).getOne();
      if (!row) throw this.access.notFound('evidence');
      throwIfViolations(checkEvidenceReview(row.status as EvidenceStatus, input.decision, input.reason));
      const reason = input.decision === 'REJECTED' ? input.reason?.trim() ?? null : input.reason?.trim() || null;
      const updated = await manager.getRepository(QualityEvidenceEntity).update(
        { id: row.id, status: SUBMITTED },
        { status: input.decision, reviewedByUserId: actor.userId, reviewedAt: this.clock.now(), reviewReason: reason },
      );
      if (!updated.affected) throw new ConflictAppError('Dit bewijs is intussen al beoordeeld.');
      if (input.decision === 'REJECTED') {
        await raiseSignals(manager, [{
          kind: 'EVIDENCE_REJECTED',
          organisationId: row.requirement.contract.providerId,
          subjectType: 'quality_requirement',
          subjectId: row.requirementId,
          occurrenceKey: row.id,
          message: `Uw bewijs voor "${row.requirement.title}" (${row.requirement.contract.lot.name}, periode tot ${formatDateNl(row.dueOn)}) is afgekeurd: ${reason}. Dien nieuw bewijs in.`,
        }]);
      }
    });
    const row = await reviewQuery(this.db.manager).where('e.id = :id', { id: input.evidenceId }).getOne();
    if (!row) throw this.access.notFound('evidence');
    return toEvidenceForReview(row);
  }

  /** One requirement the caller has already been allowed to see. */
  private async requirement(id: string): Promise<RequirementWithContract> {
    const requirement = await requirementsQuery(this.db.manager).where('q.id = :id', { id }).getOne();
    if (!requirement) throw this.access.notFound('qualityRequirement');
    return requirement;
  }

  /** The other contracts evidence also counts for are the provider's own business: a region never sees them. With `allOfProvider` the rows are all the provider's requirements and sharing is built from them. */
  private async withPeriods(actor: Actor, rows: RequirementWithContract[], allOfProvider = false): Promise<QualityRequirementType[]> {
    const scope = tenantScopeOf(actor);
    const sharing = scope.kind !== 'PROVIDER' ? undefined : allOfProvider ? 'AMONG_THESE' : await this.sharing(this.db.manager, scope.providerId, rows.map((r) => r.type));
    return requirementsWithPeriods(this.db.manager, rows, this.clock.today(), sharing);
  }
}
