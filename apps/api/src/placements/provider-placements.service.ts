import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkFigureListScope,
  checkFigurePeriod,
  checkIndividualPlacementAcceptance,
  checkPlacementAcceptance,
  checkPlacementRejection,
  checkPlacementStart,
  figurePeriod,
  formatDateNl,
  INTAKE_STAGE_STATUSES,
  isActivePlacementStatus,
  PROVIDER_VISIBLE_PLACEMENT_STATUSES,
  seatsFree,
  type CompletedModule,
  type FigurePeriod,
  type PlacementStatus,
  type RuleViolation,
} from '@inburgering/domain';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AccessService, scopeToProviderPlacements } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { requirePage, throwIfViolations, ValidationAppError } from '../common';
import type { LevelGql, RouteGql } from '../clients';
import { PlacementEntity } from '../database';
import { recordDuoOffer } from '../duo';
import { completedModuleSql, individualPlacementOfProviderSql } from '../figures';
import { raiseSignals } from '../signals';
import { type Actor, providerScopeOf, type ProviderId } from '../tenancy';
import type { AcceptPlacementInput, PlacementChangeInput, ProviderPlacementFilterInput, RejectPlacementInput } from './placement-inputs';
import { coveredFigureOf, whereCoveredByFigure, type CoveredFigure } from './provider-covered-figures';
import { countExamAttemptsOfCell, examCellOf, whereExamAttemptOfCell, type ExamCell } from './provider-exam-figure';
import { joined, lockLotSeats, placementBaseFields, placementQuery, REQUESTED, slotsByIds, slotsOfPlacements, type Db } from './placement-queries';
import { lockPlacement, offerFreedSeats, transitionPlacement, type LockedPlacement } from './placement-transitions';
import { PlacedClientType, PlacementOrganisationType, ProviderPlacementPageType, ProviderPlacementType } from './placement.types';

/** What a provider may know of a placed client: no BSN, intake notes, learnability or deadlines are ever selected. */
const PLACED_CLIENT_COLUMNS = ['c.id', 'c.clientNumber', 'c.firstName', 'c.lastName', 'c.dateOfBirth', 'c.route', 'c.level', 'c.pipMinutesPerWeek', 'c.pipLessonPattern'];

/** Placements per page at most: about 0.5 KB each, so a page stays far under 200 KB. */
export const MAX_PLACEMENT_PAGE = 200;

/** Without a filter: what still needs the provider's attention or is running. */
const DEFAULT_STATUSES: readonly PlacementStatus[] = PROVIDER_VISIBLE_PLACEMENT_STATUSES.filter(isActivePlacementStatus);

/** Statuses a provider may filter on: never WAITING; WITHDRAWN only where the access rule allows (offered first). */
const FILTERABLE_STATUSES: readonly PlacementStatus[] = [...PROVIDER_VISIBLE_PLACEMENT_STATUSES, 'WITHDRAWN'];

/** The provider's side: its inbox of requests, its placed clients, and accepting, rejecting and starting placements. */
@Injectable()
export class ProviderPlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the provider's own placements (never waiting ones: those were not offered to it), with the total over all
   * pages: the access rule, the filter, the order and the page are all in SQL. Every client on the page read is logged.
   */
  async list(actor: Actor, filter: ProviderPlacementFilterInput | null, limit: number, offset: number): Promise<ProviderPlacementPageType> {
    const providerId = providerScopeOf(actor);
    requirePage(limit, offset, MAX_PLACEMENT_PAGE, 'plaatsingen');
    const exam = await this.examFilter(actor, filter);
    const covered = exam ? null : await this.coveredFilter(actor, filter);
    const completed = exam || covered ? null : await this.completedFilter(actor, filter);
    const counted = exam || completed || covered ? null : await this.countedFilter(actor, filter);
    const own = await this.ownFigureScope(actor, filter);
    const asked = filter?.statuses?.length ? filter.statuses : null;
    // From an intake figure: the stage's statuses (within the statuses asked for, if any); from a result figure: whatever
    // (or an hours figure or the median wait) whatever status the placement has now; otherwise the statuses asked for or the default.
    const statuses = (counted ? counted.statuses.filter((s) => !asked || asked.includes(s)) : asked ?? (exam || completed || covered ? FILTERABLE_STATUSES : DEFAULT_STATUSES)).filter((s) => FILTERABLE_STATUSES.includes(s));
    // From an exam-part figure: the attempts the cell counts, the number its notice gives (the list shows each client once).
    const under = (query: SelectQueryBuilder<PlacementEntity>) => (alias: string) => underOwnFigures(query, alias, providerId, own);
    let examAttemptsInFigure: number | null = null;
    if (exam) {
      const attempts = this.db.getRepository(PlacementEntity).createQueryBuilder('ep');
      examAttemptsInFigure = await countExamAttemptsOfCell(attempts, exam, under(attempts));
    }
    if (statuses.length === 0) return Object.assign(new ProviderPlacementPageType(), { items: [], total: 0, examAttemptsInFigure });
    // The page and the total are chosen on the placement rows alone, from the index that holds the columns filtered and
    // sorted on (IDX_placement_provider_pages: no table page is read); only that page is read with its lot, provider,
    // client and municipality. Joining those first made PostgreSQL join and sort all of the provider's placements.
    const query = this.db.getRepository(PlacementEntity).createQueryBuilder('p')
      .where('p.providerId = :providerId', { providerId })
      .andWhere('p.status IN (:...statuses)', { statuses });
    // A placement withdrawn while it was still waiting was never offered to this provider: the access module's condition
    // drops it (and, for statuses it always admits, keeps to the provider alone, so the index is used).
    scopeToProviderPlacements(query, 'p', providerId, statuses);
    if (counted) {
      // The placements the intake figure counts (figures.repository intake): under the contract, or under any own contract
      // and the own individual placements outside a lot (the dashboard's figures, figures.service regionFigures), an ended
      // one only with a start date, requested in the period (the request's date in Amsterdam).
      query.andWhere(
        `${underOwnFigures(query, 'p', providerId, own)}
         AND (p.status <> 'ENDED' OR p.start_date IS NOT NULL)
         AND (CAST(:countedFrom AS date) IS NULL OR (p.requested_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN CAST(:countedFrom AS date) AND CAST(:countedTo AS date))`,
        { countedFrom: counted.period?.from ?? null, countedTo: counted.period?.to ?? null },
      );
    }
    if (completed) {
      // The clients a result figure counts (figures.repository completions, the same completedModuleSql): a result completing
      // the module within a placement under the figure's contracts (and municipality), dated in the period. The figure counts
      // clients, so the list shows each client once: the placement of the client's latest such result.
      query.andWhere(
        `p.id IN (SELECT DISTINCT ON (cp.client_id) cp.id FROM integration_result cr JOIN placement cp ON cp.id = cr.placement_id
                   WHERE ${underOwnFigures(query, 'cp', providerId, own)}
                     AND (CAST(:completedMunicipalityId AS uuid) IS NULL OR cp.municipality_id = CAST(:completedMunicipalityId AS uuid))
                     AND ${completedModuleSql('cr')} = :completedModule
                     AND (CAST(:completedFrom AS date) IS NULL OR cr.result_date BETWEEN CAST(:completedFrom AS date) AND CAST(:completedTo AS date))
                   ORDER BY cp.client_id, cr.result_date DESC, cp.id)`,
        {
          completedModule: completed.module, completedMunicipalityId: filter?.municipalityId ?? null,
          completedFrom: completed.period?.from ?? null, completedTo: completed.period?.to ?? null,
        },
      );
    }
    if (covered) whereCoveredByFigure(query, covered, under(query));
    if (exam) whereExamAttemptOfCell(query, exam, under(query));
    // Narrows the own placements only: another municipality's id finds nothing, as an unknown one does.
    if (filter?.municipalityId) query.andWhere('p.municipality_id = :municipalityId', { municipalityId: filter.municipalityId });
    const term = filter?.search?.trim();
    if (term) {
      // A name as the list shows it, a client number, or the placement's group (to pick a whole class for a presence group).
      query.innerJoin('p.client', 'c').andWhere(
        `((c.first_name || ' ' || c.last_name) ILIKE :pattern OR (c.last_name || ', ' || c.first_name) ILIKE :pattern OR c.client_number::text = :term OR p.group_name ILIKE :pattern)`,
        { pattern: `%${term.replace(/[%_\\]/g, '\\$&')}%`, term },
      );
    }
    const page = await query.clone()
      .select('p.id', 'id')
      .addSelect('count(*) OVER ()::int', 'total')
      .orderBy('CASE WHEN p.status = :requested THEN 0 ELSE 1 END')
      .setParameter('requested', REQUESTED)
      .addOrderBy('p.startDate', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.requestedAt')
      .addOrderBy('p.id')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ id: string; total: number }>();
    // Past the last page there is no row to carry the total.
    const total = page[0]?.total ?? (offset === 0 ? 0 : await query.getCount());
    const ids = page.map((row) => row.id);
    const found = ids.length === 0 ? [] : await this.providerQuery(providerId).andWhere('p.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(found.map((placement) => [placement.id, placement]));
    const placements = ids.flatMap((id) => byId.get(id) ?? []);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(placements.map((p) => p.clientId))], PURPOSE.PROVIDER_EXECUTION);
    return Object.assign(new ProviderPlacementPageType(), { items: await toProviderTypes(this.db.manager, placements), total, examAttemptsInFigure });
  }

  /**
   * The drill-down of the provider's own contract figures (issue #10): the placements that an intake figure counts, under
   * one contract (asked of the AccessService: another provider's and unknown NOT_FOUND) or, without one, under any own
   * contract (the dashboard's figures; with municipalityId its row per municipality). Waiting placements were never
   * offered to the provider: it sees their number in the figures, not the list.
   */
  private async countedFilter(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<{ contractId: string | null; statuses: readonly PlacementStatus[]; period: FigurePeriod | null } | null> {
    if (!filter?.contractId && !filter?.intakeStage && !filter?.periodFrom && !filter?.periodTo && !filter?.lotId && !filter?.individual) return null;
    const violations: RuleViolation[] = [...checkFigurePeriod(filter.periodFrom, filter.periodTo)];
    if (!filter.intakeStage) violations.push({ field: 'intakeStage', code: 'INTAKE_STAGE_MISSING', message: 'Kies de stand van de plaatsingen (aangevraagd, geaccepteerd of gestart).' });
    throwIfViolations(violations);
    if (filter.contractId) await this.access.requireOne(actor, 'contract', filter.contractId);
    if (filter.intakeStage === 'WAITING') {
      throwIfViolations([{ field: 'intakeStage', code: 'INTAKE_STAGE_NOT_OFFERED', message: 'Wachtende aanmeldingen zijn nog niet aan uw organisatie aangeboden: u ziet alleen hun aantal, niet de inburgeraars.' }]);
    }
    return { contractId: filter.contractId ?? null, statuses: INTAKE_STAGE_STATUSES[filter.intakeStage!], period: figurePeriod(filter.periodFrom, filter.periodTo) };
  }

  /**
   * The drill-down of the provider's own result figures (issue #10): the clients who completed a module by a result under
   * one contract (asked of the AccessService: another provider's and unknown NOT_FOUND) or, without one, under any own
   * contract or own individual placement (the dashboard's figures; with municipalityId its row per municipality), in the
   * figures' period if one is given. Not with an intake stage.
   */
  private async completedFilter(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<{ module: CompletedModule; contractId: string | null; period: FigurePeriod | null } | null> {
    if (!filter?.completed) return null;
    const violations: RuleViolation[] = [...checkFigurePeriod(filter.periodFrom, filter.periodTo)];
    if (filter.intakeStage) violations.push({ field: 'intakeStage', code: 'COMPLETED_WITH_INTAKE_STAGE', message: 'Kies een stand van de plaatsingen of een voltooid onderdeel, niet allebei.' });
    throwIfViolations(violations);
    if (filter.contractId) await this.access.requireOne(actor, 'contract', filter.contractId);
    return { module: filter.completed, contractId: filter.contractId ?? null, period: figurePeriod(filter.periodFrom, filter.periodTo) };
  }

  /**
   * The drill-down of the provider's own hours figures and median wait (issue #10, provider-covered-figures): under one
   * contract (asked of the AccessService: another provider's and unknown NOT_FOUND) or, without one, under any own
   * contract or own individual placement (the dashboard; with municipalityId its row per municipality), in the figures'
   * period if one is given. Not with another figure's filter (Dutch, on the field).
   */
  private async coveredFilter(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<CoveredFigure | null> {
    return this.askedFigure(actor, coveredFigureOf(filter));
  }

  /** A figure's filter as asked: its violations thrown, its contract asked of the AccessService (another provider's and unknown NOT_FOUND). */
  private async askedFigure<T extends { contractId: string | null }>(actor: Actor, asked: { figure: T; violations: RuleViolation[] } | null): Promise<T | null> {
    if (!asked) return null;
    throwIfViolations(asked.violations);
    if (asked.figure.contractId) await this.access.requireOne(actor, 'contract', asked.figure.contractId);
    return asked.figure;
  }

  /**
   * The drill-down of one cell of the provider's own exam-part figures (issue #10, provider-exam-figure): under one contract
   * (asked of the AccessService: another provider's and unknown NOT_FOUND) or, without one, under any own contract or own
   * individual placement (the dashboard; with municipalityId its row per municipality), in the figures' period if one is
   * given. Part, level and outcome together; not with another figure's filter (Dutch, on the field).
   */
  private async examFilter(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<ExamCell | null> {
    return this.askedFigure(actor, examCellOf(filter));
  }

  /**
   * Under which of its own figures a figure's list is asked (underOwnFigures): one contract, the own contracts of one lot
   * (the lot page; asked of the AccessService: a lot without an own contract and an unknown one NOT_FOUND), the own
   * individual placements (the row "Zonder perceel (individueel)", never with a contract or lot: Dutch, on the field) or,
   * with none of them, every own contract and individual placement (the dashboard).
   */
  private async ownFigureScope(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<OwnFigureScope> {
    throwIfViolations(checkFigureListScope(filter ?? {}));
    if (filter?.lotId) await this.access.requireOne(actor, 'lot', filter.lotId);
    return { contractId: filter?.contractId ?? null, lotId: filter?.lotId ?? null, individual: filter?.individual === true };
  }

  async get(actor: Actor, placementId: string): Promise<ProviderPlacementType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', placementId);
    const placement = await this.providerQuery(providerId).andWhere('p.id = :placementId', { placementId }).getOne();
    if (!placement) throw this.access.notFound('placement');
    await logProcessing(this.db.manager, actor, 'READ', 'client', [placement.clientId], PURPOSE.PROVIDER_EXECUTION);
    return (await toProviderTypes(this.db.manager, [placement]))[0];
  }

  /** Accepts a request on a start moment with a free seat, with a start date, location and group; the consultant is told. */
  async accept(actor: Actor, input: AcceptPlacementInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'placement', input.placementId);
    // Another provider's start moment and an unknown one answer alike.
    const startMomentVisible = !input.startMomentId || (await this.access.allowed(actor, 'startMoment', [input.startMomentId])).has(input.startMomentId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      if (!placement.lotId) {
        // An individual placement (outside a lot): no start moment or seats; the start date lies in the agreed period.
        throwIfViolations(checkIndividualPlacementAcceptance({ startDate: input.startDate, location: input.location, agreedStartsOn: placement.agreedStartsOn, agreedEndsOn: placement.agreedEndsOn, today }));
        await transitionPlacement(manager, placement, 'ACCEPTED', actor.userId, null, { startDate: input.startDate, location: input.location.trim(), groupName: input.groupName?.trim() || null });
        await this.tellMunicipality(manager, placement, 'PLACEMENT_ACCEPTED', (n, provider) =>
          `Klantnummer ${n} is geaccepteerd door ${provider}: start op ${formatDateNl(input.startDate)} in ${input.location.trim()}.`);
        await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
        await recordDuoOffer(manager, placement.id, today, actor);
        return;
      }
      await lockLotSeats(manager, placement.lotId);
      const startMomentId = input.startMomentId ?? placement.startMomentId;
      const [slot] = startMomentId && startMomentVisible ? await slotsByIds(manager, [startMomentId]) : [];
      if (!slot || slot.contract.id !== placement.contractId) {
        throw new ValidationAppError([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_UNKNOWN', message: 'Kies een instroommoment van uw contract op dit perceel.' }]);
      }
      const { moment, counts } = slot;
      if (seatsFree(moment.seats, counts.taken) === 0) {
        throwIfViolations([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_FULL',
          message: `Het instroommoment van ${formatDateNl(moment.startsOn)} is vol (${counts.taken} van ${moment.seats} plaatsen bezet). Kies een ander instroommoment, voeg plaatsen toe of wijs de aanmelding af.` }]);
      }
      throwIfViolations(checkPlacementAcceptance({ startDate: input.startDate, location: input.location, startMomentStartsOn: moment.startsOn, today }));
      await transitionPlacement(manager, placement, 'ACCEPTED', actor.userId, null, {
        startMomentId: moment.id,
        startDate: input.startDate,
        location: input.location.trim(),
        groupName: input.groupName?.trim() || null,
      });
      await this.tellMunicipality(manager, placement, 'PLACEMENT_ACCEPTED', (n, provider) =>
        `Klantnummer ${n} is geaccepteerd door ${provider}: start op ${formatDateNl(input.startDate)} in ${input.location.trim()}.`);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
      if (moment.id !== placement.startMomentId) await offerFreedSeats(manager, [placement.lotId], actor);
      await recordDuoOffer(manager, placement.id, today, actor);
    });
    return this.get(actor, input.placementId);
  }

  /** Rejects a request with a reason; the consultant is told and the offer goes to the next waiting client. */
  async reject(actor: Actor, input: RejectPlacementInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations(checkPlacementRejection(input.reason));
      await transitionPlacement(manager, placement, 'REJECTED', actor.userId, input.reason.trim(), { rejectionReason: input.reason.trim() });
      await this.tellMunicipality(manager, placement, 'PLACEMENT_REJECTED', (n, provider) => `Klantnummer ${n} is afgewezen door ${provider}: ${input.reason.trim()}`);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
      await offerFreedSeats(manager, [placement.lotId], actor);
    });
    return this.get(actor, input.placementId);
  }

  /** Marks an accepted placement as started, on or after its start date. */
  async start(actor: Actor, input: PlacementChangeInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations(checkPlacementStart(placement.startDate, today));
      await transitionPlacement(manager, placement, 'STARTED', actor.userId, input.note?.trim() || null);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
    });
    return this.get(actor, input.placementId);
  }

  /** The provider's placements with the placed client's teaching fields and its municipality; add `where` on `p`. */
  private providerQuery(providerId: ProviderId): SelectQueryBuilder<PlacementEntity> {
    return placementQuery(this.db.manager)
      .innerJoin('p.client', 'c')
      .addSelect(PLACED_CLIENT_COLUMNS)
      .innerJoin('p.municipality', 'm')
      .addSelect(['m.id', 'm.name'])
      .where('p.providerId = :providerId', { providerId });
  }

  private async tellMunicipality(db: Db, placement: LockedPlacement, kind: string, message: (clientNumber: number, provider: string) => string): Promise<void> {
    const current = await db
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.version'])
      .innerJoin('p.client', 'c')
      .addSelect(['c.id', 'c.clientNumber'])
      .innerJoin('p.provider', 'o')
      .addSelect(['o.id', 'o.name'])
      .where('p.id = :id', { id: placement.id })
      .getOne();
    if (!current) throw this.access.notFound('placement');
    await raiseSignals(db, [{
      kind, organisationId: placement.municipalityId, subjectType: 'placement', subjectId: placement.id,
      occurrenceKey: `${placement.id}:${current.version}`,
      message: message(joined(current.client, 'placement.client').clientNumber, joined(current.provider, 'placement.provider').name),
    }]);
  }
}

async function toProviderTypes(db: Db, placements: PlacementEntity[]): Promise<ProviderPlacementType[]> {
  const slots = await slotsOfPlacements(db, placements);
  return placements.map((placement) => {
    const client = joined(placement.client, 'placement.client');
    const municipality = joined(placement.municipality, 'placement.municipality');
    return Object.assign(new ProviderPlacementType(), {
      ...placementBaseFields(placement, slots),
      clientId: placement.clientId,
      client: Object.assign(new PlacedClientType(), {
        clientNumber: client.clientNumber,
        firstName: client.firstName,
        lastName: client.lastName,
        dateOfBirth: client.dateOfBirth,
        route: client.route as RouteGql | null,
        level: client.level as LevelGql | null,
        pipMinutesPerWeek: client.pipMinutesPerWeek,
        pipLessonPattern: client.pipLessonPattern,
        municipality: Object.assign(new PlacementOrganisationType(), { id: municipality.id, name: municipality.name }),
      }),
    });
  });
}

/** Under which of the provider's own figures a list is asked: a contract and/or a lot (already asked of the AccessService), or its individual placements. */
interface OwnFigureScope {
  contractId: string | null;
  lotId: string | null;
  individual: boolean;
}

/**
 * That a placement (`alias`) is under the provider's figures: under the one contract, under an own contract of the lot (as
 * figures.service lotFigures takes a provider's contracts of the lot), or both; an own individual placement outside a lot
 * (the row "Zonder perceel (individueel)"); or with none of these under any own contract or own individual placement (the
 * dashboard, figures.service regionFigures with the provider's individual placements; individualPlacementOfProviderSql).
 * Parameters are set on the query.
 */
function underOwnFigures(query: SelectQueryBuilder<PlacementEntity>, alias: string, providerId: ProviderId, scope: OwnFigureScope): string {
  query.setParameters({ figureContractId: scope.contractId, figureLotId: scope.lotId, figureProviderId: providerId });
  const individual = individualPlacementOfProviderSql(alias, ':figureProviderId');
  if (scope.individual) return individual;
  const conditions: string[] = [];
  if (scope.contractId) conditions.push(`${alias}.contract_id = :figureContractId`);
  if (scope.lotId) conditions.push(`${alias}.contract_id IN (SELECT k.id FROM contract k WHERE k.provider_id = :figureProviderId AND k.lot_id = :figureLotId)`);
  if (conditions.length > 0) return `(${conditions.join(' AND ')})`;
  return `(${alias}.contract_id IN (SELECT k.id FROM contract k WHERE k.provider_id = :figureProviderId) OR ${individual})`;
}
