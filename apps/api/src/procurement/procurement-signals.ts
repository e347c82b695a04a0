import {
  EVIDENCE_STATUSES_COVERING_PERIOD, evidenceDueDates, formatDateNl, isEvidenceOverdue, isKeurmerkExpiringSoon, isKeurmerkValid, KEURMERK_REQUIRED_SUBJECTS,
  RUNNING_CONTRACT_STATUSES, type CalendarDate, type EvidenceStatus, type QualityPeriod,
} from '@inburgering/domain';
import { In, type EntityManager } from 'typeorm';
import { ContractEntity, OrganisationEntity, QualityEvidenceEntity } from '../database';
import { raiseSignals, type NewSignal } from '../signals';
import type { ProviderId } from '../tenancy';
import { requirementsQuery } from './quality.repository';

/** The latest evidence status of one period of a requirement. */
interface LatestEvidence {
  requirementId: string;
  dueOn: CalendarDate;
  status: EvidenceStatus;
}

/** The regions in which a provider holds a running contract that needs a keurmerk. */
interface KeurmerkExposure {
  providerId: string;
  regionIds: string[];
}

/** Due periods whose date has passed without evidence that was submitted or accepted: a signal to the provider and to the region. */
export async function raiseOverdueEvidenceSignals(manager: EntityManager, today: CalendarDate, providerId: ProviderId | null): Promise<number> {
  const query = requirementsQuery(manager)
    .where('c.status IN (:...running)', { running: [...RUNNING_CONTRACT_STATUSES] })
    .andWhere('q.first_due_on < :today', { today });
  if (providerId) query.andWhere('c.provider_id = :providerId', { providerId });
  const requirements = await query.getMany();
  if (requirements.length === 0) return 0;
  const latest = await manager.getRepository(QualityEvidenceEntity).createQueryBuilder('e')
    .distinctOn(['e.requirement_id', 'e.due_on'])
    .select('e.requirement_id', 'requirementId').addSelect('e.due_on', 'dueOn').addSelect('e.status', 'status')
    .where('e.requirement_id IN (:...ids)', { ids: requirements.map((r) => r.id) })
    .orderBy('e.requirement_id').addOrderBy('e.due_on').addOrderBy('e.submitted_at', 'DESC')
    .getRawMany<LatestEvidence>();
  const latestByPeriod = new Map(latest.map((row) => [`${row.requirementId}:${row.dueOn}`, row.status]));
  const signals: NewSignal[] = [];
  for (const requirement of requirements) {
    const { contract } = requirement;
    for (const dueOn of evidenceDueDates(requirement.period as QualityPeriod, requirement.firstDueOn, today, contract.endsOn)) {
      const status = latestByPeriod.get(`${requirement.id}:${dueOn}`);
      if (!isEvidenceOverdue(dueOn, null, today) || (status && EVIDENCE_STATUSES_COVERING_PERIOD.includes(status))) continue;
      const common = { kind: 'EVIDENCE_OVERDUE', subjectType: 'quality_requirement', subjectId: requirement.id, occurrenceKey: `${requirement.id}:${dueOn}` };
      const due = formatDateNl(dueOn);
      signals.push(
        { ...common, organisationId: contract.providerId, message: `Het bewijs voor "${requirement.title}" (${contract.lot.name}) had uiterlijk ${due} ingediend moeten zijn.` },
        {
          ...common, organisationId: contract.lot.regionId,
          message: `${contract.provider.name} heeft het bewijs voor "${requirement.title}" (${contract.lot.name}) met vervaldatum ${due} niet op tijd ingediend.`,
        },
      );
    }
  }
  return raiseSignals(manager, signals);
}

/** A keurmerk that expires soon, has expired or is missing while the provider holds a running B1 or Z contract: a signal to both sides. */
export async function raiseKeurmerkSignals(manager: EntityManager, today: CalendarDate, providerId: ProviderId | null): Promise<number> {
  const query = manager.getRepository(ContractEntity).createQueryBuilder('c')
    .innerJoin('c.lot', 'l')
    .select('c.provider_id', 'providerId').addSelect('array_agg(DISTINCT l.region_id)', 'regionIds')
    .where('c.status IN (:...running)', { running: [...RUNNING_CONTRACT_STATUSES] })
    .andWhere('l.subject IN (:...subjects)', { subjects: [...KEURMERK_REQUIRED_SUBJECTS] })
    .groupBy('c.provider_id');
  if (providerId) query.andWhere('c.provider_id = :providerId', { providerId });
  const exposures = await query.getRawMany<KeurmerkExposure>();
  if (exposures.length === 0) return 0;
  const providers = new Map((await manager.getRepository(OrganisationEntity).findBy({ id: In(exposures.map((e) => e.providerId)) })).map((p) => [p.id, p]));
  const signals: NewSignal[] = [];
  for (const { providerId: id, regionIds } of exposures) {
    const provider = providers.get(id);
    if (!provider) continue;
    const validUntil = provider.keurmerkValidUntil;
    const expiring = isKeurmerkExpiringSoon(validUntil, today);
    if (!expiring && isKeurmerkValid(validUntil, today)) continue;
    const kind = expiring ? 'KEURMERK_EXPIRING' : 'KEURMERK_EXPIRED';
    const what = !validUntil ? 'heeft geen geldig Blik op Werk keurmerk' : expiring ? `Blik op Werk keurmerk verloopt op ${formatDateNl(validUntil)}` : `Blik op Werk keurmerk is verlopen op ${formatDateNl(validUntil)}`;
    const common = { kind, subjectType: 'organisation', subjectId: provider.id, occurrenceKey: `${provider.id}:${validUntil ?? 'geen'}` };
    signals.push({
      ...common,
      organisationId: provider.id,
      message: !validUntil ? `Uw organisatie ${what}, maar heeft een lopend contract voor de B1- of Z-route.`
        : `Uw ${what}. Zonder geldig keurmerk mag u geen B1- of Z-route uitvoeren; lever het nieuwe keurmerk tijdig aan.`,
    });
    for (const regionId of regionIds) {
      signals.push({ ...common, organisationId: regionId, message: `${provider.name}: ${!validUntil ? what : `het ${what}`} (lopend B1- of Z-contract).` });
    }
  }
  return raiseSignals(manager, signals);
}
