import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_MIN_REPORTABLE_COUNT, checkFigurePeriod, figurePeriod, hourFigures, intakeFigures, isRoute, kpiFigure, protectLineByComplement, regionKpiDefinitions, resultFigures,
  spendFigures, suppressTable, suppressedCellLabel, type CalendarDate, type FigurePeriod, type IntakeFigures, type ResultFigures,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { FiguresCache } from './figures-cache';
import { throwIfViolations } from '../common';
import { type Actor, type MunicipalityId, type ProviderId, type RegionId, tenantScopeOf } from '../tenancy';
import { type CompletionRow, type ContractInfo, FIGURE_SECTION_READS, type FigureSection, type FigureFilter, type FigureGrouping, FiguresRepository, INDIVIDUAL_GROUP, type HourRow, type KpiRow, type QuarterRow, type SpendRow, type WaitRow } from './figures.repository';
import { FigureGroupingGql, type FigureGroupType, type FiguresType, type QuarterFigureType, type SpendFiguresType } from './figures.types';

interface Sections {
  intake: Map<string, IntakeFigures>;
  waits: Map<string, WaitRow>;
  hours: Map<string, HourRow>;
  results: Map<string, ResultFigures>;
  kpis: KpiRow[];
  spend: Map<string, SpendRow>;
  quarters: QuarterRow[];
}

const TOTAL = '';
/** The row of the individual placements (outside a lot, without a contract) in a region's or municipality's figures per contract. */
const INDIVIDUAL_LABEL = 'Zonder perceel (individueel)';
const INTAKE_KEYS = ['requested', 'accepted', 'started', 'waiting'] as const;
const RESULT_KEYS = ['knmCompleted', 'mapCompleted', 'pvtCompleted', 'zCompletions'] as const;
const KPI_OUTSIDE_PERIOD = ' Niet beperkt tot de gekozen periode: elke KPI telt over zijn eigen cohort.';

/** Whose individual placements (outside a lot) the figures include: a region's municipalities' or a provider's own. */
type IndividualPlacementsOf = { regionId: RegionId } | { providerId: ProviderId } | null;

/** The period asked for: both dates or neither (the whole term). */
export interface FigurePeriodRequest {
  periodFrom?: string | null;
  periodTo?: string | null;
}

/**
 * Contract management figures (issue #10), scoped to the actor: the projectleider the whole region, a consultant the own
 * municipality's clients, a provider its own contracts. Where figures cross an organisation's boundary (the region
 * looking per municipality or comparing providers) small cells are hidden with complementary suppression.
 */
@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly cache: FiguresCache,
  ) {}

  async contractFigures(actor: Actor, contractId: string, periodRequest: FigurePeriodRequest = {}): Promise<FiguresType> {
    const period = this.period(periodRequest);
    await this.access.requireOne(actor, 'contract', contractId);
    const scope = tenantScopeOf(actor);
    const repository = new FiguresRepository(this.db.manager);
    const contracts = await repository.contracts({ contractIds: [contractId] });
    const contract = contracts[0];
    if (scope.kind === 'MUNICIPALITY') {
      return this.build(repository, contracts, scope.municipalityId, 'CONTRACT', false, `${contract.lotName}: ${contract.providerName}, eigen inburgeraars`, period);
    }
    return this.build(repository, contracts, null, 'MUNICIPALITY', scope.kind === 'REGION', `${contract.lotName}: ${contract.providerName}, per gemeente`, period);
  }

  async lotFigures(actor: Actor, lotId: string, periodRequest: FigurePeriodRequest = {}): Promise<FiguresType> {
    const period = this.period(periodRequest);
    await this.access.requireOne(actor, 'lot', lotId);
    const scope = tenantScopeOf(actor);
    const repository = new FiguresRepository(this.db.manager);
    // A provider never sees another provider's contract on the same lot.
    const contracts = await repository.contracts({ lotId, providerId: scope.kind === 'PROVIDER' ? scope.providerId : undefined });
    const municipalityId = scope.kind === 'MUNICIPALITY' ? scope.municipalityId : null;
    const lotName = contracts[0]?.lotName ?? 'Perceel';
    return this.build(repository, contracts, municipalityId, 'CONTRACT', scope.kind === 'REGION', municipalityId ? `${lotName}: eigen inburgeraars per aanbieder` : `${lotName}: per aanbieder`, period);
  }

  async regionFigures(actor: Actor, groupBy: FigureGroupingGql, municipalityId: string | null, periodRequest: FigurePeriodRequest = {}): Promise<FiguresType> {
    const period = this.period(periodRequest);
    const scope = tenantScopeOf(actor);
    const repository = new FiguresRepository(this.db.manager);
    // A municipality named that the actor does not see answers NOT_FOUND, as everywhere (a consultant may name only their own).
    if (municipalityId) await this.access.requireOne(actor, 'municipality', municipalityId);
    if (scope.kind === 'PROVIDER') {
      const contracts = await repository.contracts({ providerId: scope.providerId });
      return this.build(repository, contracts, null, groupBy, false, 'Eigen contracten', period, { providerId: scope.providerId });
    }
    if (scope.kind === 'MUNICIPALITY') {
      const contracts = await repository.contracts({ regionId: scope.regionId });
      return this.build(repository, contracts, scope.municipalityId, 'CONTRACT', false, 'Eigen inburgeraars per contract', period, { regionId: scope.regionId });
    }
    let municipality: MunicipalityId | null = null;
    if (municipalityId) municipality = municipalityId as MunicipalityId;
    const contracts = await repository.contracts({ regionId: scope.regionId });
    const names = municipality ? await repository.municipalityNames([municipality]) : new Map<string, string>();
    return this.build(repository, contracts, municipality, groupBy, true, municipality ? `Regio, gemeente ${names.get(municipality) ?? ''}` : 'Hele regio', period, { regionId: scope.regionId });
  }

  /** The period asked for, checked (Dutch errors on periodFrom/periodTo); null for the whole term. */
  private period(request: FigurePeriodRequest): FigurePeriod | null {
    throwIfViolations(checkFigurePeriod(request.periodFrom, request.periodTo));
    return figurePeriod(request.periodFrom, request.periodTo);
  }

  /**
   * The figures over the contracts; with `individual` (a region's, municipality's or provider's own figures) also the
   * individual placements of the region's municipalities or of the provider: per contract as their own row "Zonder
   * perceel (individueel)" (last, id null, suppressed like every row), per municipality within the municipality's row.
   */
  private async build(repository: FiguresRepository, contracts: ContractInfo[], municipalityId: MunicipalityId | null, grouping: FigureGrouping, suppress: boolean, scope: string, period: FigurePeriod | null, individual: IndividualPlacementsOf = null): Promise<FiguresType> {
    const today = this.clock.today();
    const filter: FigureFilter = {
      contractIds: contracts.map((c) => c.id), municipalityId, period,
      individualRegionId: individual && 'regionId' in individual ? individual.regionId : null,
      individualProviderId: individual && 'providerId' in individual ? individual.providerId : null,
    };
    const { sections, computedAt } = await this.sections(repository, filter, grouping, today);
    const groupIds = grouping === 'CONTRACT'
      ? contracts.map((c) => c.id)
      : [...new Set([...sections.intake.keys(), ...sections.hours.keys()])].filter((id) => id !== TOTAL);
    const labels = grouping === 'CONTRACT'
      ? new Map(contracts.map((c) => [c.id, contracts.length > 1 && new Set(contracts.map((x) => x.lotId)).size > 1 ? `${c.providerName} (${c.lotName})` : c.providerName]))
      : await repository.municipalityNames(groupIds);
    groupIds.sort((a, b) => (labels.get(a) ?? '').localeCompare(labels.get(b) ?? '', 'nl'));
    if (grouping === 'CONTRACT' && [sections.intake, sections.hours, sections.results].some((m) => m.has(INDIVIDUAL_GROUP))) {
      groupIds.push(INDIVIDUAL_GROUP);
      labels.set(INDIVIDUAL_GROUP, INDIVIDUAL_LABEL);
    }
    const routes = new Set(contracts.map((c) => c.subject));
    const route = routes.size === 1 && isRoute([...routes][0]) ? ([...routes][0] as 'B1' | 'Z' | 'ONDERWIJS') : null;
    const contractById = new Map(contracts.map((c) => [c.id, c]));
    const groups = [...groupIds, TOTAL].map((id) => this.group(id, id === TOTAL ? 'Totaal' : labels.get(id) ?? '', sections, grouping === 'CONTRACT' ? contractById.get(id) ?? null : null, contracts, route, today, period));
    if (suppress) this.suppress(groups, sections);
    // The individual row is no contract: no id to open; its counts drill down with the lists' filter individual: true.
    for (const g of groups) if (g.id === INDIVIDUAL_GROUP) g.id = null;
    const total = groups.pop()!;
    return {
      scope, groupedBy: grouping as FigureGroupingGql, suppressed: suppress, minimumCellSize: DEFAULT_MIN_REPORTABLE_COUNT,
      suppressedLabel: suppressedCellLabel(DEFAULT_MIN_REPORTABLE_COUNT), computedOn: today, computedAt, periodFrom: period?.from ?? null, periodTo: period?.to ?? null, total, groups,
    };
  }

  /**
   * Every section in one query over all groups, each from the cache while the tables it reads are unchanged in its
   * regions (FiguresCache); totals are added here from the group rows, except where a client could count twice.
   * `computedAt`: when the most recently computed section was, that is when the figures were last brought up to date.
   */
  private async sections(repository: FiguresRepository, filter: FigureFilter, grouping: FigureGrouping, today: CalendarDate): Promise<{ sections: Sections; computedAt: Date }> {
    if (filter.contractIds.length === 0 && !filter.individualRegionId && !filter.individualProviderId) {
      return { sections: { intake: new Map(), waits: new Map(), hours: new Map(), results: new Map(), kpis: [], spend: new Map(), quarters: [] }, computedAt: this.clock.now() };
    }
    const versions = await this.cache.versions(this.db.manager, filter);
    // The whole filter is the key: everything the sections depend on (plus grouping and today, for the KPI cohorts and the PIP's weeks).
    const question = JSON.stringify([{ ...filter, contractIds: [...filter.contractIds].sort() }, grouping, today]);
    const computedAt: Date[] = [];
    const cached = async <T>(section: FigureSection, name: string, compute: () => Promise<T>): Promise<T> => {
      const entry = await this.cache.get(versions.of(FIGURE_SECTION_READS[section]), `${name}|${question}`, compute, () => this.clock.now());
      computedAt.push(entry.computedAt);
      return entry.value;
    };
    const [intakeRows, waitRows, hourRows, resultRows, completionRows, kpiRows, spendRows, quarterRows, totalWait, totalKpis, totalCompletions] = await Promise.all([
      cached('intake', 'intake', () => repository.intake(filter, grouping)),
      cached('waits', 'waits', () => repository.waits(filter, grouping)),
      cached('hours', 'hours', () => repository.hours(filter, grouping, today)),
      cached('results', 'results', () => repository.results(filter, grouping)),
      cached('completions', 'completions', () => repository.completions(filter, grouping)),
      cached('kpis', 'kpis', () => repository.kpis(filter, grouping, today)),
      cached('spend', 'spend', () => repository.spend(filter)),
      cached('quarters', 'quarters', () => repository.quarters(filter, grouping)),
      // The median of the whole cannot be summed from the groups: one more aggregate over all of them.
      cached('waits', 'waits-total', () => repository.waits(filter, 'ALL')),
      // Nor can a KPI's cohort: a client placed under two contracts is in both groups but one person of the whole.
      cached('kpis', 'kpis-total', () => repository.kpis(filter, 'ALL', today)),
      // Nor can the clients who completed a module (a client with results under two contracts).
      cached('completions', 'completions-total', () => repository.completions(filter, 'ALL')),
    ]);
    const byGroup = <T extends { groupId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) {
        map.set(row.groupId, [...(map.get(row.groupId) ?? []), row]);
        map.set(TOTAL, [...(map.get(TOTAL) ?? []), row]);
      }
      return map;
    };
    const intake = new Map([...byGroup(intakeRows)].map(([id, rows]) => [id, intakeFigures(rows)]));
    const examRows = byGroup(resultRows);
    const completions = new Map<string, CompletionRow[]>();
    for (const row of [...completionRows, ...totalCompletions.map((r) => ({ ...r, groupId: TOTAL }))]) completions.set(row.groupId, [...(completions.get(row.groupId) ?? []), row]);
    const results = new Map([...new Set([...examRows.keys(), ...completions.keys()])].map((id) => [id, resultFigures(examRows.get(id) ?? [], completions.get(id) ?? [])]));
    const hours = new Map(hourRows.map((r) => [r.groupId, r]));
    // Hours and the PIP's hours are per placement, so the groups' sums add up to the whole.
    hours.set(TOTAL, hourRows.reduce<HourRow>((sum, r) => ({
      groupId: TOTAL, plannedMinutes: sum.plannedMinutes + r.plannedMinutes, attendedMinutes: sum.attendedMinutes + r.attendedMinutes, clients: sum.clients + r.clients,
      pip: { attendedMinutes: sum.pip.attendedMinutes + r.pip.attendedMinutes, plannedMinutes: sum.pip.plannedMinutes + r.pip.plannedMinutes },
    }), { groupId: TOTAL, plannedMinutes: 0, attendedMinutes: 0, clients: 0, pip: { attendedMinutes: 0, plannedMinutes: 0 } }));
    const waits = new Map<string, WaitRow>(waitRows.map((r) => [r.groupId, r]));
    if (totalWait[0]) waits.set(TOTAL, { ...totalWait[0], groupId: TOTAL });
    const quarterTotals = new Map<string, QuarterRow>();
    for (const row of quarterRows) {
      const sum = quarterTotals.get(row.quarter) ?? { groupId: TOTAL, quarter: row.quarter, started: 0, attendedMinutes: 0 };
      quarterTotals.set(row.quarter, { ...sum, started: sum.started + row.started, attendedMinutes: sum.attendedMinutes + row.attendedMinutes });
    }
    return {
      sections: {
        intake, waits, hours, results, kpis: [...kpiRows, ...totalKpis.map((r) => ({ ...r, groupId: TOTAL }))],
        spend: new Map(spendRows.map((r) => [r.contractId, r])), quarters: [...quarterRows, ...quarterTotals.values()],
      },
      computedAt: new Date(Math.max(...computedAt.map((d) => d.getTime()))),
    };
  }

  private group(id: string, label: string, s: Sections, contract: ContractInfo | null, contracts: ContractInfo[], route: 'B1' | 'Z' | 'ONDERWIJS' | null, today: CalendarDate, period: FigurePeriod | null): FigureGroupType {
    const intake = s.intake.get(id) ?? { requested: 0, accepted: 0, started: 0, waiting: 0, total: 0 };
    const hourRow = s.hours.get(id) ?? { groupId: id, plannedMinutes: 0, attendedMinutes: 0, clients: 0, pip: { attendedMinutes: 0, plannedMinutes: 0 } };
    const results = s.results.get(id) ?? resultFigures([]);
    const kpiRows = s.kpis.filter((k) => k.groupId === id);
    const spendOf = (list: ContractInfo[]): SpendFiguresType | null => {
      if (list.length === 0) return null;
      const rows = list.map((c) => s.spend.get(c.id) ?? { contractId: c.id, realisedCents: 0, pendingCents: 0 });
      const ceilings = list.map((c) => c.ceilingCents);
      const figures = spendFigures({
        realisedCents: rows.reduce((a, r) => a + r.realisedCents, 0), pendingCents: rows.reduce((a, r) => a + r.pendingCents, 0),
        ceilingCents: ceilings.every((c) => c !== null) ? ceilings.reduce<number>((a, c) => a + (c ?? 0), 0) : null,
        startsOn: list.map((c) => c.startsOn).sort()[0], endsOn: list.map((c) => c.endsOn).sort().reverse()[0], today,
      });
      // The forecast extrapolates the spend since the contract's start: over one period's spend it would say nothing.
      return period ? { ...figures, forecastAtEndCents: null, forecastExceedsCeiling: null } : figures;
    };
    return {
      id: id === TOTAL ? null : id,
      label,
      intake: { ...intake, medianDaysPipToStart: s.waits.get(id)?.medianDays ?? null },
      // A contract's row is measured against its own route's norm (the dashboard's contracts mix routes); other rows
      // only when all their contracts share one route.
      hours: hourFigures({ ...hourRow, route: contract && isRoute(contract.subject) ? contract.subject : route }),
      results: { ...results },
      kpis: regionKpiDefinitions().map((definition) => {
        const row = kpiRows.find((k) => k.kpi === definition.kpi);
        const figure = kpiFigure(definition, row?.cohort ?? 0, row?.achieved ?? 0, { suppress: false });
        return period ? { ...figure, cohortDescription: figure.cohortDescription + KPI_OUTSIDE_PERIOD } : figure;
      }),
      spend: id === TOTAL ? spendOf(contracts) : contract ? spendOf([contract]) : null,
      quarters: s.quarters.filter((q) => q.groupId === id).map((q): QuarterFigureType => ({ quarter: q.quarter, started: q.started, attendedMinutes: q.attendedMinutes })),
    };
  }

  /**
   * Small-number suppression over the groups and their total (the last group): counts with complementary suppression
   * per section (suppressTable), hours hidden with the group whose hour clients are hidden, KPIs over a small cohort hidden.
   */
  private suppress(groups: FigureGroupType[], s: Sections): void {
    const rows = groups.slice(0, -1);
    const total = groups[groups.length - 1];
    const apply = <K extends string>(keys: readonly K[], get: (g: FigureGroupType) => Record<K, number | null>) => {
      const table = suppressTable(rows.map((g) => keys.map((k) => get(g)[k] ?? 0)));
      rows.forEach((g, r) => keys.forEach((k, c) => (get(g)[k] = table.cells[r][c])));
      keys.forEach((k, c) => (get(total)[k] = table.columnTotals[c]));
      return table;
    };
    const intakeTable = apply(INTAKE_KEYS, (g) => g.intake);
    rows.forEach((g, r) => (g.intake.total = intakeTable.rowTotals[r]));
    total.intake.total = intakeTable.grandTotal;
    // A median over fewer than the minimum clients is (close to) one client's wait.
    groups.forEach((g) => {
      const clients = s.waits.get(g.id ?? TOTAL)?.clients ?? 0;
      if (clients > 0 && clients < DEFAULT_MIN_REPORTABLE_COUNT) g.intake.medianDaysPipToStart = null;
    });
    // The suppressed total is the table's column sum (complementary suppression protects sums), not the distinct clients of the whole.
    apply(RESULT_KEYS, (g) => g.results);
    // Exam parts: one column per level, part and outcome across all groups.
    const partKeys = [...new Set(groups.flatMap((g) => g.results.examParts.map((p) => `${p.level}|${p.part}`)))];
    const cell = (g: FigureGroupType, key: string) => g.results.examParts.find((p) => `${p.level}|${p.part}` === key);
    const partTable = suppressTable(rows.map((g) => partKeys.flatMap((key) => [cell(g, key)?.passed ?? 0, cell(g, key)?.failed ?? 0])));
    rows.forEach((g, r) => partKeys.forEach((key, c) => {
      const part = cell(g, key);
      if (part) { part.passed = partTable.cells[r][2 * c]; part.failed = partTable.cells[r][2 * c + 1]; }
    }));
    partKeys.forEach((key, c) => {
      const part = cell(total, key);
      if (part) { part.passed = partTable.columnTotals[2 * c]; part.failed = partTable.columnTotals[2 * c + 1]; }
    });
    // Hours cover the clients with hours: hide a group's hours with its clients, and a second group so the total does not give them back.
    const hourClients = rows.map((g) => (g.id ? s.hours.get(g.id)?.clients ?? 0 : 0));
    const hidden = hourClients.map((n) => n > 0 && n < DEFAULT_MIN_REPORTABLE_COUNT);
    const hourTotal = { value: hourClients.reduce((a, b) => a + b, 0), hidden: false };
    hourTotal.hidden = hourTotal.value > 0 && hourTotal.value < DEFAULT_MIN_REPORTABLE_COUNT;
    protectLineByComplement(hourClients, hidden, hourTotal);
    const hideHours = (g: FigureGroupType) => {
      g.hours = { plannedMinutes: null, attendedMinutes: null, attendancePercent: null, attendedMinutesPerClient: null, routeNormPercent: null, pipPercent: null };
      g.quarters = g.quarters.map((q) => ({ ...q, attendedMinutes: null }));
    };
    rows.forEach((g, r) => { if (hidden[r]) hideHours(g); });
    if (hourTotal.hidden) hideHours(total);
    // Starts per quarter: groups x quarters with complementary suppression.
    const quarters = [...new Set(groups.flatMap((g) => g.quarters.map((q) => q.quarter)))].sort();
    const startedOf = (g: FigureGroupType, q: string) => g.quarters.find((x) => x.quarter === q)?.started ?? 0;
    const quarterTable = suppressTable(rows.map((g) => quarters.map((q) => startedOf(g, q))));
    rows.forEach((g, r) => g.quarters.forEach((x) => (x.started = quarterTable.cells[r][quarters.indexOf(x.quarter)])));
    total.quarters.forEach((x) => (x.started = quarterTable.columnTotals[quarters.indexOf(x.quarter)]));
    // KPIs: a percentage over fewer than the minimum clients is hidden.
    for (const g of groups) {
      g.kpis = g.kpis.map((k) => {
        const definition = regionKpiDefinitions().find((d) => d.kpi === k.kpi)!;
        return k.cohort === null ? k : { ...kpiFigure(definition, k.cohort, k.achieved ?? 0, { suppress: true }), cohortDescription: k.cohortDescription };
      });
    }
  }
}
