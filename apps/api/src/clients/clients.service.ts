import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkBsn,
  checkFigureListScope,
  checkFigurePeriod,
  figurePeriod,
  INTAKE_STAGE_STATUSES,
  checkIntakeDate,
  checkLearnability,
  checkPipDates,
  checkPipLessonHours,
  checkPipLevel,
  compareDates,
  normalizeBsn,
  regionKpiDefinitions,
  type RuleViolation,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { throwIfViolations, ForbiddenAppError, ValidationAppError, BSN_CRYPTO, BsnCrypto, requirePage } from '../common';
import { ClientEntity } from '../database';
import { recordDuoPip } from '../duo';
import { enqueueInOutbox } from '../outbox';
import { type Actor, caseloadMunicipalitiesOf, municipalityScopeOf, type MunicipalityId, tenantScopeOf } from '../tenancy';
import { toClientType } from './client-row';
import { clientDeadlinesRepository, orderByUrgency, whereHasDeadline } from './client-deadlines.repository';
import { CaseloadSortGql, type ClientFilterInput, ExamOutcomeGql, type SetPipInput, type UpdateClientInput } from './client-inputs';
import type { ClientPageType, ClientType, RegisterClientInput } from './client.types';
import { clientsRepository, lockClient as lockClientRow, type ClientWithState, type CompletedModuleFilter, type CountedPlacementFilter, type ExamAttemptFilter, type FigureListScope, type HoursFilter, type KpiCohortFilter, type LockedClient } from './clients.repository';

const MAX_PAGE = 200;

/** Reads one client of the municipality inside a transaction and locks it against concurrent changes. */
export function lockClient(manager: EntityManager, municipalityId: MunicipalityId, clientId: string): Promise<LockedClient> {
  return lockClientRow(manager, municipalityId, clientId);
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** `today` once per page: reading the date in Amsterdam per client cost more than the client's deadlines. */
  private toType(view: ClientWithState, today: string = this.clock.today()): ClientType {
    const { bsnEncrypted } = view.client;
    return toClientType(view, bsnEncrypted === null ? null : this.crypto.decrypt(bsnEncrypted), today);
  }

  /**
   * The caseload of the actor's municipality (a shared service: of its municipalities), searched and filtered by route,
   * placement and deadline status, by name or by urgency: filtered, sorted, counted and paged in SQL. Deadline filters and
   * the urgency order read the stored deadlines (derived by the domain rules, re-derived first for clients changed since);
   * only the returned page is decrypted and recorded in the processing log.
   */
  async list(actor: Actor, search: string | null, limit: number, offset: number, filter: ClientFilterInput | null = null): Promise<ClientPageType> {
    requirePage(limit, offset, MAX_PAGE, 'inburgeraars');
    // One municipality, or for a shared service's consultant every municipality it works for (narrowed by the filter).
    const municipalityIds = caseloadMunicipalitiesOf(actor, filter?.municipalityId ?? null);
    const today = this.clock.today();
    const status = filter?.deadlineStatus ?? null;
    const kind = filter?.deadlineKind ?? null;
    const byUrgency = filter?.sort === CaseloadSortGql.URGENCY;
    const kpi = await this.kpiFilter(actor, filter);
    const completed = await this.completedFilter(actor, filter);
    const hours = await this.hoursFilter(actor, filter);
    const waits = await this.waitsFilter(actor, filter);
    const exam = await this.examFilter(actor, filter);
    const counted = kpi || completed || hours || waits || exam ? null : await this.countedFilter(actor, filter);
    if (status || kind || byUrgency) await clientDeadlinesRepository.refreshStale(this.db, municipalityIds, today);
    const [clients, total] = await clientsRepository.searchPage(
      this.db.manager,
      municipalityIds,
      { search, route: filter?.route ?? null, placementStatus: filter?.placementStatus ?? null, counted, kpi, completed, hours, waits, exam },
      limit,
      offset,
      (query) => {
        if (status || kind) whereHasDeadline(query, kind, status, today);
        return byUrgency ? orderByUrgency(query, today) : query;
      },
    );
    // The page's state and the processing log's entry of this read: one statement, committed together.
    const views = await clientsRepository.withState(this.db.manager, clients, { actor, action: 'READ', subjectType: 'client', subjectIds: clients.map((c) => c.id), purpose: PURPOSE.CASELOAD });
    const [anonymisedInFigure, examAttemptsInFigure] = await Promise.all([
      clientsRepository.countAnonymisedInFigure(this.db.manager, municipalityIds, { counted, kpi, completed, hours, waits, exam }),
      exam ? clientsRepository.countExamAttempts(this.db.manager, municipalityIds, exam) : null,
    ]);
    return { items: views.map((v) => this.toType(v, today)), total, anonymisedInFigure, examAttemptsInFigure };
  }

  /**
   * The drill-down of a contract's intake figure (issue #10): the own clients whose placement under the contract the
   * figure counts. The contract is asked of the AccessService (foreign and unknown: NOT_FOUND); the list stays the own caseload.
   */
  private async countedFilter(actor: Actor, filter: ClientFilterInput | null): Promise<CountedPlacementFilter | null> {
    if (!filter?.contractId && !filter?.intakeStage && !filter?.periodFrom && !filter?.periodTo && !filter?.lotId && !filter?.individual) return null;
    const violations: RuleViolation[] = [...checkFigurePeriod(filter.periodFrom, filter.periodTo)];
    // A contract's row, or the row of the individual placements (no contract).
    if (!filter.contractId && !filter.individual) violations.push({ field: 'contractId', code: 'CONTRACT_MISSING', message: 'Kies het contract van het cijfer.' });
    if (!filter.intakeStage) violations.push({ field: 'intakeStage', code: 'INTAKE_STAGE_MISSING', message: 'Kies de stand van de plaatsingen (aangevraagd, geaccepteerd, gestart of wachtend).' });
    const contracts = await this.listScope(actor, filter, violations);
    return { contracts, statuses: INTAKE_STAGE_STATUSES[filter.intakeStage!], period: figurePeriod(filter.periodFrom, filter.periodTo) };
  }

  /**
   * Whose placements a figure's list covers, after `violations` and the scope's own are thrown (in Dutch, on the field):
   * only for a consultant (the projectleider and providers FORBIDDEN); one contract, the contracts of one lot (each asked
   * of the AccessService: foreign and unknown NOT_FOUND), the region's individual placements (the row "Zonder perceel
   * (individueel)", never with a contract or lot) or all contracts of the region with those.
   */
  private async listScope(actor: Actor, filter: ClientFilterInput, violations: RuleViolation[]): Promise<FigureListScope> {
    throwIfViolations([...violations, ...checkFigureListScope(filter)]);
    const scope = tenantScopeOf(actor);
    if (scope.kind !== 'MUNICIPALITY') throw new ForbiddenAppError();
    if (filter.individual) return { individualRegionId: scope.regionId };
    if (filter.contractId) await this.access.requireOne(actor, 'contract', filter.contractId);
    const lotId = await this.lotOf(actor, filter);
    return filter.contractId || lotId ? { contractId: filter.contractId ?? null, lotId } : { regionId: scope.regionId };
  }

  /**
   * The lot a figure's list is narrowed to (the lot page's figures), asked of the AccessService as the contract is: a lot
   * the own municipality does not take part in answers NOT_FOUND, as an unknown one does.
   */
  private async lotOf(actor: Actor, filter: ClientFilterInput): Promise<string | null> {
    if (!filter.lotId) return null;
    return this.access.requireOne(actor, 'lot', filter.lotId);
  }

  /**
   * The drill-down of a KPI of the region (issue #10): the own clients in its cohort (or those who achieved it) under one
   * contract or the contracts of one lot (each asked of the AccessService: foreign and unknown NOT_FOUND) or under all
   * contracts of the region, as the figures count them. A KPI counts over its own cohort: no intake stage or period with it.
   */
  private async kpiFilter(actor: Actor, filter: ClientFilterInput | null): Promise<KpiCohortFilter | null> {
    if (!filter?.kpi) {
      if (filter?.kpiAchieved) throwIfViolations([{ field: 'kpi', code: 'KPI_MISSING', message: 'Kies de KPI waarvan u wilt zien wie hem gehaald heeft.' }]);
      return null;
    }
    const violations: RuleViolation[] = [];
    if (filter.intakeStage) violations.push({ field: 'intakeStage', code: 'KPI_WITH_INTAKE_STAGE', message: 'Kies een stand van de plaatsingen of een KPI, niet allebei.' });
    if (filter.periodFrom || filter.periodTo) violations.push({ field: 'periodFrom', code: 'KPI_WITH_PERIOD', message: 'Een KPI telt over zijn eigen cohort, niet over een periode: laat de periode leeg.' });
    const contracts = await this.listScope(actor, filter, violations);
    const definition = regionKpiDefinitions().find((d) => d.kpi === filter.kpi)!;
    return { definition, achieved: filter.kpiAchieved === true, today: this.clock.today(), contracts };
  }

  /**
   * The drill-down of a result figure (issue #10): the own clients who completed a module by a result under the figure's
   * contracts (figureListScope), in the figures' period if one is given, as the figures count them.
   */
  private async completedFilter(actor: Actor, filter: ClientFilterInput | null): Promise<CompletedModuleFilter | null> {
    if (!filter?.completed) return null;
    const violations: RuleViolation[] = [];
    if (filter.intakeStage) violations.push({ field: 'intakeStage', code: 'COMPLETED_WITH_INTAKE_STAGE', message: 'Kies een stand van de plaatsingen of een voltooid onderdeel, niet allebei.' });
    if (filter.kpi) violations.push({ field: 'kpi', code: 'COMPLETED_WITH_KPI', message: 'Kies een KPI of een voltooid onderdeel, niet allebei.' });
    return { module: filter.completed, ...(await this.figureListScope(actor, filter, violations)) };
  }

  /**
   * The drill-down of the hours figures (attended hours, attendance; issue #10): the own clients they cover, with hour rows
   * under the figure's contracts (figureListScope) in the figures' period if one is given, as the figures sum them.
   */
  private async hoursFilter(actor: Actor, filter: ClientFilterInput | null): Promise<HoursFilter | null> {
    if (!filter?.withHours) return null;
    const violations: RuleViolation[] = [];
    if (filter.intakeStage) violations.push({ field: 'intakeStage', code: 'HOURS_WITH_INTAKE_STAGE', message: 'Kies een stand van de plaatsingen of de uren, niet allebei.' });
    if (filter.kpi) violations.push({ field: 'kpi', code: 'HOURS_WITH_KPI', message: 'Kies een KPI of de uren, niet allebei.' });
    if (filter.completed) violations.push({ field: 'withHours', code: 'HOURS_WITH_COMPLETED', message: 'Kies een voltooid onderdeel of de uren, niet allebei.' });
    return this.figureListScope(actor, filter, violations);
  }

  /**
   * The drill-down of the median wait from signed PIP to start (issue #10): the own clients in its cohort, started on or
   * after the signed PIP under the figure's contracts (figureListScope), in the figures' period if one is given.
   */
  private async waitsFilter(actor: Actor, filter: ClientFilterInput | null): Promise<HoursFilter | null> {
    if (!filter?.waitCohort) return null;
    const violations: RuleViolation[] = [];
    if (filter.intakeStage || filter.kpi || filter.completed || filter.withHours) {
      violations.push({ field: 'waitCohort', code: 'WAITS_WITH_OTHER_FIGURE', message: 'Kies de wachttijd of een ander cijfer, niet allebei.' });
    }
    return this.figureListScope(actor, filter, violations);
  }

  /**
   * The drill-down of one cell of the exam-part figures (issue #10): the own clients with an exam attempt of that level,
   * part and outcome (examAttemptOfCellSql) under the figure's contracts (figureListScope), in the figures' period if one
   * is given. Part, level and outcome come together; not with another figure's filter.
   */
  private async examFilter(actor: Actor, filter: ClientFilterInput | null): Promise<ExamAttemptFilter | null> {
    if (!filter?.examPart && !filter?.examLevel && !filter?.examOutcome) return null;
    const violations: RuleViolation[] = [];
    if (!filter.examPart) violations.push({ field: 'examPart', code: 'EXAM_PART_MISSING', message: 'Kies het examenonderdeel van het cijfer.' });
    if (!filter.examLevel) violations.push({ field: 'examLevel', code: 'EXAM_LEVEL_MISSING', message: 'Kies het niveau van het examencijfer.' });
    if (!filter.examOutcome) violations.push({ field: 'examOutcome', code: 'EXAM_OUTCOME_MISSING', message: 'Kies gehaald of niet gehaald.' });
    if (filter.intakeStage || filter.kpi || filter.completed || filter.withHours || filter.waitCohort) {
      violations.push({ field: 'examPart', code: 'EXAM_WITH_OTHER_FIGURE', message: 'Kies het examencijfer of een ander cijfer, niet allebei.' });
    }
    const scope = await this.figureListScope(actor, filter, violations);
    return { ...scope, part: filter.examPart!, level: filter.examLevel!, passed: filter.examOutcome === ExamOutcomeGql.PASSED };
  }

  /**
   * What a figure's list over a period covers (listScope), after the figure's own `violations` and the period's are thrown
   * (in Dutch, on their fields).
   */
  private async figureListScope(actor: Actor, filter: ClientFilterInput, violations: RuleViolation[]): Promise<HoursFilter> {
    const contracts = await this.listScope(actor, filter, [...checkFigurePeriod(filter.periodFrom, filter.periodTo), ...violations]);
    return { period: figurePeriod(filter.periodFrom, filter.periodTo), contracts };
  }

  async get(actor: Actor, clientId: string): Promise<ClientType> {
    await this.access.requireOne(actor, 'client', clientId);
    const view = await this.findInMunicipality(municipalityScopeOf(actor), clientId);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [view.client.id], PURPOSE.CASELOAD);
    return this.toType(view);
  }

  /** Shows the full BSN once; the reveal is logged with who and when. */
  async revealBsn(actor: Actor, clientId: string): Promise<string> {
    await this.access.requireOne(actor, 'client', clientId);
    const view = await this.findInMunicipality(municipalityScopeOf(actor), clientId);
    if (view.client.bsnEncrypted === null) throw new ValidationAppError([{ field: 'clientId', code: 'CLIENT_ANONYMISED', message: 'Deze inburgeraar is geanonimiseerd; het BSN is verwijderd.' }]);
    await logProcessing(this.db.manager, actor, 'REVEAL_BSN', 'client', [view.client.id], PURPOSE.BSN_REVEAL);
    return this.crypto.decrypt(view.client.bsnEncrypted);
  }

  async register(actor: Actor, input: RegisterClientInput): Promise<ClientType> {
    const municipalityId = municipalityScopeOf(actor);
    const bsn = normalizeBsn(input.bsn);
    throwIfViolations(this.registrationViolations(input, this.clock.today()));
    const bsnHash = this.crypto.hash(municipalityId, bsn);
    const id = await this.db.transaction(async (manager) => {
      await clientsRepository.lockMunicipalityNumbering(manager, municipalityId);
      if (await clientsRepository.bsnTaken(manager, municipalityId, bsnHash)) {
        throw new ValidationAppError([{ field: 'bsn', code: 'BSN_ALREADY_REGISTERED', message: 'Dit BSN is al geregistreerd bij uw gemeente.' }]);
      }
      const pipSignedOn = input.pipSignedOn ?? null;
      const clientNumber = await clientsRepository.takeClientNumber(manager, municipalityId);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ClientEntity)
        .values({
          municipalityId,
          clientNumber,
          bsnEncrypted: this.crypto.encrypt(bsn),
          bsnHash,
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          dateOfBirth: input.dateOfBirth,
          targetGroup: input.targetGroup,
          brpRegistrationDate: input.brpRegistrationDate,
          pipSignedOn,
          firstPipSignedOn: pipSignedOn,
          route: input.route ?? null,
          level: input.level ?? null,
          learnabilityOutcome: input.learnabilityOutcome ?? 'UNKNOWN',
          learnabilityScore: input.learnabilityScore ?? null,
          intakeCompletedOn: input.intakeCompletedOn ?? null,
          intakeNotes: input.intakeNotes?.trim() || null,
          pipMinutesPerWeek: input.pipMinutesPerWeek ?? null,
          pipLessonPattern: input.pipLessonPattern?.trim() || null,
          pipCount: pipSignedOn ? 1 : 0,
        })
        .returning(['id'])
        .execute();
      const clientId = (inserted.identifiers[0] as Pick<ClientEntity, 'id'>).id;
      await logProcessing(manager, actor, 'CREATE', 'client', [clientId], PURPOSE.REGISTRATION);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId, municipalityId }, actor);
      if (pipSignedOn) await recordDuoPip(manager, clientId, actor);
      return clientId;
    });
    return this.toType(await this.findInMunicipality(municipalityId, id));
  }

  /** Changes the personal and intake data; the PIP has its own mutation. */
  async update(actor: Actor, input: UpdateClientInput): Promise<ClientType> {
    await this.access.requireOne(actor, 'client', input.clientId);
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.db.transaction(async (manager) => {
      const row = await lockClientRow(manager, municipalityId, input.clientId, () => this.access.notFound('client'));
      const violations: RuleViolation[] = [
        ...this.personViolations(input.dateOfBirth, today),
        ...checkLearnability(input.learnabilityOutcome, input.learnabilityScore),
        ...checkIntakeDate({ intakeCompletedOn: input.intakeCompletedOn, pipSignedOn: row.pipSignedOn, today }),
      ];
      if (row.pipSignedOn) violations.push(...checkPipDates({ brpRegistrationDate: input.brpRegistrationDate, pipSignedOn: row.firstPipSignedOn ?? row.pipSignedOn, today }));
      throwIfViolations(violations);
      await manager.getRepository(ClientEntity).update(
        { id: row.id, municipalityId },
        {
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          dateOfBirth: input.dateOfBirth,
          targetGroup: input.targetGroup,
          brpRegistrationDate: input.brpRegistrationDate,
          learnabilityOutcome: input.learnabilityOutcome,
          learnabilityScore: input.learnabilityScore ?? null,
          intakeCompletedOn: input.intakeCompletedOn ?? null,
          intakeNotes: input.intakeNotes?.trim() || null,
        },
      );
      await logProcessing(manager, actor, 'UPDATE', 'client', [row.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: row.id, municipalityId }, actor);
    });
    return this.toType(await this.findInMunicipality(municipalityId, input.clientId));
  }

  /**
   * Records a (new or changed) PIP. DUO's level rules apply, with "first PIP" meaning none was set before; another route
   * on a later PIP is a route switch and goes through switchRoute (18-month rule, written reason). The first PIP's date
   * is kept: a changed PIP moves neither the term nor the route-switch window (LAW_CITATIONS.TERM_START_FIXED).
   */
  async setPip(actor: Actor, input: SetPipInput): Promise<ClientType> {
    await this.access.requireOne(actor, 'client', input.clientId);
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.db.transaction(async (manager) => {
      const row = await lockClientRow(manager, municipalityId, input.clientId, () => this.access.notFound('client'));
      const isFirstPip = row.pipCount === 0 && !row.pipSignedOn;
      const firstPipSignedOn = row.firstPipSignedOn ?? row.pipSignedOn;
      const violations: RuleViolation[] = [
        ...checkPipDates({ brpRegistrationDate: row.brpRegistrationDate, pipSignedOn: input.pipSignedOn, firstPipSignedOn, previousPipSignedOn: row.pipSignedOn, today }),
        ...checkPipLevel({ route: input.route, level: input.level, isFirstPip }),
        ...checkPipLessonHours(input.pipMinutesPerWeek),
        ...checkIntakeDate({ intakeCompletedOn: row.intakeCompletedOn, pipSignedOn: input.pipSignedOn, today }),
      ];
      if (!isFirstPip && row.route && row.route !== input.route) {
        violations.push({ field: 'route', code: 'PIP_ROUTE_CHANGE_IS_ROUTE_SWITCH', message: 'Een andere leerroute in een gewijzigd PIP is een routewissel; gebruik "Route wisselen" en geef de reden op.' });
      }
      throwIfViolations(violations);
      await manager
        .createQueryBuilder()
        .update(ClientEntity)
        .set({
          pipSignedOn: input.pipSignedOn,
          firstPipSignedOn: firstPipSignedOn ?? input.pipSignedOn,
          route: input.route,
          level: input.level,
          pipMinutesPerWeek: input.pipMinutesPerWeek ?? null,
          pipLessonPattern: input.pipLessonPattern?.trim() || null,
          pipCount: () => 'pip_count + 1',
        })
        .where('id = :id AND municipality_id = :municipalityId', { id: row.id, municipalityId })
        .execute();
      await logProcessing(manager, actor, 'UPDATE', 'client', [row.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: row.id, municipalityId }, actor);
      await recordDuoPip(manager, row.id, actor);
    });
    return this.toType(await this.findInMunicipality(municipalityId, input.clientId));
  }

  private personViolations(dateOfBirth: string, today: string): RuleViolation[] {
    return compareDates(dateOfBirth, today) > 0 ? [{ field: 'dateOfBirth', code: 'DATE_OF_BIRTH_IN_FUTURE', message: 'De geboortedatum ligt in de toekomst.' }] : [];
  }

  private registrationViolations(input: RegisterClientInput, today: string): RuleViolation[] {
    const violations = [...checkBsn(input.bsn), ...this.personViolations(input.dateOfBirth, today)];
    if (input.pipSignedOn) {
      violations.push(...checkPipDates({ brpRegistrationDate: input.brpRegistrationDate, pipSignedOn: input.pipSignedOn, today }));
    }
    if (input.route && input.level) violations.push(...checkPipLevel({ route: input.route, level: input.level, isFirstPip: true }));
    if ((input.route || input.level) && !input.pipSignedOn) {
      violations.push({ field: 'pipSignedOn', code: 'PIP_DATE_REQUIRED', message: 'Vul de PIP-datum in als u een route of niveau kiest.' });
    }
    if (input.pipSignedOn && (!input.route || !input.level)) {
      violations.push({ field: input.route ? 'level' : 'route', code: 'PIP_ROUTE_AND_LEVEL_REQUIRED', message: 'Kies bij een PIP ook de leerroute en het taalniveau.' });
    }
    violations.push(
      ...checkLearnability(input.learnabilityOutcome ?? 'UNKNOWN', input.learnabilityScore),
      ...checkIntakeDate({ intakeCompletedOn: input.intakeCompletedOn, pipSignedOn: input.pipSignedOn, today }),
      ...checkPipLessonHours(input.pipMinutesPerWeek),
    );
    return violations;
  }

  /** One client of the municipality with its state; the caller asked the AccessService first. */
  private async findInMunicipality(municipalityId: MunicipalityId, clientId: string): Promise<ClientWithState> {
    const client = await clientsRepository.findOne(this.db.manager, municipalityId, clientId);
    if (!client) throw this.access.notFound('client');
    const [view] = await clientsRepository.withState(this.db.manager, [client]);
    return view;
  }
}
