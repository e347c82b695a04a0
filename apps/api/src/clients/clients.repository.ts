import {
  ACTIVE_PLACEMENT_STATUSES,
  CLIENT_OUTCOME_KINDS,
  completionDates,
  INTAKE_STAGE_STATUSES,
  EXAM_PARTS,
  isRoute,
  LEVELS,
  RESULT_KINDS,
  type CalendarDate,
  type ClientPlacementState,
  type CompletedModule,
  type CompletionDates,
  type CompletionResult,
  type ExamPart,
  type FigurePeriod,
  type Level,
  type RegionKpi,
  type RegionKpiDefinition,
  type ResultKind,
} from '@inburgering/domain';
import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { processingLogInsert, type ProcessingLogRead } from '../audit';
import { NotFoundAppError } from '../common';
import { ClientEntity } from '../database';
import { completedModuleSql, examAttemptOfCellSql, hourSourceSql, individualPlacementOfRegionSql, waitCohortSql } from '../figures';
import type { MunicipalityId, RegionId } from '../tenancy';

/** A client with what the municipality's view adds: the running placement's status and the completion dates from the results. */
export interface ClientWithState {
  client: ClientEntity;
  placementStatus: Exclude<ClientPlacementState, 'NONE'> | null;
  completion: CompletionDates;
}

/** The client as locked for a change, with its running placement's status. */
export type LockedClient = ClientEntity & { placementStatus: Exclude<ClientPlacementState, 'NONE'> | null };

const NO_COMPLETION: CompletionDates = { mapEindgesprekOn: null, pvtSignedOn: null, routeCompletedOn: null, obligationMetOn: null };

const isOf = <T extends string>(values: readonly T[]) => (value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);
const isResultKind = isOf<ResultKind>(RESULT_KINDS);
const isExamPart = isOf<ExamPart>(EXAM_PARTS);
const isLevel = isOf<Level>(LEVELS);
const isActive = isOf<Exclude<ClientPlacementState, 'NONE'>>(ACTIVE_PLACEMENT_STATUSES as readonly Exclude<ClientPlacementState, 'NONE'>[]);

// Plain SQL, rows read once: these run on every caseload page, where building a query and hydrating entities cost more
// than the query. `ids` and `statuses` are the placeholders of a uuid[] and a text[] parameter.
/** The running placement of each client: the latest requested one in an active status (the instroomklas is the wait before the route, not a placement on it). */
const PLACEMENT_STATES_SQL = (ids: string, statuses: string) =>
  `SELECT DISTINCT ON (p.client_id) p.client_id, p.status FROM placement p
    WHERE p.client_id = ANY (${ids}::uuid[]) AND p.status = ANY (${statuses}::text[]) AND p.kind = 'REGULAR'
    ORDER BY p.client_id, p.requested_at DESC`;
/** The recorded results of the clients, as completionDates reads them. */
const RESULTS_SQL = (ids: string) =>
  `SELECT r.client_id, r.kind, r.exam_part, r.level, r.passed, r.result_date, r.details -> 'milestoneDate' AS milestone
     FROM integration_result r WHERE r.client_id = ANY (${ids}::uuid[])`;

interface PlacementStateRow {
  client_id: string;
  status: string;
}
interface ResultRow {
  client_id: string;
  kind: string;
  exam_part: string | null;
  level: string | null;
  passed: boolean | null;
  result_date: CalendarDate;
  milestone: unknown;
}

function statesOf(rows: readonly PlacementStateRow[]): Map<string, Exclude<ClientPlacementState, 'NONE'>> {
  const states = new Map<string, Exclude<ClientPlacementState, 'NONE'>>();
  for (const row of rows) if (isActive(row.status)) states.set(row.client_id, row.status);
  return states;
}

function completionsOf(clients: readonly Pick<ClientEntity, 'id' | 'route' | 'level'>[], rows: readonly ResultRow[]): Map<string, CompletionDates> {
  const byClient = new Map<string, CompletionResult[]>();
  for (const result of rows) {
    if (!isResultKind(result.kind)) continue;
    const entry: CompletionResult = {
      kind: result.kind,
      examPart: isExamPart(result.exam_part) ? result.exam_part : null,
      level: isLevel(result.level) ? result.level : null,
      passed: result.passed,
      resultDate: result.result_date,
      milestoneDate: typeof result.milestone === 'string' ? (result.milestone as CalendarDate) : null,
    };
    const list = byClient.get(result.client_id);
    if (list) list.push(entry);
    else byClient.set(result.client_id, [entry]);
  }
  return new Map(
    clients.map((c) => {
      const results = byClient.get(c.id);
      return [c.id, results ? completionDates(isRoute(c.route) ? c.route : null, isLevel(c.level) ? c.level : null, results) : NO_COMPLETION];
    }),
  );
}

/** The client queries of the municipality's caseload, on the entities; every one is scoped by the branded municipality. */
/** The placements a contract's intake figure counts, to list their clients (the figure's drill-down). */
export interface CountedPlacementFilter {
  /** The contract (from a lot's figures: only if it is on the lot), or the region's individual placements (the row "Zonder perceel"). */
  contracts: FigureListScope;
  /** The stage's statuses (INTAKE_STAGE_STATUSES); an ended placement counts only with a start date (intakeStageOf). */
  statuses: readonly string[];
  period: FigurePeriod | null;
}

/**
 * The clients a KPI of the region counts (the figure's drill-down): in its cohort, or only those who achieved it, among the
 * own clients with a placement under one contract, under the contracts of one lot (the lot page), or under all contracts
 * of the region, individual placements (outside a lot) of the region included (figures.repository kpis).
 */
export interface KpiCohortFilter {
  definition: RegionKpiDefinition;
  achieved: boolean;
  contracts: FigureListScope;
  today: CalendarDate;
}

/**
 * The clients a result figure counts as having completed a module (the figure's drill-down): a result that completes it
 * (figures.repository completedModuleSql) under one contract, the contracts of one lot or all contracts of the region
 * (individual placements of the region included), dated in the period if one is given (figures.repository completions).
 */
export interface CompletedModuleFilter {
  module: CompletedModule;
  contracts: FigureListScope;
  period: FigurePeriod | null;
}

/**
 * The clients an hours figure (attended hours, attendance) covers (the figure's drill-down): hour rows in the period
 * (figures.repository hourSourceSql, the months or days with planned or attended hours) within a placement under one
 * contract, the contracts of one lot or all contracts of the region (individual placements of the region included).
 */
export interface HoursFilter {
  contracts: FigureListScope;
  period: FigurePeriod | null;
}

/**
 * The clients one cell of the exam-part figures counts (the figure's drill-down): an exam attempt of the level, part and
 * outcome (figures.repository examAttemptOfCellSql) within a placement under one contract, the contracts of one lot or
 * all contracts of the region, with its result date in the period. The figure counts attempts; the list each client once.
 */
export interface ExamAttemptFilter {
  part: ExamPart;
  level: Level;
  passed: boolean;
  contracts: FigureListScope;
  period: FigurePeriod | null;
}

/** The contracts a contract's or lot's figure covers: one contract, the contracts of a lot, or (both set) the contract if it is on the lot. */
export interface FigureContracts {
  contractId: string | null;
  lotId: string | null;
}

/** The individual placements (outside a lot, without a contract) of the region's municipalities: the row "Zonder perceel (individueel)". */
export interface IndividualPlacements {
  individualRegionId: RegionId;
}

/** What a figure's list covers: one contract or lot, the region's individual placements, or every contract of the region with them. */
export type FigureListScope = FigureContracts | IndividualPlacements | { regionId: RegionId };

/** The date a client achieved a KPI, over its counted placements `pc` (as figures.repository kpis); a closed set of SQL. */
const KPI_ACHIEVED_ON: Record<RegionKpi, string> = {
  STARTED_WITHIN_3_MONTHS: 'pc.started_on',
  PASSED_WITHIN_3_YEARS: 'pc.passed_on',
  PARTICIPATING_WITHIN_3_YEARS: '(SELECT min(o.achieved_on) FROM client_outcome o WHERE o.client_id = c.id AND o.kind IN (:...kpiOutcomeKinds))',
  WORK_OR_STUDY_WITHIN_2_YEARS: '(SELECT min(o.achieved_on) FROM client_outcome o WHERE o.client_id = c.id AND o.kind IN (:...kpiOutcomeKinds))',
};
/** Where a KPI's window starts (integrationTermStart: status holders the day after the first PIP, others the BRP registration). */
const KPI_REFERENCE: Record<RegionKpiDefinition['reference'], string> = {
  HOUSING: 'c.brp_registration_date',
  TERM_START: `(CASE WHEN c.target_group = 'STATUS_HOLDER' THEN c.first_pip_signed_on + 1 ELSE c.brp_registration_date END)`,
};
/** The statuses of the placements whose clients count in the figures (all intake stages), and of the started ones. */
const KPI_COUNTED_STATUSES: readonly string[] = [...new Set(Object.values(INTAKE_STAGE_STATUSES).flat())];

export const clientsRepository = {
  /** One client of the municipality, optionally locked against concurrent changes (FOR UPDATE); null when not there. */
  async findOne(manager: EntityManager, municipalityId: MunicipalityId, clientId: string, lock = false): Promise<ClientEntity | null> {
    const query = manager
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .where('c.id = :clientId AND c.municipalityId = :municipalityId', { clientId, municipalityId });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  },

  /**
   * One page of the municipality's clients matching the search, route and running placement's status (NONE: no running
   * placement), ordered by name unless `refine` (more conditions, another order) says otherwise, with the total: filtered,
   * counted and paged in SQL.
   */
  async searchPage(
    manager: EntityManager,
    municipalityIds: readonly MunicipalityId[],
    filter: { search: string | null; route: string | null; placementStatus: ClientPlacementState | null } & FigureDrillDown,
    limit: number,
    offset: number,
    refine: (query: SelectQueryBuilder<ClientEntity>) => SelectQueryBuilder<ClientEntity> = (query) => query,
  ): Promise<[ClientEntity[], number]> {
    if (municipalityIds.length === 0) return [[], 0];
    const query = searchQuery(manager, municipalityIds, filter.search, filter.route);
    if (filter.placementStatus) {
      // The running placement is the latest requested one in an active status (as placementStates reads it).
      // The instroomklas is the wait before the route, not a placement on it.
      const running = `(SELECT rp.status FROM placement rp WHERE rp.client_id = c.id AND rp.status IN (:...activeStatuses) AND rp.kind = 'REGULAR' ORDER BY rp.requested_at DESC LIMIT 1)`;
      query.setParameter('activeStatuses', [...ACTIVE_PLACEMENT_STATUSES]);
      if (filter.placementStatus === 'NONE') query.andWhere(`${running} IS NULL`);
      else query.andWhere(`${running} = :runningStatus`, { runningStatus: filter.placementStatus });
    }
    whereCountedByFigure(query, filter);
    refine(query);
    // count(*): a client is one row here (no joins), so TypeORM's COUNT(DISTINCT id) would only add a sort.
    const counted = query.clone().select('count(*)::int', 'total').orderBy();
    return Promise.all([
      query.clone().offset(offset).limit(limit).getMany(),
      counted.getRawOne<{ total: number }>().then((row) => row?.total ?? 0),
    ]);
  },

  /**
   * How many clients a figure counts that the list cannot show: anonymised after their retention period (the figures
   * keep counting them, the caseload no longer lists them). Null without a figure to drill down from.
   */
  async countAnonymisedInFigure(manager: EntityManager, municipalityIds: readonly MunicipalityId[], filter: FigureDrillDown): Promise<number | null> {
    if (!filter.counted && !filter.kpi && !filter.completed && !filter.hours && !filter.waits && !filter.exam) return null;
    if (municipalityIds.length === 0) return 0;
    const query = manager.getRepository(ClientEntity).createQueryBuilder('c')
      .where('c.municipalityId IN (:...municipalityIds)', { municipalityIds: [...municipalityIds] }).andWhere('c.anonymisedOn IS NOT NULL');
    whereCountedByFigure(query, filter);
    return query.getCount();
  },

  /**
   * How many exam attempts the figure of an exam-part cell counts among the municipalities' clients (the listed ones and
   * the anonymised ones): the number the figure shows, where the list shows each client once.
   */
  async countExamAttempts(manager: EntityManager, municipalityIds: readonly MunicipalityId[], filter: ExamAttemptFilter): Promise<number> {
    if (municipalityIds.length === 0) return 0;
    const query = manager.getRepository(ClientEntity).createQueryBuilder('c').where('c.municipalityId IN (:...municipalityIds)', { municipalityIds: [...municipalityIds] });
    const row = await query.select(`coalesce(sum((SELECT count(*) ${examAttemptsOfClientSql(query, filter)})), 0)::int`, 'attempts').getRawOne<{ attempts: number }>();
    return row?.attempts ?? 0;
  },

  /** The status of each client's running placement (the latest requested one), one query. */
  async placementStates(manager: EntityManager, clientIds: readonly string[]): Promise<Map<string, Exclude<ClientPlacementState, 'NONE'>>> {
    if (clientIds.length === 0) return new Map();
    return statesOf(await manager.query<PlacementStateRow[]>(PLACEMENT_STATES_SQL('$1', '$2'), [[...clientIds], [...ACTIVE_PLACEMENT_STATUSES]]));
  },

  /** The completion dates of each client (MAP, PVT, route, obligation) from its recorded results, one query. */
  async completions(manager: EntityManager, clients: readonly Pick<ClientEntity, 'id' | 'route' | 'level'>[]): Promise<Map<string, CompletionDates>> {
    const results = clients.length === 0 ? [] : await manager.query<ResultRow[]>(RESULTS_SQL('$1'), [clients.map((c) => c.id)]);
    return completionsOf(clients, results);
  },

  /**
   * The clients with their placement state and completion dates, in the given order: one statement, which also writes
   * `read` (the processing log's entry of this read of personal data) when given.
   */
  async withState(manager: EntityManager, clients: readonly ClientEntity[], read?: ProcessingLogRead): Promise<ClientWithState[]> {
    if (clients.length === 0) return [];
    const ids = clients.map((c) => c.id);
    const logged = read ? processingLogInsert(read, 3) : null;
    const [row] = await manager.query<{ states: PlacementStateRow[]; results: ResultRow[] }[]>(
      `${logged ? `WITH logged AS (${logged.sql}) ` : ''}
       SELECT (SELECT coalesce(json_agg(s), '[]') FROM (${PLACEMENT_STATES_SQL('$1', '$2')}) s) AS states,
              (SELECT coalesce(json_agg(r), '[]') FROM (${RESULTS_SQL('$1')}) r) AS results`,
      [ids, [...ACTIVE_PLACEMENT_STATUSES], ...(logged?.params ?? [])],
    );
    const states = statesOf(row.states);
    const completions = completionsOf(clients, row.results);
    return clients.map((client) => ({ client, placementStatus: states.get(client.id) ?? null, completion: completions.get(client.id) ?? NO_COMPLETION }));
  },

  /** One registration or move into a municipality at a time, so BSNs stay unique there and numbers are taken in commit order. */
  async lockMunicipalityNumbering(manager: EntityManager, municipalityId: MunicipalityId): Promise<void> {
    await manager.query<unknown>(`SELECT pg_advisory_xact_lock(hashtext($1))`, [municipalityId]);
  },

  async bsnTaken(manager: EntityManager, municipalityId: MunicipalityId, bsnHash: string): Promise<boolean> {
    return manager.getRepository(ClientEntity).exists({ where: { municipalityId, bsnHash } });
  },

  /**
   * Takes the next client number of a municipality from its counter, which only goes up: a number stays taken after
   * its client moved away, so an old number never names a new person. Never below a number a client already has.
   */
  async takeClientNumber(manager: EntityManager, municipalityId: MunicipalityId): Promise<number> {
    const rows = await manager.query<{ last_number: number }[]>(
      `INSERT INTO client_number_counter AS k (municipality_id, last_number)
       VALUES ($1, (SELECT GREATEST(1000, coalesce(max(c.client_number), 0)) + 1 FROM client c WHERE c.municipality_id = $1))
       ON CONFLICT (municipality_id) DO UPDATE
         SET last_number = GREATEST(k.last_number, (SELECT coalesce(max(c.client_number), 0) FROM client c WHERE c.municipality_id = $1)) + 1
       RETURNING k.last_number`,
      [municipalityId],
    );
    return rows[0].last_number;
  },
};

/** The figure a drill-down comes from (issue #10): the clients its placements or its KPI cohort count, as figures.repository does. */
interface FigureDrillDown {
  counted?: CountedPlacementFilter | null;
  kpi?: KpiCohortFilter | null;
  completed?: CompletedModuleFilter | null;
  hours?: HoursFilter | null;
  /** The cohort of the median wait from signed PIP to start: the same scope as the hours (contracts, period by start date). */
  waits?: HoursFilter | null;
  exam?: ExamAttemptFilter | null;
}

/**
 * FROM and WHERE of the exam attempts of client `c` that a cell of the exam-part figures counts (figures.repository
 * results): within a placement of the client's municipality under the figure's contracts, of the cell's level, part and
 * outcome, with the result date in the period. Its parameters are set on the query.
 */
function examAttemptsOfClientSql(query: SelectQueryBuilder<ClientEntity>, filter: ExamAttemptFilter): string {
  query.setParameters({ examLevel: filter.level, examPart: filter.part, examPassed: filter.passed, examFrom: filter.period?.from ?? null, examTo: filter.period?.to ?? null });
  return `FROM integration_result er JOIN placement ep ON ep.id = er.placement_id
          WHERE ep.client_id = c.id AND ep.municipality_id = c.municipality_id AND ${underFigureContracts(query, 'ep', 'exam', filter.contracts)}
            AND ${examAttemptOfCellSql('er', 'CAST(:examLevel AS text)', 'CAST(:examPart AS text)', 'CAST(:examPassed AS boolean)')}
            AND (CAST(:examFrom AS date) IS NULL OR er.result_date BETWEEN CAST(:examFrom AS date) AND CAST(:examTo AS date))`;
}

function whereCountedByFigure(query: SelectQueryBuilder<ClientEntity>, filter: FigureDrillDown): void {
  if (filter.counted) {
    // The placements a figure counts (figures.repository intake): under the contract, in the stage, requested in the period.
    const { contracts, statuses, period } = filter.counted;
    query.andWhere(
      `EXISTS (SELECT 1 FROM placement fp WHERE fp.client_id = c.id AND ${underFigureContracts(query, 'fp', 'counted', contracts)} AND fp.status IN (:...countedStatuses)
         AND fp.municipality_id = c.municipality_id AND (fp.status <> 'ENDED' OR fp.start_date IS NOT NULL)
         AND (CAST(:countedFrom AS date) IS NULL OR (fp.requested_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN CAST(:countedFrom AS date) AND CAST(:countedTo AS date)))`,
      { countedStatuses: [...statuses], countedFrom: period?.from ?? null, countedTo: period?.to ?? null },
    );
  }
  if (filter.kpi) {
    // The clients a KPI counts (figures.repository kpis): their counted placements under the contracts, the window closed before today.
    const { definition, achieved, contracts, today } = filter.kpi;
    const underContracts = underFigureContracts(query, 'kp', 'kpi', contracts);
    const windowEnd = `(${KPI_REFERENCE[definition.reference]} + make_interval(months => CAST(:kpiWindowMonths AS int)))::date`;
    query.andWhere(
      `EXISTS (SELECT 1 FROM (
          SELECT min(kp.start_date) FILTER (WHERE kp.status IN (:...kpiStartedStatuses)) AS started_on,
                 min(kp.ended_on) FILTER (WHERE kp.status = 'ENDED' AND kp.end_reason = 'COMPLETED') AS passed_on
            FROM placement kp
           WHERE kp.client_id = c.id AND kp.municipality_id = c.municipality_id AND kp.status IN (:...kpiCountedStatuses) AND ${underContracts}
          HAVING count(*) > 0) pc
        WHERE ${windowEnd} < CAST(:kpiToday AS date)
          ${definition.targetGroups ? 'AND c.target_group IN (:...kpiTargetGroups)' : ''}
          ${achieved ? `AND ${KPI_ACHIEVED_ON[definition.kpi]} <= ${windowEnd}` : ''})`,
      {
        kpiStartedStatuses: [...INTAKE_STAGE_STATUSES.STARTED], kpiCountedStatuses: [...KPI_COUNTED_STATUSES],
        kpiWindowMonths: definition.windowMonths, kpiToday: today,
        ...(definition.targetGroups ? { kpiTargetGroups: [...definition.targetGroups] } : {}),
        kpiOutcomeKinds: [...(definition.outcomeKinds ?? CLIENT_OUTCOME_KINDS)],
      },
    );
  }
  if (filter.completed) {
    // The clients a result figure counts (figures.repository completions): a result completing the module, under the contracts, in the period.
    const { module, contracts, period } = filter.completed;
    query.andWhere(
      `EXISTS (SELECT 1 FROM integration_result cr JOIN placement cp ON cp.id = cr.placement_id
                WHERE cp.client_id = c.id AND cp.municipality_id = c.municipality_id AND ${underFigureContracts(query, 'cp', 'completed', contracts)}
                  AND ${completedModuleSql('cr')} = :completedModule
                  AND (CAST(:completedFrom AS date) IS NULL OR cr.result_date BETWEEN CAST(:completedFrom AS date) AND CAST(:completedTo AS date)))`,
      { completedModule: module, completedFrom: period?.from ?? null, completedTo: period?.to ?? null },
    );
  }
  if (filter.hours) {
    // The clients the hours section of the figures covers (figures.repository hours): hour rows of a placement under the
    // contracts, in the period, by the same source and condition (hourSourceSql).
    let bound = 0;
    const source = hourSourceSql(filter.hours.period, (value) => {
      bound += 1;
      query.setParameter(`hoursBound${bound}`, value);
      return `:hoursBound${bound}`;
    }, 'hp');
    query.andWhere(
      `EXISTS (SELECT 1 FROM ${source.from}
                WHERE hp.client_id = c.id AND hp.municipality_id = c.municipality_id AND ${underFigureContracts(query, 'hp', 'hours', filter.hours.contracts)}
                  AND ${source.condition})`,
    );
  }
  if (filter.waits) {
    // The clients the median wait counts (figures.repository waits): a placement under the contracts started in the period
    // on or after the signed PIP (waitCohortSql). The figure takes each such placement; the list each client once.
    const { contracts, period } = filter.waits;
    query.andWhere(
      `EXISTS (SELECT 1 FROM placement wp WHERE wp.client_id = c.id AND wp.municipality_id = c.municipality_id
                  AND ${underFigureContracts(query, 'wp', 'waits', contracts)} AND ${waitCohortSql('wp', 'c', 'CAST(:waitsStarted AS text[])')}
                  AND (CAST(:waitsFrom AS date) IS NULL OR wp.start_date BETWEEN CAST(:waitsFrom AS date) AND CAST(:waitsTo AS date)))`,
      { waitsStarted: [...INTAKE_STAGE_STATUSES.STARTED], waitsFrom: period?.from ?? null, waitsTo: period?.to ?? null },
    );
  }
  if (filter.exam) {
    // The clients a cell of the exam-part figures counts (figures.repository results): an attempt of its level, part and outcome.
    query.andWhere(`EXISTS (SELECT 1 ${examAttemptsOfClientSql(query, filter.exam)})`);
  }
}

/**
 * The condition that a placement (`alias`) is under the figure's contracts: the contract, a contract of the lot (as
 * figures.service lotFigures takes the lot's contracts), or both; the region's individual placements (outside a lot), as
 * the row "Zonder perceel (individueel)" counts them; or every contract of the region with those individual placements,
 * as the region's figures cover them (figures.repository individualPlacementOfRegionSql). Its parameters are set on the
 * query under `prefix`.
 */
function underFigureContracts(query: SelectQueryBuilder<ClientEntity>, alias: string, prefix: string, contracts: FigureListScope): string {
  if ('individualRegionId' in contracts) {
    query.setParameter(`${prefix}RegionId`, contracts.individualRegionId);
    return individualPlacementOfRegionSql(alias, `:${prefix}RegionId`);
  }
  if ('regionId' in contracts) {
    query.setParameter(`${prefix}RegionId`, contracts.regionId);
    return `(${alias}.contract_id IN (SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE l.region_id = :${prefix}RegionId)
          OR ${individualPlacementOfRegionSql(alias, `:${prefix}RegionId`)})`;
  }
  const { contractId, lotId } = contracts;
  const conditions: string[] = [];
  if (contractId) {
    conditions.push(`${alias}.contract_id = :${prefix}ContractId`);
    query.setParameter(`${prefix}ContractId`, contractId);
  }
  if (lotId) {
    conditions.push(`${alias}.contract_id IN (SELECT lk.id FROM contract lk WHERE lk.lot_id = :${prefix}LotId)`);
    query.setParameter(`${prefix}LotId`, lotId);
  }
  // Never without a contract or lot: the services always give one (or the region, the branch above).
  return conditions.length > 0 ? `(${conditions.join(' AND ')})` : 'FALSE';
}

function searchQuery(manager: EntityManager, municipalityIds: readonly MunicipalityId[], search: string | null, route: string | null) {
  // Anonymised clients (retention) are no longer a file anyone works on; the figures still count them.
  const query = manager.getRepository(ClientEntity).createQueryBuilder('c').where('c.municipalityId IN (:...municipalityIds)', { municipalityIds: [...municipalityIds] }).andWhere('c.anonymisedOn IS NULL');
  const term = search?.trim();
  if (term) {
    const pattern = `%${term.replace(/[%_\\]/g, '\\$&')}%`;
    // Also the way the list shows a name ("Al-Khatib, Noor").
    query.andWhere(
      `((c.first_name || ' ' || c.last_name) ILIKE :pattern OR (c.last_name || ', ' || c.first_name) ILIKE :pattern OR c.client_number::text = :term)`,
      { pattern, term },
    );
  }
  if (route && isRoute(route)) query.andWhere('c.route = :route', { route });
  return query.orderBy('c.lastName').addOrderBy('c.firstName').addOrderBy('c.clientNumber').addOrderBy('c.id');
}

/** Reads one client of the municipality inside a transaction and locks it against concurrent changes; NOT_FOUND when absent. */
export async function lockClient(
  manager: EntityManager,
  municipalityId: MunicipalityId,
  clientId: string,
  notFound: () => Error = () => new NotFoundAppError('Deze inburgeraar bestaat niet of is niet bij uw organisatie bekend.'),
): Promise<LockedClient> {
  const client = await clientsRepository.findOne(manager, municipalityId, clientId, true);
  if (!client) throw notFound();
  const states = await clientsRepository.placementStates(manager, [client.id]);
  return Object.assign(client, { placementStatus: states.get(client.id) ?? null });
}
