import {
  CLIENT_OUTCOME_KINDS, INTAKE_STAGE_STATUSES, PENDING_INVOICE_STATUSES, REALISED_INVOICE_STATUSES, regionKpiDefinitions, type CalendarDate,
  lastDayOfMonth, type CompletedModule, type ExamPart, type FigurePeriod, type Level, type PlacementStatus, type RegionKpi, type ResultKind,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { MunicipalityId, ProviderId, RegionId } from '../tenancy';

/**
 * What the figures cover: the placements under these contracts (already checked by the AccessService or derived from
 * the tenant), and for a municipality only its own clients. Nothing here decides who may see what.
 */
export interface FigureFilter {
  contractIds: readonly string[];
  municipalityId: MunicipalityId | null;
  /** Only what happened in this period (checked by checkFigurePeriod); null: the whole term. */
  period: FigurePeriod | null;
  /** Also the individual placements (no lot, no contract) of this region's municipalities, as the group INDIVIDUAL_GROUP. */
  individualRegionId?: RegionId | null;
  /** Also this provider's own individual placements (no lot, no contract), as the group INDIVIDUAL_GROUP. */
  individualProviderId?: ProviderId | null;
}

/** The group of the individual placements (outside a lot) when grouping per contract. */
export const INDIVIDUAL_GROUP = 'INDIVIDUAL';

/** How rows are grouped: per contract (provider) or per municipality. A closed set: the SQL takes the column from here. */
export type FigureGrouping = 'CONTRACT' | 'MUNICIPALITY';
const GROUP_COLUMN: Record<FigureGrouping | 'ALL', string> = { CONTRACT: `coalesce(p.contract_id::text, '${INDIVIDUAL_GROUP}')`, MUNICIPALITY: 'p.municipality_id::text', ALL: `'total'` };

export interface IntakeRow { groupId: string; status: PlacementStatus; hasStartDate: boolean; count: number }
export interface WaitRow { groupId: string; medianDays: number | null; clients: number }
export interface HourRow {
  groupId: string; plannedMinutes: number; attendedMinutes: number; clients: number;
  /** Of the placements whose client's PIP sets hours per week: attended minutes, and the minutes their PIPs planned in the window. */
  pip: { attendedMinutes: number; plannedMinutes: number };
}
export interface ResultRow { groupId: string; kind: ResultKind; examPart: ExamPart | null; level: Level | null; passed: boolean | null; count: number }
export interface CompletionRow { groupId: string; module: CompletedModule; clients: number }
export interface KpiRow { groupId: string; kpi: RegionKpi; cohort: number; achieved: number }
export interface SpendRow { contractId: string; realisedCents: number; pendingCents: number }
export interface QuarterRow { groupId: string; quarter: string; started: number; attendedMinutes: number }

/**
 * The module an integration_result row `r` completes, or NULL: the one rule of "completed" (DOMAIN §2 step 6) that the
 * figures (completions) and the consultant's list (clients.repository) both use. KNM, MAP, PVT and the Z-route's
 * eindgesprek are completed by a result of that kind not marked failed (MAP/PVT are recorded on completion); KNM also by
 * a passed KNM exam part. A client counts once per module, however many such results (a retake, KNM both ways).
 */
export function completedModuleSql(r: string): string {
  return `(CASE WHEN ${r}.kind = 'EXAM' AND ${r}.exam_part = 'KNM' AND ${r}.passed THEN 'KNM'
                WHEN ${r}.kind IN ('KNM', 'MAP', 'PVT', 'Z_COMPLETION') AND ${r}.passed IS DISTINCT FROM false THEN ${r}.kind END)`;
}

/**
 * That a placement `p` is an individual one (DOMAIN §4: bought by one municipality outside a lot), which the figures of
 * its region and of its provider count next to the contracts' placements; the one condition figures, cache and lists share.
 */
export function individualPlacementSql(p: string): string {
  return `(${p}.contract_id IS NULL AND ${p}.lot_id IS NULL AND ${p}.kind = 'REGULAR')`;
}

/**
 * The individual placements (individualPlacementSql) a region's figures count: of the region's municipalities (`regionId`
 * a placeholder of the caller's query). The figures (the row "Zonder perceel (individueel)", the region's totals) and the
 * consultant's lists of them share it.
 */
export function individualPlacementOfRegionSql(p: string, regionId: string): string {
  return `(${individualPlacementSql(p)} AND ${p}.municipality_id IN (SELECT o.id FROM organisation o WHERE o.region_id = ${regionId}))`;
}

/**
 * The individual placements (individualPlacementSql) a provider's figures count: its own (`providerId` a placeholder of
 * the caller's query). The figures and the provider's lists of them share it.
 */
export function individualPlacementOfProviderSql(p: string, providerId: string): string {
  return `(${individualPlacementSql(p)} AND ${p}.provider_id = ${providerId})`;
}

/** The hour rows the figures sum, joined to their placement: FROM, the condition on them, and their columns. */
export interface HourSource { from: string; condition: string; planned: string; attended: string; day: string }

/**
 * Where the figures' current hours come from, joined to `placement ${p}`: the one condition of the hours section that the
 * figures (hours, quarters) and the consultant's list of the clients they cover (clients.repository) share. Whole months
 * (no period, a quarter, a year) sum the monthly totals per placement that the hour triggers keep (hour_placement_month,
 * months with hour rows); a period that starts or ends within a month reads the current hour rows (highest revision per
 * placement, day and category) of its days. `bind` turns a period bound into a placeholder of the caller's query.
 */
export function hourSourceSql(period: FigurePeriod | null, bind: (value: unknown) => string, p = 'p'): HourSource {
  const within = (column: string) => (period ? `${column} BETWEEN CAST(${bind(period.from)} AS date) AND CAST(${bind(period.to)} AS date)` : 'TRUE');
  if (!period || (period.from.endsWith('-01') && period.to === lastDayOfMonth(period.to))) {
    return {
      from: `hour_placement_month m JOIN placement ${p} ON ${p}.id = m.placement_id`,
      condition: `m.entry_count > 0 AND ${within('m.month')}`,
      planned: 'm.planned_minutes', attended: 'm.attended_minutes', day: 'm.month',
    };
  }
  return {
    from: `hour_entry h JOIN placement ${p} ON ${p}.id = h.placement_id`,
    condition: `NOT EXISTS (SELECT 1 FROM hour_entry later WHERE later.placement_id = h.placement_id AND later.lesson_date = h.lesson_date
                  AND later.category = h.category AND later.revision > h.revision) AND ${within('h.lesson_date')}`,
    planned: 'h.planned_minutes', attended: 'h.attended_minutes', day: 'h.lesson_date',
  };
}

/**
 * That a started placement `p` of client `c` is in the cohort of the median wait from signed PIP to start (waits): a start
 * date on or after the (first) signed PIP; `startedStatuses` is the placeholder of the started statuses in the caller's
 * query. The figures and the consultant's list of that cohort (clients.repository) share it; the period is on p.start_date.
 */
export function waitCohortSql(p: string, c: string, startedStatuses: string): string {
  return `(${p}.status = ANY(${startedStatuses}) AND ${p}.start_date IS NOT NULL AND coalesce(${c}.first_pip_signed_on, ${c}.pip_signed_on) IS NOT NULL
           AND ${p}.start_date >= coalesce(${c}.first_pip_signed_on, ${c}.pip_signed_on))`;
}

/**
 * That an integration_result row `r` is an exam attempt the exam-part figures count (results → examParts): an exam with a
 * level, a part and an outcome (passed or failed). A retake is another attempt. The figures group these by level, part and
 * outcome; the consultant's list of one cell (clients.repository) narrows them with examAttemptOfCellSql.
 */
export function examAttemptSql(r: string): string {
  return `(${r}.kind = 'EXAM' AND ${r}.level IS NOT NULL AND ${r}.exam_part IS NOT NULL AND ${r}.passed IS NOT NULL)`;
}

/** An exam attempt (examAttemptSql) of one cell of the exam-part figures: `level`, `part` and `passed` are placeholders of the caller's query. */
export function examAttemptOfCellSql(r: string, level: string, part: string, passed: string): string {
  return `(${examAttemptSql(r)} AND ${r}.level = ${level} AND ${r}.exam_part = ${part} AND ${r}.passed = ${passed})`;
}

/** The tables whose every write is recorded as a change of the figures of their regions (migration RecordFiguresChangeSource). */
export const FIGURES_SOURCE_TABLES = ['placement', 'client', 'hour_entry', 'integration_result', 'client_outcome', 'invoice', 'invoice_line'] as const;
export type FiguresSourceTable = (typeof FIGURES_SOURCE_TABLES)[number];

/**
 * Which source tables each section's query below reads (hour_placement_month is written by hour_entry's triggers): only a
 * change to one of them makes the section's cached figures old (FiguresCache). A query that starts reading another table
 * adds it here (figures-cache.spec reads the SQL and fails otherwise).
 */
export const FIGURE_SECTION_READS = {
  intake: ['placement'],
  waits: ['placement', 'client'],
  hours: ['hour_entry', 'placement', 'client'],
  results: ['integration_result', 'placement'],
  completions: ['integration_result', 'placement'],
  kpis: ['placement', 'client', 'client_outcome'],
  spend: ['invoice', 'invoice_line'],
  quarters: ['placement', 'hour_entry'],
} as const satisfies Record<string, readonly FiguresSourceTable[]>;
export type FigureSection = keyof typeof FIGURE_SECTION_READS;

/** Statuses of the placements whose clients count in the figures (the intake stages; rejected and withdrawn do not). */
const COUNTED_STATUSES: readonly string[] = [...new Set(Object.values(INTAKE_STAGE_STATUSES).flat())];
const STARTED_STATUSES: readonly string[] = INTAKE_STAGE_STATUSES.STARTED;

/** The figures as SQL aggregates: one query per section over all groups at once, never a loop over clients. */
export class FiguresRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The placements the figures cover, on `placement p`: under the contracts ($1), with the filter's individual placements
   * (their region or provider appended to `params`), of the municipality ($2) if one is set.
   */
  private where(filter: FigureFilter, params: unknown[]): string {
    let covered = 'p.contract_id = ANY($1::uuid[])';
    if (filter.individualRegionId) {
      params.push(filter.individualRegionId);
      covered = `(${covered} OR ${individualPlacementOfRegionSql('p', `$${params.length}::uuid`)})`;
    }
    if (filter.individualProviderId) {
      params.push(filter.individualProviderId);
      covered = `(${covered} OR ${individualPlacementOfProviderSql('p', `$${params.length}::uuid`)})`;
    }
    return `${covered} AND ($2::uuid IS NULL OR p.municipality_id = $2::uuid)`;
  }

  private params(filter: FigureFilter): unknown[] {
    return [[...filter.contractIds], filter.municipalityId];
  }

  /**
   * `column` (a date expression of this query) within the filter's period: appends the two bounds to `params` and
   * answers the condition on their positions; without a period every date counts.
   */
  private inPeriod(column: string, filter: FigureFilter, params: unknown[]): string {
    if (!filter.period) return 'TRUE';
    params.push(filter.period.from, filter.period.to);
    return `${column} BETWEEN $${params.length - 1}::date AND $${params.length}::date`;
  }

  /** Where the current hours come from (hourSourceSql), its period bounds appended to `params`. */
  private hourSource(filter: FigureFilter, params: unknown[]): HourSource {
    return hourSourceSql(filter.period, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
  }

  /** Placements per stage; with a period only those requested in it (the request's date in Amsterdam). */
  async intake(filter: FigureFilter, grouping: FigureGrouping): Promise<IntakeRow[]> {
    const params = this.params(filter);
    const period = this.inPeriod(`(p.requested_at AT TIME ZONE 'Europe/Amsterdam')::date`, filter, params);
    const rows = await this.manager.query<{ group_id: string; status: PlacementStatus; has_start: boolean; count: number }[]>(
      `SELECT ${GROUP_COLUMN[grouping]} AS group_id, p.status, (p.start_date IS NOT NULL) AS has_start, count(*)::int AS count
         FROM placement p WHERE ${this.where(filter, params)} AND ${period} GROUP BY 1, 2, 3`,
      params,
    );
    return rows.map((r) => ({ groupId: r.group_id, status: r.status, hasStartDate: r.has_start, count: r.count }));
  }

  /** Median days from the (first) signed PIP to the start, as domain medianDays: the rounded-up mean of the two middle values. */
  async waits(filter: FigureFilter, grouping: FigureGrouping | 'ALL'): Promise<WaitRow[]> {
    const params = [...this.params(filter), STARTED_STATUSES];
    const period = this.inPeriod('p.start_date', filter, params);
    const rows = await this.manager.query<{ group_id: string; median_days: number | null; clients: number }[]>(
      `SELECT ${GROUP_COLUMN[grouping]} AS group_id,
              ceil(percentile_cont(0.5) WITHIN GROUP (ORDER BY p.start_date - coalesce(c.first_pip_signed_on, c.pip_signed_on)))::int AS median_days,
              count(*)::int AS clients
         FROM placement p JOIN client c ON c.id = p.client_id
        WHERE ${this.where(filter, params)} AND ${waitCohortSql('p', 'c', '$3::text[]')} AND ${period}
        GROUP BY 1`,
      params,
    );
    return rows.map((r) => ({ groupId: r.group_id, medianDays: r.median_days, clients: r.clients }));
  }

  /**
   * Current hours (the highest revision per placement, lesson day and category), summed per group: from the monthly
   * totals per placement the hour triggers keep (hour_placement_month), not from the hour rows. Per placement whose
   * client's PIP sets hours per week, also the minutes that PIP planned in the period up to `today`: its hours per week
   * times the whole weeks the placement ran in it (domain pipLessonWeeks and pipPlannedMinutes, here in SQL).
   */
  async hours(filter: FigureFilter, grouping: FigureGrouping, today: CalendarDate): Promise<HourRow[]> {
    const params = this.params(filter);
    const source = this.hourSource(filter, params);
    params.push(today, filter.period?.from ?? null, filter.period?.to ?? null);
    const [until, from, to] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}::date`);
    const weeks = `greatest(0, floor((least(coalesce(p.ended_on, ${until}), ${until}, coalesce(${to}, ${until})) - greatest(p.start_date, coalesce(${from}, p.start_date)) + 1) / 7))`;
    const rows = await this.manager.query<{ group_id: string; planned: string; attended: string; clients: number; pip_attended: string; pip_planned: string }[]>(
      `SELECT group_id, coalesce(sum(planned), 0)::bigint AS planned, coalesce(sum(attended), 0)::bigint AS attended, count(DISTINCT client_id)::int AS clients,
              coalesce(sum(attended) FILTER (WHERE pip_planned > 0), 0)::bigint AS pip_attended, coalesce(sum(pip_planned), 0)::bigint AS pip_planned
         FROM (SELECT ${GROUP_COLUMN[grouping]} AS group_id, p.client_id, sum(${source.planned}) AS planned, sum(${source.attended}) AS attended,
                      CASE WHEN c.pip_minutes_per_week > 0 AND p.start_date IS NOT NULL THEN c.pip_minutes_per_week * ${weeks} ELSE 0 END AS pip_planned
                 FROM ${source.from} JOIN client c ON c.id = p.client_id
                WHERE ${this.where(filter, params)} AND ${source.condition}
                GROUP BY 1, p.id, c.pip_minutes_per_week) AS per_placement
        GROUP BY 1`,
      params,
    );
    return rows.map((r) => ({
      groupId: r.group_id, plannedMinutes: Number(r.planned), attendedMinutes: Number(r.attended), clients: r.clients,
      pip: { attendedMinutes: Number(r.pip_attended), plannedMinutes: Number(r.pip_planned) },
    }));
  }

  /**
   * Exam results (attempts: a retake counts again, examAttemptSql) reported within the placements (a result a consultant
   * recorded without a placement belongs to no contract), per level, part and outcome: the pass-rate statistics.
   */
  async results(filter: FigureFilter, grouping: FigureGrouping): Promise<ResultRow[]> {
    const params = this.params(filter);
    const period = this.inPeriod('r.result_date', filter, params);
    const rows = await this.manager.query<{ group_id: string; kind: ResultKind; exam_part: ExamPart | null; level: Level | null; passed: boolean | null; count: number }[]>(
      `SELECT ${GROUP_COLUMN[grouping]} AS group_id, r.kind, r.exam_part, r.level, r.passed, count(*)::int AS count
         FROM integration_result r JOIN placement p ON p.id = r.placement_id
        WHERE ${this.where(filter, params)} AND ${examAttemptSql('r')} AND ${period} GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    return rows.map((r) => ({ groupId: r.group_id, kind: r.kind, examPart: r.exam_part, level: r.level, passed: r.passed, count: r.count }));
  }

  /**
   * Clients who completed a module (completedModuleSql) by a result within the placements, dated in the period: a client
   * counts once per group; with 'ALL' once in the whole (a client placed under two contracts is one person).
   */
  async completions(filter: FigureFilter, grouping: FigureGrouping | 'ALL'): Promise<CompletionRow[]> {
    const params = this.params(filter);
    const period = this.inPeriod('r.result_date', filter, params);
    const rows = await this.manager.query<{ group_id: string; module: CompletedModule; clients: number }[]>(
      `SELECT ${GROUP_COLUMN[grouping]} AS group_id, ${completedModuleSql('r')} AS module, count(DISTINCT p.client_id)::int AS clients
         FROM integration_result r JOIN placement p ON p.id = r.placement_id
        WHERE ${this.where(filter, params)} AND ${completedModuleSql('r')} IS NOT NULL AND ${period} GROUP BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ groupId: r.group_id, module: r.module, clients: r.clients }));
  }

  /**
   * The four KPIs per group, with the windows, target groups and outcome kinds from regionKpiDefinitions; the cohort
   * is the clients whose window closed before `today` (isInKpiCohort), achieved on or before its last day (isKpiAchieved).
   * Term start as integrationTermStart: status holders the day after the first PIP, others the BRP registration.
   * A client counts once per group; with 'ALL' once in the whole (a client placed under two contracts is one person).
   * The consultant's drill-down (clients.repository kpiCohort) selects the same clients.
   */
  async kpis(filter: FigureFilter, grouping: FigureGrouping | 'ALL', today: CalendarDate): Promise<KpiRow[]> {
    const [started, passed, participating, workOrStudy] = regionKpiDefinitions();
    const params: unknown[] = [
      ...this.params(filter), COUNTED_STATUSES, STARTED_STATUSES, today,
      participating.outcomeKinds ?? CLIENT_OUTCOME_KINDS, workOrStudy.outcomeKinds ?? CLIENT_OUTCOME_KINDS,
      started.windowMonths, passed.windowMonths, participating.windowMonths, workOrStudy.windowMonths,
      workOrStudy.targetGroups ?? ['STATUS_HOLDER', 'FAMILY_MIGRANT', 'OTHER'],
    ];
    const rows = await this.manager.query<Record<string, string | number>[]>(
      `WITH pc AS (
         SELECT ${GROUP_COLUMN[grouping]} AS group_id, p.client_id,
                min(p.start_date) FILTER (WHERE p.status = ANY($4::text[])) AS started_on,
                min(p.ended_on) FILTER (WHERE p.status = 'ENDED' AND p.end_reason = 'COMPLETED') AS passed_on
           FROM placement p WHERE ${this.where(filter, params)} AND p.status = ANY($3::text[]) GROUP BY 1, 2
       ), cl AS (
         SELECT pc.group_id, pc.started_on, pc.passed_on, c.target_group, c.brp_registration_date AS housed_on,
                CASE WHEN c.target_group = 'STATUS_HOLDER' THEN c.first_pip_signed_on + 1 ELSE c.brp_registration_date END AS term_start,
                (SELECT min(o.achieved_on) FROM client_outcome o WHERE o.client_id = c.id AND o.kind = ANY($6::text[])) AS participating_on,
                (SELECT min(o.achieved_on) FROM client_outcome o WHERE o.client_id = c.id AND o.kind = ANY($7::text[])) AS work_study_on
           FROM pc JOIN client c ON c.id = pc.client_id
       ), w AS (
         SELECT cl.*, (housed_on + make_interval(months => $8))::date AS k1_end, (term_start + make_interval(months => $9))::date AS k2_end,
                (term_start + make_interval(months => $10))::date AS k3_end, (term_start + make_interval(months => $11))::date AS k4_end
           FROM cl
       )
       SELECT group_id,
              count(*) FILTER (WHERE k1_end < $5::date)::int AS k1_cohort,
              count(*) FILTER (WHERE k1_end < $5::date AND started_on <= k1_end)::int AS k1_achieved,
              count(*) FILTER (WHERE k2_end < $5::date)::int AS k2_cohort,
              count(*) FILTER (WHERE k2_end < $5::date AND passed_on <= k2_end)::int AS k2_achieved,
              count(*) FILTER (WHERE k3_end < $5::date)::int AS k3_cohort,
              count(*) FILTER (WHERE k3_end < $5::date AND participating_on <= k3_end)::int AS k3_achieved,
              count(*) FILTER (WHERE k4_end < $5::date AND target_group = ANY($12::text[]))::int AS k4_cohort,
              count(*) FILTER (WHERE k4_end < $5::date AND target_group = ANY($12::text[]) AND work_study_on <= k4_end)::int AS k4_achieved
         FROM w GROUP BY group_id`,
      params,
    );
    const kpis: [RegionKpi, string][] = [[started.kpi, 'k1'], [passed.kpi, 'k2'], [participating.kpi, 'k3'], [workOrStudy.kpi, 'k4']];
    return rows.flatMap((r) => kpis.map(([kpi, key]) => ({ groupId: String(r.group_id), kpi, cohort: Number(r[`${key}_cohort`]), achieved: Number(r[`${key}_achieved`]) })));
  }

  /** Spend per contract: approved invoices minus approved credit notes (realised), submitted or disputed invoices (pending); disputed lines never count. */
  async spend(filter: FigureFilter): Promise<SpendRow[]> {
    const params = [...this.params(filter), REALISED_INVOICE_STATUSES, PENDING_INVOICE_STATUSES];
    const period = this.inPeriod('il.line_date', filter, params);
    const rows = await this.manager.query<{ contract_id: string; realised: string; pending: string }[]>(
      `SELECT i.contract_id,
              coalesce(sum(CASE WHEN i.status = ANY($3::text[]) THEN (CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -1 ELSE 1 END) * il.amount_cents END), 0)::bigint AS realised,
              coalesce(sum(CASE WHEN i.status = ANY($4::text[]) AND i.document_type = 'INVOICE' THEN il.amount_cents END), 0)::bigint AS pending
         FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id AND il.status <> 'DISPUTED'
        WHERE i.contract_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR i.paying_municipality_id = $2::uuid) AND ${period}
        GROUP BY i.contract_id`,
      params,
    );
    return rows.map((r) => ({ contractId: r.contract_id, realisedCents: Number(r.realised), pendingCents: Number(r.pending) }));
  }

  /**
   * Spend per paying municipality over one calendar year (invoice months in that year), with the same rules as `spend`:
   * approved invoices minus approved credit notes realised, submitted or disputed invoices pending, disputed lines never.
   */
  async spendByPayingMunicipality(municipalityIds: readonly MunicipalityId[], year: number): Promise<Map<string, { realisedCents: number; pendingCents: number }>> {
    if (municipalityIds.length === 0) return new Map();
    const rows = await this.manager.query<{ municipality_id: string; realised: string; pending: string }[]>(
      `SELECT i.paying_municipality_id AS municipality_id,
              coalesce(sum(CASE WHEN i.status = ANY($3::text[]) THEN (CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -1 ELSE 1 END) * il.amount_cents END), 0)::bigint AS realised,
              coalesce(sum(CASE WHEN i.status = ANY($4::text[]) AND i.document_type = 'INVOICE' THEN il.amount_cents END), 0)::bigint AS pending
         FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id AND il.status <> 'DISPUTED'
        WHERE i.paying_municipality_id = ANY($1::uuid[]) AND i.month >= make_date($2::int, 1, 1) AND i.month < make_date($2::int + 1, 1, 1)
        GROUP BY i.paying_municipality_id`,
      [[...municipalityIds], year, REALISED_INVOICE_STATUSES, PENDING_INVOICE_STATUSES],
    );
    return new Map(rows.map((r) => [r.municipality_id, { realisedCents: Number(r.realised), pendingCents: Number(r.pending) }]));
  }

  /** Starts and attended hours per calendar quarter (label as quarterLabel: "2026-K3"). */
  async quarters(filter: FigureFilter, grouping: FigureGrouping): Promise<QuarterRow[]> {
    const params = [...this.params(filter), STARTED_STATUSES];
    const startedInPeriod = this.inPeriod('p.start_date', filter, params);
    const source = this.hourSource(filter, params);
    const rows = await this.manager.query<{ group_id: string; quarter: string; started: number; attended: string }[]>(
      `WITH s AS (
         SELECT ${GROUP_COLUMN[grouping]} AS group_id, to_char(p.start_date, 'YYYY"-K"Q') AS quarter, count(*)::int AS started, 0::bigint AS attended
           FROM placement p WHERE ${this.where(filter, params)} AND p.status = ANY($3::text[]) AND p.start_date IS NOT NULL AND ${startedInPeriod} GROUP BY 1, 2
         UNION ALL
         SELECT ${GROUP_COLUMN[grouping]}, to_char(${source.day}, 'YYYY"-K"Q'), 0, sum(${source.attended})::bigint
           FROM ${source.from}
          WHERE ${this.where(filter, params)} AND ${source.condition}
          GROUP BY 1, 2
       )
       SELECT group_id, quarter, sum(started)::int AS started, sum(attended)::bigint AS attended FROM s GROUP BY 1, 2 ORDER BY 2`,
      params,
    );
    return rows.map((r) => ({ groupId: r.group_id, quarter: r.quarter, started: r.started, attendedMinutes: Number(r.attended) }));
  }

  /** The contracts of a region's lots, with lot, provider and money terms. */
  async contracts(where: { regionId?: string; lotId?: string; contractIds?: readonly string[]; providerId?: string }): Promise<ContractInfo[]> {
    const rows = await this.manager.query<{ id: string; lot_id: string; lot_name: string; subject: string; provider_id: string; provider_name: string; starts_on: string; ends_on: string; ceiling_cents: string | null }[]>(
      `SELECT k.id, k.lot_id, l.name AS lot_name, l.subject, k.provider_id, o.name AS provider_name, k.starts_on::text, k.ends_on::text, k.ceiling_cents
         FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id
        WHERE ($1::uuid IS NULL OR l.region_id = $1::uuid) AND ($2::uuid IS NULL OR k.lot_id = $2::uuid)
          AND ($3::uuid[] IS NULL OR k.id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR k.provider_id = $4::uuid)
        ORDER BY l.name, o.name`,
      [where.regionId ?? null, where.lotId ?? null, where.contractIds ? [...where.contractIds] : null, where.providerId ?? null],
    );
    return rows.map((r) => ({
      id: r.id, lotId: r.lot_id, lotName: r.lot_name, subject: r.subject, providerId: r.provider_id, providerName: r.provider_name,
      startsOn: r.starts_on, endsOn: r.ends_on, ceilingCents: r.ceiling_cents === null ? null : Number(r.ceiling_cents),
    }));
  }

  /** Names of municipalities (for the per-municipality rows). */
  async municipalityNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [[...ids]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

export interface ContractInfo {
  id: string;
  lotId: string;
  lotName: string;
  subject: string;
  providerId: string;
  providerName: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  ceilingCents: number | null;
}
