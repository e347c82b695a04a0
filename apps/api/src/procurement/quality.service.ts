import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam, checkEvidenceReview, checkEvidenceSubmission, checkQualityRequirement, evidenceDueDates, formatDateNl,
  type EvidenceStatus, type QualityRequirementType as RequirementKind,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { ConflictAppError, NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { tenantKey } from '../lots/lots.service';
import { raiseSignals } from '../signals/raise-signal';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, regionScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { contractScopeCondition } from './contract-row';
import {
  REQUIREMENT_SELECT, REVIEW_SELECT, toEvidenceForReview, type RequirementRow, type ReviewRow,
} from './quality-rows';
import type {
  AddQualityRequirementInput, EvidenceForReviewType, EvidenceStatusGql, QualityRequirementType, ReviewQualityEvidenceInput, SubmitQualityEvidenceInput,
} from './quality.types';
import { requirementsWithPeriods } from './requirements-with-periods';
import { updateReturning } from './sql';

@Injectable()
export class QualityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Requirements with their periods: a provider those of its own contracts, a region those on its lots. */
  async requirements(actor: Actor, contractId: string | null): Promise<QualityRequirementType[]> {
    const scope = tenantScopeOf(actor);
    const rows: RequirementRow[] = await this.db.query(
      `${REQUIREMENT_SELECT} WHERE ${contractScopeCondition(scope)} AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY l.name, p.name, q.first_due_on, q.title`,
      [tenantKey(scope), contractId],
    );
    return this.withPeriods(rows);
  }

  async addRequirement(actor: Actor, input: AddQualityRequirementInput): Promise<QualityRequirementType> {
    const regionId = regionScopeOf(actor);
    const [contract] = await this.db.query(
      `SELECT c.id, c.starts_on, c.ends_on FROM contract c JOIN lot l ON l.id = c.lot_id WHERE c.id = $1 AND l.region_id = $2`,
      [input.contractId, regionId],
    );
    if (!contract) throw new NotFoundAppError('Dit contract bestaat niet of hoort niet bij uw regio.');
    throwIfViolations(checkQualityRequirement({
      type: input.type as RequirementKind, title: input.title, norm: input.norm, normValue: input.normValue,
      firstDueOn: input.firstDueOn, contractStart: contract.starts_on, contractEnd: contract.ends_on,
    }));
    const [{ id }] = await this.db.query(
      `INSERT INTO quality_requirement (contract_id, type, title, norm, norm_value, period, first_due_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [contract.id, input.type, input.title.trim(), input.norm.trim(), input.normValue ?? null, input.period, input.firstDueOn],
    );
    const [row] = await this.db.query(`${REQUIREMENT_SELECT} WHERE q.id = $1`, [id]);
    return (await this.withPeriods([row]))[0];
  }

  /** A provider submits evidence for one period of a requirement on its own contract; a retry with the same key submits once. */
  async submitEvidence(actor: Actor, input: SubmitQualityEvidenceInput): Promise<QualityRequirementType> {
    const providerId = providerScopeOf(actor);
    const [requirement]: RequirementRow[] = await this.db.query(`${REQUIREMENT_SELECT} WHERE q.id = $1 AND c.provider_id = $2`, [input.requirementId, providerId]);
    if (!requirement) throw new NotFoundAppError('Deze kwaliteitseis bestaat niet of hoort niet bij uw organisatie.');
    const [already] = await this.db.query(`SELECT requirement_id FROM quality_evidence WHERE idempotency_key = $1`, [input.idempotencyKey]);
    if (already) {
      if (already.requirement_id !== requirement.id) throw new ConflictAppError('Deze indieningssleutel is al gebruikt voor een andere kwaliteitseis.');
      return (await this.withPeriods([requirement]))[0];
    }
    const today = calendarDateInAmsterdam(new Date());
    await this.db.transaction(async (manager) => {
      // One submission per requirement at a time, so two clicks cannot both pass the "not yet submitted" check.
      await manager.query(`SELECT 1 FROM quality_requirement WHERE id = $1 FOR UPDATE`, [requirement.id]);
      const [latest]: { status: EvidenceStatus }[] = await manager.query(
        `SELECT status FROM quality_evidence WHERE requirement_id = $1 AND due_on = $2 ORDER BY submitted_at DESC LIMIT 1`,
        [requirement.id, input.dueOn],
      );
      const violations = checkEvidenceSubmission({
        dueOn: input.dueOn,
        openDueDates: evidenceDueDates(requirement.period, requirement.first_due_on, today, requirement.contract_end),
        latestEvidence: latest?.status,
        value: input.value,
        comment: input.comment,
        hasDocument: !!input.documentId,
      });
      if (input.documentId) {
        const [document] = await manager.query(`SELECT 1 FROM stored_document WHERE id = $1 AND organisation_id = $2`, [input.documentId, providerId]);
        if (!document) violations.push({ field: 'documentId', code: 'DOCUMENT_UNKNOWN', message: 'Het document is niet gevonden; upload het opnieuw.' });
      }
      throwIfViolations(violations);
      await manager.query(
        `INSERT INTO quality_evidence (requirement_id, due_on, value, comment, document_id, submitted_by_user_id, status, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, 'SUBMITTED', $7) ON CONFLICT (idempotency_key) DO NOTHING`,
        [requirement.id, input.dueOn, input.value?.trim() || null, input.comment?.trim() || null, input.documentId ?? null, actor.userId, input.idempotencyKey],
      );
    });
    return (await this.withPeriods([requirement]))[0];
  }

  /** Evidence of the actor's region waiting for review (or with another status), oldest first. */
  async reviewQueue(actor: Actor, status: EvidenceStatusGql): Promise<EvidenceForReviewType[]> {
    const regionId = regionScopeOf(actor);
    const rows: ReviewRow[] = await this.db.query(`${REVIEW_SELECT} WHERE l.region_id = $1 AND e.status = $2 ORDER BY e.submitted_at LIMIT 500`, [regionId, status]);
    return rows.map(toEvidenceForReview);
  }

  /** The projectleider accepts or rejects evidence; a rejection is signalled to the provider with its reason. */
  async reviewEvidence(actor: Actor, input: ReviewQualityEvidenceInput): Promise<EvidenceForReviewType> {
    const regionId = regionScopeOf(actor);
    await this.db.transaction(async (manager) => {
      const [row]: (ReviewRow & { provider_id: string })[] = await manager.query(
        `${REVIEW_SELECT.replace('q.contract_id,', 'q.contract_id, c.provider_id,')} WHERE e.id = $1 AND l.region_id = $2 FOR UPDATE OF e`,
        [input.evidenceId, regionId],
      );
      if (!row) throw new NotFoundAppError('Dit bewijs bestaat niet of hoort niet bij uw regio.');
      throwIfViolations(checkEvidenceReview(row.status, input.decision, input.reason));
      const reason = input.decision === 'REJECTED' ? input.reason?.trim() ?? null : input.reason?.trim() || null;
      const updated = await updateReturning(manager,
        `UPDATE quality_evidence SET status = $2, reviewed_by_user_id = $3, reviewed_at = now(), review_reason = $4 WHERE id = $1 AND status = 'SUBMITTED' RETURNING id`,
        [row.id, input.decision, actor.userId, reason]);
      if (updated.length === 0) throw new ConflictAppError('Dit bewijs is intussen al beoordeeld.');
      if (input.decision === 'REJECTED') {
        await raiseSignals(manager, [{
          kind: 'EVIDENCE_REJECTED',
          organisationId: row.provider_id,
          subjectType: 'quality_requirement',
          subjectId: row.requirement_id,
          occurrenceKey: row.id,
          message: `Uw bewijs voor "${row.title}" (${row.lot_name}, periode tot ${formatDateNl(row.due_on)}) is afgekeurd: ${reason}. Dien nieuw bewijs in.`,
        }]);
      }
    });
    const [row]: ReviewRow[] = await this.db.query(`${REVIEW_SELECT} WHERE e.id = $1`, [input.evidenceId]);
    return toEvidenceForReview(row);
  }

  private withPeriods(rows: RequirementRow[]): Promise<QualityRequirementType[]> {
    return requirementsWithPeriods(this.db, rows);
  }
}
