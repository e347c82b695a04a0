import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROVIDER_VISIBLE_CLIENT_STATUSES } from '@inburgering/domain';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { AppUserEntity, ClientEntity, ContractEntity, HourEntryEntity, HourPeriodEntity, PresenceGroupEntity, PresenceLessonEntity, ImportBatchEntity, InvoiceEntity, IntegrationResultEntity, ClientOutcomeEntity, QuarterlyReportEntity, LotEntity, LotMunicipalityEntity, MapPartChoiceEntity, MapPartEntity, OrganisationEntity, PlacementEntity, QualityEvidenceEntity, QualityRequirementEntity, SignalEntity, StartMomentEntity, StoredDocumentEntity, SubRegionEntity, UserPasskeyEntity } from '../database';
import type { TenantScope } from '../tenancy';
import { providerPlacementCondition } from './placement-scope';
import { scopeToVisibleGroups, scopeToVisibleLessons } from './presence-scope';
import type { UserRole } from '../database';

/** What the access module can answer for: one kind of record each. */
export type AccessKind =
  | 'client'
  | 'placement'
  | 'lot'
  | 'contract'
  | 'startMoment'
  | 'qualityRequirement'
  | 'evidence'
  | 'document'
  | 'hourEntry'
  | 'hourPeriod'
  | 'result'
  | 'outcome'
  | 'signal'
  | 'importBatch'
  | 'subRegion'
  | 'municipality'
  | 'provider'
  | 'institution'
  | 'invoice'
  | 'group'
  | 'lesson'
  | 'teacher'
  | 'report'
  | 'mapPart'
  | 'mapPartChoice'
  | 'loginOrganisation'
  | 'appUser'
  | 'userOrganisation'
  | 'passkey';

/** Who asks, for the rules that depend on the person and not only the organisation (a teacher sees only their own groups). */
export interface Viewer {
  userId: string;
  role: UserRole;
}

type Rule = (scope: TenantScope, ids: string[], viewer: Viewer) => SelectQueryBuilder<ObjectLiteral> | null;

/**
 * Every "may this tenant see these ids" rule of the platform, one query per kind and call: ids in, visible ids out.
 * Nothing else in the API writes visibility SQL; a feature asks the AccessService, which asks this.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async visible(kind: AccessKind, scope: TenantScope, ids: readonly string[], viewer: Viewer): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    // The user's own sign-in means (passkeys) belong to the person, whatever the role: only the owner reaches them.
    if (kind === 'passkey') return this.ids(this.rules.passkey(scope, unique, viewer));
    // Default deny for teachers: they see the groups and lessons they teach, nothing else of their organisation.
    if (viewer.role === 'TEACHER' && kind !== 'group' && kind !== 'lesson') return new Set();
    if (viewer.role === 'TEACHER' && kind === 'teacher') return new Set();
    // Default deny for a municipality's financial officer: the invoices it pays, nothing with client data.
    if (viewer.role === 'FINANCIAL_OFFICER' && kind !== 'invoice') return new Set();
    return this.ids(this.rules[kind](scope, unique, viewer));
  }

  private async ids(query: SelectQueryBuilder<ObjectLiteral> | null): Promise<Set<string>> {
    if (!query) return new Set();
    const rows = await query.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  private qb<T extends ObjectLiteral>(entity: new () => T, alias: string, ids: string[]): SelectQueryBuilder<T> {
    return this.db.createQueryBuilder(entity, alias).select(`${alias}.id`, 'id').where(`${alias}.id IN (:...ids)`, { ids });
  }

  private readonly rules: Record<AccessKind, Rule> = {
    client: (scope, ids) => {
      const q = this.qb(ClientEntity, 'c', ids);
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('c.municipality_id = :m', { m: scope.municipalityId });
      if (scope.kind === 'PROVIDER') {
        return q.andWhere(
          (sub) =>
            `EXISTS ${sub
              .subQuery()
              .select('1')
              .from(PlacementEntity, 'p')
              .where('p.client_id = c.id AND p.provider_id = :providerId AND p.status IN (:...clientStatuses)')
              .getQuery()}`,
          { providerId: scope.providerId, clientStatuses: [...PROVIDER_VISIBLE_CLIENT_STATUSES] },
        );
      }
      return null;
    },
    placement: (scope, ids) => {
      const q = this.qb(PlacementEntity, 'p', ids);
      if (scope.kind === 'MUNICIPALITY') return q.innerJoin(ClientEntity, 'c', 'c.id = p.client_id').andWhere('c.municipality_id = :m', { m: scope.municipalityId });
      if (scope.kind === 'PROVIDER') return q.andWhere(...providerPlacementCondition('p', scope.providerId));
      return null;
    },
    lot: (scope, ids) => {
      const q = this.qb(LotEntity, 'l', ids);
      if (scope.kind === 'REGION') return q.andWhere('l.region_id = :r', { r: scope.regionId });
      if (scope.kind === 'MUNICIPALITY') return q.innerJoin(LotMunicipalityEntity, 'lm', 'lm.lot_id = l.id AND lm.municipality_id = :m', { m: scope.municipalityId });
      return q.innerJoin(ContractEntity, 'k', 'k.lot_id = l.id AND k.provider_id = :pr', { pr: scope.providerId }).distinct(true);
    },
    contract: (scope, ids) => this.contractRule(this.qb(ContractEntity, 'k', ids), scope),
    startMoment: (scope, ids) => this.contractRule(this.qb(StartMomentEntity, 'sm', ids).innerJoin(ContractEntity, 'k', 'k.id = sm.contract_id'), scope),
    qualityRequirement: (scope, ids) => this.contractRule(this.qb(QualityRequirementEntity, 'qr', ids).innerJoin(ContractEntity, 'k', 'k.id = qr.contract_id'), scope),
    evidence: (scope, ids) =>
      this.contractRule(
        this.qb(QualityEvidenceEntity, 'qe', ids).innerJoin(QualityRequirementEntity, 'qr', 'qr.id = qe.requirement_id').innerJoin(ContractEntity, 'k', 'k.id = qr.contract_id'),
        scope,
      ),
    document: (scope, ids) => {
      const q = this.qb(StoredDocumentEntity, 'd', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('d.organisation_id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('d.organisation_id = :m', { m: scope.municipalityId });
      // The region reviews evidence: it sees the documents attached to evidence on its own lots' contracts.
      return q.andWhere(
        `d.organisation_id = :r OR EXISTS (SELECT 1 FROM quality_evidence qe JOIN quality_requirement qr ON qr.id = qe.requirement_id
          JOIN contract k ON k.id = qr.contract_id JOIN lot l ON l.id = k.lot_id WHERE qe.document_id = d.id AND l.region_id = :r)`,
        { r: scope.regionId },
      );
    },
    hourEntry: (scope, ids) => {
      const q = this.qb(HourEntryEntity, 'h', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('h.provider_id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return q.innerJoin(ClientEntity, 'c', 'c.id = h.client_id').andWhere('c.municipality_id = :m', { m: scope.municipalityId });
      return null;
    },
    hourPeriod: (scope, ids) => {
      const q = this.qb(HourPeriodEntity, 'hp', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('hp.provider_id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('hp.municipality_id = :m', { m: scope.municipalityId });
      return null;
    },
    result: (scope, ids) => {
      const q = this.qb(IntegrationResultEntity, 'ir', ids);
      // A provider sees the results of its own placements that it accepted (whoever recorded them), nothing of another provider's.
      if (scope.kind === 'PROVIDER') {
        return q.innerJoin(PlacementEntity, 'p', 'p.id = ir.placement_id AND p.provider_id = :pr AND p.status IN (:...clientStatuses)', {
          pr: scope.providerId,
          clientStatuses: [...PROVIDER_VISIBLE_CLIENT_STATUSES],
        });
      }
      if (scope.kind === 'MUNICIPALITY') return q.innerJoin(ClientEntity, 'c', 'c.id = ir.client_id').andWhere('c.municipality_id = :m', { m: scope.municipalityId });
      return null;
    },
    // A client's outcome (work, study, participation) is the municipality's: only its own consultants see it.
    outcome: (scope, ids) => (scope.kind === 'MUNICIPALITY'
      ? this.qb(ClientOutcomeEntity, 'co', ids).andWhere('co.municipality_id = :m', { m: scope.municipalityId })
      : null),
    signal: (scope, ids) => this.qb(SignalEntity, 's', ids).andWhere('s.organisation_id = :org', { org: organisationOf(scope) }),
    importBatch: (scope, ids) => (scope.kind === 'PROVIDER' ? this.qb(ImportBatchEntity, 'ib', ids).andWhere('ib.provider_id = :pr', { pr: scope.providerId }) : null),
    subRegion: (scope, ids) => (scope.kind === 'PROVIDER' ? null : this.qb(SubRegionEntity, 'sr', ids).andWhere('sr.region_id = :r', { r: scope.regionId })),
    municipality: (scope, ids) => {
      const q = this.qb(OrganisationEntity, 'o', ids).andWhere(`o.kind = 'MUNICIPALITY'`);
      if (scope.kind === 'REGION') return q.andWhere('o.region_id = :r', { r: scope.regionId });
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('o.id = :m', { m: scope.municipalityId });
      return null;
    },
    provider: (scope, ids) => {
      const q = this.qb(OrganisationEntity, 'o', ids).andWhere(`o.kind = 'PROVIDER'`);
      if (scope.kind === 'PROVIDER') return q.andWhere('o.id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return null;
      // A region manages the providers it contracts, and those it registered itself that no other region contracts yet.
      return q.andWhere(
        `(EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id = :r)
          OR (o.created_by_region_id = :r AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id <> :r)))`,
        { r: scope.regionId },
      );
    },
    // An institution a municipality may place a client with individually (outside a lot): a provider its region contracts or
    // registered; nobody else chooses institutions.
    institution: (scope, ids) => {
      if (scope.kind !== 'MUNICIPALITY') return null;
      return this.qb(OrganisationEntity, 'o', ids).andWhere(`o.kind = 'PROVIDER'`).andWhere(
        `EXISTS (SELECT 1 FROM organisation m WHERE m.id = :m AND (o.created_by_region_id = m.region_id
          OR EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id = m.region_id)))`,
        { m: scope.municipalityId },
      );
    },
    // An invoice: the provider that sends it, the municipality that pays it, the region whose lot the contract is on.
    invoice: (scope, ids) => {
      const q = this.qb(InvoiceEntity, 'inv', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('inv.provider_id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('inv.paying_municipality_id = :m', { m: scope.municipalityId });
      return q.innerJoin(ContractEntity, 'k', 'k.id = inv.contract_id').innerJoin(LotEntity, 'l', 'l.id = k.lot_id').andWhere('l.region_id = :r', { r: scope.regionId });
    },
    // A provider's groups and lessons: the provider's staff see all of them, a teacher those they teach (the group's
    // teacher, or the teacher of one of its lessons).
    group: (scope, ids, viewer) => (scope.kind === 'PROVIDER' ? scopeToVisibleGroups(this.qb(PresenceGroupEntity, 'g', ids), 'g', scope.providerId, viewer) : null),
    lesson: (scope, ids, viewer) => (scope.kind === 'PROVIDER' ? scopeToVisibleLessons(this.qb(PresenceLessonEntity, 'pl', ids), 'pl', scope.providerId, viewer) : null),
    // The teachers a provider's staff may assign: the provider's own accounts with the role TEACHER.
    teacher: (scope, ids) => (scope.kind === 'PROVIDER'
      ? this.qb(AppUserEntity, 'u', ids).andWhere(`u.organisation_id = :pr AND u.role = 'TEACHER'`, { pr: scope.providerId })
      : null),
    // A quarterly report: the region that generated it (the projectleider); no one else sees the region's reports.
    report: (scope, ids) => (scope.kind === 'REGION' ? this.qb(QuarterlyReportEntity, 'qrep', ids).andWhere('qrep.region_id = :r', { r: scope.regionId }) : null),
    // A MAP catalogue part (cafetariamodel): the region that keeps the catalogue, the municipalities of that region (their
    // consultants choose from it) and the offering party.
    mapPart: (scope, ids) => {
      const q = this.qb(MapPartEntity, 'mp', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('mp.provider_id = :pr', { pr: scope.providerId });
      return q.andWhere('mp.region_id = :r', { r: scope.regionId });
    },
    // An account an administrator manages (issue 14): the region's functioneel beheerder those of the region, its
    // municipalities and shared services and the providers it manages; a provider's own administrator those of its provider.
    // A passkey: its owner only (the person, not the organisation).
    passkey: (_scope, ids, viewer) => this.qb(UserPasskeyEntity, 'pk', ids).andWhere('pk.user_id = :owner', { owner: viewer.userId }),
    appUser: (scope, ids, viewer) => {
      const organisations = this.managedOrganisations(scope, viewer);
      return organisations ? this.qb(AppUserEntity, 'u', ids).andWhere(`u.organisation_id IN (${organisations.sql})`, organisations.params) : null;
    },
    // An organisation whose accounts an administrator manages (to invite someone into it).
    userOrganisation: (scope, ids, viewer) => {
      const organisations = this.managedOrganisations(scope, viewer);
      return organisations ? this.qb(OrganisationEntity, 'uo', ids).andWhere(`uo.id IN (${organisations.sql})`, organisations.params) : null;
    },
    // A MAP part a client chose: the client's municipality, and the offering party of the part (never the region).
    mapPartChoice: (scope, ids) => {
      const q = this.qb(MapPartChoiceEntity, 'mpc', ids);
      if (scope.kind === 'PROVIDER') return q.andWhere('mpc.provider_id = :pr', { pr: scope.providerId });
      if (scope.kind === 'MUNICIPALITY') return q.andWhere('mpc.municipality_id = :m', { m: scope.municipalityId });
      return null;
    },
    // An organisation whose single sign-on the region's admin sets (issue 14): the region itself, its municipalities and
    // shared services, and the providers the region manages (the rule of `provider`).
    loginOrganisation: (scope, ids) => {
      if (scope.kind !== 'REGION') return null;
      return this.qb(OrganisationEntity, 'o', ids).andWhere(
        `(o.id = :r OR (o.kind IN ('MUNICIPALITY', 'SHARED_SERVICE') AND o.region_id = :r)
          OR (o.kind = 'PROVIDER' AND (EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id = :r)
            OR (o.created_by_region_id = :r AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id <> :r)))))`,
        { r: scope.regionId },
      );
    },
  };

  /** The organisations whose accounts the viewer administers, as a sub-select of ids; null when none. */
  private managedOrganisations(scope: TenantScope, viewer: Viewer): { sql: string; params: Record<string, string> } | null {
    if (scope.kind === 'REGION' && viewer.role === 'ADMIN') {
      return {
        sql: `SELECT mo.id FROM organisation mo WHERE mo.id = :adminRegion OR (mo.kind IN ('MUNICIPALITY', 'SHARED_SERVICE') AND mo.region_id = :adminRegion)
          OR (mo.kind = 'PROVIDER' AND ${REGION_MANAGES_PROVIDER('mo', ':adminRegion')})`,
        params: { adminRegion: scope.regionId },
      };
    }
    if (scope.kind === 'PROVIDER' && viewer.role === 'PROVIDER_USER') {
      return {
        sql: `SELECT me.organisation_id FROM app_user me WHERE me.id = :adminViewer AND me.organisation_id = :adminProvider AND me.manages_own_users AND me.deactivated_at IS NULL`,
        params: { adminViewer: viewer.userId, adminProvider: scope.providerId },
      };
    }
    return null;
  }

  /** Contracts (and what hangs from one, joined as `k`): the region's lots, the provider's own, the lots covering a municipality. */
  private contractRule<T extends ObjectLiteral>(q: SelectQueryBuilder<T>, scope: TenantScope): SelectQueryBuilder<T> {
    if (scope.kind === 'PROVIDER') return q.andWhere('k.provider_id = :pr', { pr: scope.providerId });
    if (scope.kind === 'REGION') return q.innerJoin(LotEntity, 'l', 'l.id = k.lot_id').andWhere('l.region_id = :r', { r: scope.regionId });
    return q.innerJoin(LotMunicipalityEntity, 'lm', 'lm.lot_id = k.lot_id AND lm.municipality_id = :m', { m: scope.municipalityId });
  }
}

/** A region manages the providers it contracts, and those it registered itself that no other region contracts yet. */
function REGION_MANAGES_PROVIDER(alias: string, region: string): string {
  return `(EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = ${alias}.id AND l.region_id = ${region})
    OR (${alias}.created_by_region_id = ${region} AND NOT EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = ${alias}.id AND l.region_id <> ${region})))`;
}

function organisationOf(scope: TenantScope): string {
  return scope.kind === 'MUNICIPALITY' ? scope.municipalityId : scope.kind === 'PROVIDER' ? scope.providerId : scope.regionId;
}
