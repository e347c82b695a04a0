import { describe, expect, it } from '@jest/globals';
import { chartData, completedDrillDownPath, computedAtText, countText, drillDownPath, figuresSummary, hoursDrillDownPath, kpiDrillDownPath, waitDrillDownPath, groupRows, percentText, spendDrillDownPath, type Figures, type FigureGroup } from './figure-rows';
import { i18next } from '../i18n/i18n';
import { caseloadFigureOf, completedFilterOf, countedFilterOf, figureListFilter } from './counted-filter';

/** The row of individual placements (outside a lot, no contract): the API gives it per contract, without an id, before the total. */
const individualRow = (figures: Figures, counts: Partial<FigureGroup['intake']> = {}): FigureGroup =>
  ({ ...figures.groups[0], id: null, label: 'Zonder perceel (individueel)', intake: { ...figures.groups[0].intake, started: 2, ...counts }, spend: null });

const group = (label: string, started: number | null, waiting: number | null): FigureGroup => ({
  id: label, label,
  intake: { requested: 1, accepted: 0, started, waiting, total: null, medianDaysPipToStart: null },
  hours: { plannedMinutes: 600, attendedMinutes: 540, attendancePercent: 90, attendedMinutesPerClient: 540, routeNormPercent: 1.5, pipPercent: 80 },
  results: { knmCompleted: 0, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0, examParts: [] },
  kpis: [],
  spend: { realisedCents: 100_00, committedCents: 141_750_000, ceilingCents: 283_500_000, ceilingUsedPercent: 50, forecastAtEndCents: null, forecastExceedsCeiling: null },
  quarters: [],
});

const figures: Figures = {
  scope: 'B1-route Midden-Gelderland: per aanbieder', groupedBy: 'CONTRACT', suppressed: true, minimumCellSize: 5, suppressedLabel: '< 5',
  computedOn: '2026-12-01', computedAt: '2026-12-01T13:05:00.000Z', periodFrom: null, periodTo: null, total: { ...group('Totaal', 30, null), id: null }, groups: [group('New Bees', 20, null), group('Sagenn', 10, null)],
};

describe('figure rows', () => {
  it('names a count link in the singular for one client and in the plural otherwise (a hidden count is plural)', () => {
    const name = (count: number) => i18next.t('figures.drillDown', { stage: 'gestart', label: 'Totaal', count });
    expect(name(1)).toBe('inburgeraar (gestart) bij Totaal tonen');
    expect(name(0)).toBe('inburgeraars (gestart) bij Totaal tonen');
    expect(name(5)).toBe('inburgeraars (gestart) bij Totaal tonen');
  });

  it('shows a hidden count as "< 5" and a number as itself', () => {
    expect(countText(null, '< 5')).toBe('< 5');
    expect(countText(0, '< 5')).toBe('0');
    expect(percentText(null, true, '< 5')).toBe('< 5');
    expect(percentText(null, false, '< 5')).toBe('–');
    expect(percentText(90, false, '< 5')).toBe('90%');
  });

  it('lists the groups then the total, and charts only the groups', () => {
    expect(groupRows(figures).map((g) => g.label)).toEqual(['New Bees', 'Sagenn', 'Totaal']);
    expect(chartData(figures)).toEqual([
      { label: 'New Bees', started: 20, waiting: null, requested: 1 },
      { label: 'Sagenn', started: 10, waiting: null, requested: 1 },
    ]);
  });

  it('says in one line what the figures show, money in euros', () => {
    expect(figuresSummary(figures)).toBe(
      'B1-route Midden-Gelderland: per aanbieder over 2 contracten: 30 gestart, < 5 wachtend en 1 aangevraagd; aanwezigheid 90%; ' +
        '€\u00a01.417.500,00 van het plafond van €\u00a02.835.000,00 besteed of toegezegd (50%). Aantallen onder 5 tonen als “< 5”.',
    );
  });
  it('drills a consultant’s count per contract down to the own clients; never the projectleider, a total or a hidden count', () => {
    const contract = { ...figures.groups[0], id: 'c1', intake: { ...figures.groups[0].intake, started: 3, waiting: null } };
    const own = { ...figures, groupedBy: 'CONTRACT' as const };
    expect(drillDownPath('CONSULTANT', own, contract, 'STARTED', '2026-K4')).toBe('/inburgeraars?contract=c1&stadium=STARTED&periode=2026-K4');
    expect(drillDownPath('CONSULTANT', own, contract, 'STARTED', '')).toBe('/inburgeraars?contract=c1&stadium=STARTED');
    expect(drillDownPath('CONSULTANT', own, contract, 'WAITING', '')).toBeNull();
    expect(drillDownPath('PROJECTLEIDER', own, contract, 'STARTED', '')).toBeNull();
    expect(drillDownPath('CONSULTANT', own, own.total, 'STARTED', '', null, false, 'REGION')).toBeNull();
    expect(drillDownPath('CONSULTANT', { ...own, groupedBy: 'MUNICIPALITY' }, contract, 'STARTED', '')).toBeNull();
  });
  it('drills the row of individual placements ("Zonder perceel") down to those: the consultant’s own clients, the provider’s own placements; never waiting ones for a provider, nor for the projectleider', () => {
    const own = { ...figures, groupedBy: 'CONTRACT' as const };
    const row = individualRow(own, { requested: 1, waiting: 1 });
    expect(drillDownPath('CONSULTANT', own, row, 'STARTED', '2026-K4', null, false, 'REGION')).toBe('/inburgeraars?individueel=ja&stadium=STARTED&periode=2026-K4');
    expect(drillDownPath('CONSULTANT', own, row, 'WAITING', '')).toBe('/inburgeraars?individueel=ja&stadium=WAITING');
    expect(drillDownPath('PROVIDER_USER', own, row, 'REQUESTED', '', null, true, 'REGION')).toBe('/mijn-inburgeraars?individueel=ja&stadium=REQUESTED');
    expect(drillDownPath('PROVIDER_USER', own, row, 'WAITING', '', null, true)).toBeNull();
    expect(drillDownPath('PROJECTLEIDER', own, row, 'STARTED', '', null, false, 'REGION')).toBeNull();
    expect(drillDownPath('CONSULTANT', own, { ...row, intake: { ...row.intake, started: 0 } }, 'STARTED', '')).toBeNull();
    // Its results, exam parts and hours too; the total is not that row.
    expect(completedDrillDownPath('CONSULTANT', own, row, 'KNM', 1, '', 'REGION')).toBe('/inburgeraars?individueel=ja&voltooid=KNM');
    expect(completedDrillDownPath('PROVIDER_USER', own, row, 'KNM', 1, '2026', null, null, true)).toBe('/mijn-inburgeraars?individueel=ja&voltooid=KNM&periode=2026');
    expect(hoursDrillDownPath('CONSULTANT', own, row, '', 'REGION')).toBe('/inburgeraars?individueel=ja&uren=ja');
    expect(waitDrillDownPath('PROVIDER_USER', own, { ...row, intake: { ...row.intake, medianDaysPipToStart: 9 } }, '', null, null, true)).toBe('/mijn-inburgeraars?individueel=ja&wachttijd=ja');
    expect(completedDrillDownPath('PROJECTLEIDER', own, row, 'KNM', 1, '', 'REGION')).toBeNull();
    // Per municipality the individual placements are within each municipality's row: no such row.
    expect(drillDownPath('PROVIDER_USER', { ...own, groupedBy: 'MUNICIPALITY' }, { ...row, id: 'gm1' }, 'STARTED', '', null, true)).toBe('/mijn-inburgeraars?gemeente=gm1&stadium=STARTED');
  });
  it('drills a provider’s totals on a lot page down to its own placements under its contracts of the lot', () => {
    const lotPage = { ...figures, groupedBy: 'CONTRACT' as const };
    const total = { ...lotPage.total, intake: { ...lotPage.total.intake, accepted: 2 }, results: { ...lotPage.total.results, mapCompleted: 4 } };
    const withTotal = { ...lotPage, total };
    const scope = { lotId: 'l1' };
    expect(drillDownPath('PROVIDER_USER', withTotal, total, 'ACCEPTED', '2026-K4', null, false, scope)).toBe('/mijn-inburgeraars?perceel=l1&stadium=ACCEPTED&periode=2026-K4');
    expect(completedDrillDownPath('PROVIDER_USER', withTotal, total, 'MAP', 4, '', scope)).toBe('/mijn-inburgeraars?perceel=l1&voltooid=MAP');
    expect(hoursDrillDownPath('PROVIDER_USER', withTotal, total, '', scope)).toBe('/mijn-inburgeraars?perceel=l1&uren=ja');
    // Its contract rows keep their contract; without the lot (or waiting) no list.
    expect(drillDownPath('PROVIDER_USER', withTotal, { ...withTotal.groups[0], id: 'c1' }, 'STARTED', '', null, false, scope)).toBe('/mijn-inburgeraars?contract=c1&stadium=STARTED');
    expect(drillDownPath('PROVIDER_USER', withTotal, total, 'ACCEPTED', '', null, false, null)).toBeNull();
    expect(drillDownPath('PROVIDER_USER', withTotal, total, 'WAITING', '', null, false, scope)).toBeNull();
  });
  it('drills a provider’s count down to its own placements: per contract, or the total and each municipality of its contract page; never waiting ones', () => {
    const contract = { ...figures.groups[0], id: 'c1', intake: { ...figures.groups[0].intake, started: 3, accepted: 2, waiting: 4 } };
    const own = { ...figures, groupedBy: 'CONTRACT' as const };
    expect(drillDownPath('PROVIDER_USER', own, contract, 'STARTED', '2026-K4')).toBe('/mijn-inburgeraars?contract=c1&stadium=STARTED&periode=2026-K4');
    expect(drillDownPath('PROVIDER_USER', own, contract, 'WAITING', '')).toBeNull();
    const perMunicipality = { ...figures, groupedBy: 'MUNICIPALITY' as const };
    const total = { ...contract, id: null };
    expect(drillDownPath('PROVIDER_USER', perMunicipality, total, 'ACCEPTED', '', 'k9')).toBe('/mijn-inburgeraars?contract=k9&stadium=ACCEPTED');
    expect(drillDownPath('PROVIDER_USER', perMunicipality, total, 'ACCEPTED', '')).toBeNull();
    // A municipality's row on the contract page: that contract's placements of that municipality; on the dashboard
    // (rows over all contracts) no list.
    expect(drillDownPath('PROVIDER_USER', perMunicipality, { ...contract, id: 'gm1' }, 'ACCEPTED', '2026-K4', 'k9')).toBe('/mijn-inburgeraars?contract=k9&gemeente=gm1&stadium=ACCEPTED&periode=2026-K4');
    expect(drillDownPath('PROVIDER_USER', perMunicipality, { ...contract, id: 'gm1' }, 'ACCEPTED', '')).toBeNull();
    expect(drillDownPath('CONSULTANT', perMunicipality, { ...contract, id: 'gm1' }, 'ACCEPTED', '', 'k9')).toBeNull();
    expect(drillDownPath('PROVIDER_USER', own, { ...contract, intake: { ...contract.intake, started: 0 } }, 'STARTED', '')).toBeNull();
  });
  it('drills a provider’s dashboard (all own contracts) down per municipality and for the total, without a contract; never waiting ones, nor for a consultant', () => {
    const row = { ...figures.groups[0], id: 'gm1', intake: { ...figures.groups[0].intake, started: 3, waiting: 4 } };
    const perMunicipality = { ...figures, groupedBy: 'MUNICIPALITY' as const };
    expect(drillDownPath('PROVIDER_USER', perMunicipality, row, 'STARTED', '2026-K4', null, true)).toBe('/mijn-inburgeraars?gemeente=gm1&stadium=STARTED&periode=2026-K4');
    expect(drillDownPath('PROVIDER_USER', perMunicipality, { ...row, id: null }, 'STARTED', '', null, true)).toBe('/mijn-inburgeraars?stadium=STARTED');
    const perContract = { ...figures, groupedBy: 'CONTRACT' as const, total: { ...figures.total, intake: row.intake } };
    expect(drillDownPath('PROVIDER_USER', perContract, perContract.total, 'REQUESTED', '', null, true)).toBe('/mijn-inburgeraars?stadium=REQUESTED');
    expect(drillDownPath('PROVIDER_USER', { ...figures, groupedBy: 'CONTRACT' as const }, { ...row, id: 'c1' }, 'REQUESTED', '', null, true)).toBe('/mijn-inburgeraars?contract=c1&stadium=REQUESTED');
    expect(drillDownPath('PROVIDER_USER', perMunicipality, row, 'WAITING', '', null, true)).toBeNull();
    expect(drillDownPath('CONSULTANT', perMunicipality, row, 'STARTED', '', null, true)).toBeNull();
    expect(drillDownPath('PROJECTLEIDER', perMunicipality, row, 'STARTED', '', null, true)).toBeNull();
  });
  it('reads the figure a link came from: the caseload needs a contract, the provider’s placements not', () => {
    const link = new URLSearchParams('stadium=STARTED&gemeente=gm1');
    expect(countedFilterOf(link, ['STARTED'])).toBeNull();
    expect(countedFilterOf(link, ['STARTED'], 'OPTIONAL')).toEqual({ contractId: null, lotId: null, individual: false, stage: 'STARTED', period: null, municipalityId: 'gm1' });
    // The row of individual placements has no contract, for the caseload too; a lot page's total names the lot.
    expect(countedFilterOf(new URLSearchParams('individueel=ja&stadium=STARTED&periode=2026-K4'), ['STARTED'])).toEqual({
      contractId: null, lotId: null, individual: true, stage: 'STARTED', period: { from: '2026-10-01', to: '2026-12-31' }, municipalityId: null,
    });
    expect(countedFilterOf(new URLSearchParams('individueel=nee&stadium=STARTED'), ['STARTED'])).toBeNull();
    expect(countedFilterOf(new URLSearchParams('perceel=l1&stadium=STARTED'), ['STARTED'], 'OPTIONAL')).toMatchObject({ lotId: 'l1', individual: false });
    // The API filter gets only what the link gives.
    expect(figureListFilter({ contractId: null, lotId: null, individual: true })).toEqual({ individual: true });
    expect(figureListFilter({ contractId: 'c1', lotId: 'l1', individual: false })).toEqual({ contractId: 'c1', lotId: 'l1' });
    expect(figureListFilter({ contractId: null, lotId: null, individual: false })).toEqual({});
    expect(countedFilterOf(new URLSearchParams('contract=c1&stadium=WAITING'), ['STARTED'], 'OPTIONAL')).toBeNull();
    expect(countedFilterOf(new URLSearchParams('contract=c1&stadium=STARTED'), ['STARTED'])).toMatchObject({ contractId: 'c1', stage: 'STARTED' });
  });
  it('drills a consultant’s KPI cohort and those who achieved it down to the own clients; the projectleider and providers get counts only', () => {
    expect(kpiDrillDownPath('CONSULTANT', 'STARTED_WITHIN_3_MONTHS', 12, false, { contractId: 'c1' })).toBe('/inburgeraars?contract=c1&kpi=STARTED_WITHIN_3_MONTHS');
    expect(kpiDrillDownPath('CONSULTANT', 'STARTED_WITHIN_3_MONTHS', 9, true, 'REGION')).toBe('/inburgeraars?kpi=STARTED_WITHIN_3_MONTHS&gehaald=ja');
    expect(kpiDrillDownPath('CONSULTANT', 'PASSED_WITHIN_3_YEARS', 7, true, { lotId: 'l1' })).toBe('/inburgeraars?perceel=l1&kpi=PASSED_WITHIN_3_YEARS&gehaald=ja');
    expect(kpiDrillDownPath('PROJECTLEIDER', 'PASSED_WITHIN_3_YEARS', 7, true, { lotId: 'l1' })).toBeNull();
    expect(kpiDrillDownPath('CONSULTANT', 'STARTED_WITHIN_3_MONTHS', 0, false, 'REGION')).toBeNull();
    expect(kpiDrillDownPath('CONSULTANT', 'STARTED_WITHIN_3_MONTHS', 12, false, null)).toBeNull();
    expect(kpiDrillDownPath('PROJECTLEIDER', 'STARTED_WITHIN_3_MONTHS', 12, false, 'REGION')).toBeNull();
    expect(kpiDrillDownPath('PROVIDER_USER', 'STARTED_WITHIN_3_MONTHS', 12, false, { contractId: 'c1' })).toBeNull();
  });
  it('drills a contract’s realised spend down to its approved invoices: the provider’s own, those the consultant’s municipality pays', () => {
    const contract = { ...figures.groups[0], id: 'c1' };
    const own = { ...figures, groupedBy: 'CONTRACT' as const };
    expect(spendDrillDownPath('PROVIDER_USER', own, contract, '')).toBe('/facturen?contract=c1&status=APPROVED');
    expect(spendDrillDownPath('CONSULTANT', own, contract, '')).toBe('/facturen/beoordelen?contract=c1&status=APPROVED');
    // The contract page's total (rows per municipality) is that contract; the dashboard's total is none.
    const total = { ...contract, id: null };
    expect(spendDrillDownPath('PROVIDER_USER', { ...figures, groupedBy: 'MUNICIPALITY' }, total, '', 'k9')).toBe('/facturen?contract=k9&status=APPROVED');
    expect(spendDrillDownPath('PROVIDER_USER', own, total, '')).toBeNull();
    // No invoice list for the projectleider, none for a period (the list has no period filter), none for € 0.
    expect(spendDrillDownPath('PROJECTLEIDER', own, contract, '')).toBeNull();
    expect(spendDrillDownPath('CONSULTANT', own, contract, '2026-K4')).toBeNull();
    expect(spendDrillDownPath('CONSULTANT', own, { ...contract, spend: { ...contract.spend!, realisedCents: 0 } }, '')).toBeNull();
    expect(spendDrillDownPath('CONSULTANT', own, { ...contract, spend: null }, '')).toBeNull();
  });
  it('drills a consultant’s KNM, MAP and PVT counts down to the own clients who completed the module: a contract row its contract, the total the figures’ contracts', () => {
    const contract = { ...figures.groups[0], id: 'c1' };
    expect(completedDrillDownPath('CONSULTANT', figures, contract, 'KNM', 3, '', 'REGION')).toBe('/inburgeraars?contract=c1&voltooid=KNM');
    expect(completedDrillDownPath('CONSULTANT', figures, contract, 'MAP', 3, '2026-K4', 'REGION')).toBe('/inburgeraars?contract=c1&voltooid=MAP&periode=2026-K4');
    expect(completedDrillDownPath('CONSULTANT', figures, figures.total, 'PVT', 5, '', 'REGION')).toBe('/inburgeraars?voltooid=PVT');
    expect(completedDrillDownPath('CONSULTANT', figures, figures.total, 'KNM', 5, '', { lotId: 'l1' })).toBe('/inburgeraars?perceel=l1&voltooid=KNM');
    expect(completedDrillDownPath('CONSULTANT', figures, figures.total, 'KNM', 5, '2026', { contractId: 'c1' })).toBe('/inburgeraars?contract=c1&voltooid=KNM&periode=2026');
    // A total without a known list, 0 or hidden: no link (the row of individual placements: above).
    expect(completedDrillDownPath('CONSULTANT', figures, figures.total, 'KNM', 5, '', null)).toBeNull();
    expect(completedDrillDownPath('CONSULTANT', figures, contract, 'KNM', 0, '', 'REGION')).toBeNull();
    expect(completedDrillDownPath('CONSULTANT', figures, contract, 'KNM', null, '', 'REGION')).toBeNull();
    // Rows per municipality are no contract's; the projectleider keeps the counts.
    expect(completedDrillDownPath('CONSULTANT', { ...figures, groupedBy: 'MUNICIPALITY' }, contract, 'KNM', 3, '', 'REGION')).toBeNull();
    expect(completedDrillDownPath('PROJECTLEIDER', figures, contract, 'KNM', 3, '', 'REGION')).toBeNull();
  });
  it('drills a provider’s KNM, MAP and PVT counts down to its own placements of those clients: per contract, per municipality and the total of its contract page or dashboard', () => {
    const perContract = { ...figures, groupedBy: 'CONTRACT' as const };
    const perMunicipality = { ...figures, groupedBy: 'MUNICIPALITY' as const };
    const row = { ...figures.groups[0], id: 'c1' };
    expect(completedDrillDownPath('PROVIDER_USER', perContract, row, 'KNM', 3, '2026-K4', null)).toBe('/mijn-inburgeraars?contract=c1&voltooid=KNM&periode=2026-K4');
    // Its contract page: rows per municipality and the total, under the contract.
    expect(completedDrillDownPath('PROVIDER_USER', perMunicipality, { ...row, id: 'gm1' }, 'MAP', 3, '', null, 'c1')).toBe('/mijn-inburgeraars?contract=c1&gemeente=gm1&voltooid=MAP');
    expect(completedDrillDownPath('PROVIDER_USER', perMunicipality, perMunicipality.total, 'MAP', 5, '', null, 'c1')).toBe('/mijn-inburgeraars?contract=c1&voltooid=MAP');
    // Its dashboard (all own contracts): the total and each municipality without a contract.
    expect(completedDrillDownPath('PROVIDER_USER', perContract, perContract.total, 'PVT', 5, '', null, null, true)).toBe('/mijn-inburgeraars?voltooid=PVT');
    expect(completedDrillDownPath('PROVIDER_USER', perMunicipality, { ...row, id: 'gm1' }, 'PVT', 2, '2026', null, null, true)).toBe('/mijn-inburgeraars?gemeente=gm1&voltooid=PVT&periode=2026');
    // A total without a known list (neither a contract, a lot nor the dashboard), 0 or hidden: no link.
    expect(completedDrillDownPath('PROVIDER_USER', perContract, perContract.total, 'KNM', 5, '', null)).toBeNull();
    expect(completedDrillDownPath('PROVIDER_USER', perContract, row, 'KNM', 0, '', null)).toBeNull();
    expect(completedDrillDownPath('PROVIDER_USER', perContract, row, 'KNM', null, '', null)).toBeNull();
  });

  it('reads the module, contract or lot and period of a result figure’s link; nothing without a known module', () => {
    expect(completedFilterOf(new URLSearchParams('contract=c1&voltooid=MAP&periode=2026-K4'))).toEqual({ module: 'MAP', contractId: 'c1', lotId: null, individual: false, period: { from: '2026-10-01', to: '2026-12-31' }, municipalityId: null });
    expect(completedFilterOf(new URLSearchParams('voltooid=KNM'))).toEqual({ module: 'KNM', contractId: null, lotId: null, individual: false, period: null, municipalityId: null });
    expect(completedFilterOf(new URLSearchParams('gemeente=gm1&voltooid=PVT'))).toMatchObject({ module: 'PVT', contractId: null, municipalityId: 'gm1' });
    expect(completedFilterOf(new URLSearchParams('perceel=l1&voltooid=PVT'))).toMatchObject({ module: 'PVT', lotId: 'l1' });
    expect(completedFilterOf(new URLSearchParams('contract=c1&voltooid=EXAM'))).toBeNull();
    expect(completedFilterOf(new URLSearchParams('contract=c1&stadium=STARTED'))).toBeNull();
  });

  it('drills a consultant’s attended hours and attendance down to the own clients they cover: a contract row its contract, the total the figures’ contracts, in the period', () => {
    const contract = { ...figures.groups[0], id: 'c1' };
    expect(hoursDrillDownPath('CONSULTANT', figures, contract, '', 'REGION')).toBe('/inburgeraars?contract=c1&uren=ja');
    expect(hoursDrillDownPath('CONSULTANT', figures, contract, '2026-K4', 'REGION')).toBe('/inburgeraars?contract=c1&uren=ja&periode=2026-K4');
    expect(hoursDrillDownPath('CONSULTANT', figures, figures.total, '', 'REGION')).toBe('/inburgeraars?uren=ja');
    expect(hoursDrillDownPath('CONSULTANT', figures, figures.total, '2026', { lotId: 'l1' })).toBe('/inburgeraars?perceel=l1&uren=ja&periode=2026');
    expect(hoursDrillDownPath('CONSULTANT', figures, figures.total, '', { contractId: 'c1' })).toBe('/inburgeraars?contract=c1&uren=ja');
    // No hours, hidden hours, rows per municipality and the projectleider: no link (providers: below).
    const none = { plannedMinutes: 0, attendedMinutes: 0, attendancePercent: null, attendedMinutesPerClient: null, routeNormPercent: null, pipPercent: null };
    expect(hoursDrillDownPath('CONSULTANT', figures, { ...contract, hours: none }, '', 'REGION')).toBeNull();
    expect(hoursDrillDownPath('CONSULTANT', figures, { ...contract, hours: { ...none, plannedMinutes: null, attendedMinutes: null } }, '', 'REGION')).toBeNull();
    expect(hoursDrillDownPath('CONSULTANT', { ...figures, groupedBy: 'MUNICIPALITY' }, contract, '', 'REGION')).toBeNull();
    expect(hoursDrillDownPath('PROJECTLEIDER', figures, contract, '', 'REGION')).toBeNull();
  });

  it('reads the contract or lot and period of an hours figure’s link; nothing without uren=ja', () => {
    expect(caseloadFigureOf(new URLSearchParams('contract=c1&uren=ja&periode=2026-K4'), 'uren')).toEqual({ contractId: 'c1', lotId: null, individual: false, period: { from: '2026-10-01', to: '2026-12-31' }, municipalityId: null });
    expect(caseloadFigureOf(new URLSearchParams('perceel=l1&uren=ja'), 'uren')).toEqual({ contractId: null, lotId: 'l1', individual: false, period: null, municipalityId: null });
    expect(caseloadFigureOf(new URLSearchParams('gemeente=gm1&uren=ja'), 'uren')).toEqual({ contractId: null, lotId: null, individual: false, period: null, municipalityId: 'gm1' });
    expect(caseloadFigureOf(new URLSearchParams('contract=c1&uren=nee'), 'uren')).toBeNull();
    expect(caseloadFigureOf(new URLSearchParams('contract=c1&voltooid=KNM'), 'uren')).toBeNull();
  });

  it('drills a consultant’s median wait down to the own clients it is computed over; a hidden median or another role has no link', () => {
    const contract = { ...figures.groups[0], id: 'c1', intake: { ...figures.groups[0].intake, medianDaysPipToStart: 12 } };
    expect(waitDrillDownPath('CONSULTANT', figures, contract, '2026-K4', 'REGION')).toBe('/inburgeraars?contract=c1&wachttijd=ja&periode=2026-K4');
    const withMedian = { ...figures, total: { ...figures.total, intake: contract.intake } };
    expect(waitDrillDownPath('CONSULTANT', withMedian, withMedian.total, '', { lotId: 'l1' })).toBe('/inburgeraars?perceel=l1&wachttijd=ja');
    expect(waitDrillDownPath('CONSULTANT', figures, { ...contract, intake: { ...contract.intake, medianDaysPipToStart: null } }, '', 'REGION')).toBeNull();
    expect(caseloadFigureOf(new URLSearchParams('contract=c1&wachttijd=ja'), 'wachttijd')).toEqual({ contractId: 'c1', lotId: null, individual: false, period: null, municipalityId: null });
  });

  it('drills a provider’s attended hours, attendance and median wait down to its own placements of the clients they cover: per contract, per municipality and the total of its contract page or dashboard', () => {
    const perContract = { ...figures, groupedBy: 'CONTRACT' as const };
    const perMunicipality = { ...figures, groupedBy: 'MUNICIPALITY' as const };
    const intake = { ...figures.groups[0].intake, medianDaysPipToStart: 12 };
    const row = { ...figures.groups[0], id: 'c1', intake };
    const municipality = { ...row, id: 'gm1' };
    const withMedian = (f: Figures) => ({ ...f, total: { ...f.total, intake } });
    // A contract's row (the dashboard or a lot page), in the period.
    expect(hoursDrillDownPath('PROVIDER_USER', perContract, row, '2026-K4', null)).toBe('/mijn-inburgeraars?contract=c1&uren=ja&periode=2026-K4');
    expect(waitDrillDownPath('PROVIDER_USER', perContract, row, '', null)).toBe('/mijn-inburgeraars?contract=c1&wachttijd=ja');
    // Its contract page: each municipality and the total, under the contract.
    expect(hoursDrillDownPath('PROVIDER_USER', perMunicipality, municipality, '', null, 'c1')).toBe('/mijn-inburgeraars?contract=c1&gemeente=gm1&uren=ja');
    const contractPage = withMedian(perMunicipality);
    expect(waitDrillDownPath('PROVIDER_USER', contractPage, contractPage.total, '2026', null, 'c1')).toBe('/mijn-inburgeraars?contract=c1&wachttijd=ja&periode=2026');
    // Its dashboard (all own contracts): the total and each municipality without a contract.
    expect(hoursDrillDownPath('PROVIDER_USER', perContract, perContract.total, '', null, null, true)).toBe('/mijn-inburgeraars?uren=ja');
    expect(waitDrillDownPath('PROVIDER_USER', perMunicipality, municipality, '2026-K4', null, null, true)).toBe('/mijn-inburgeraars?gemeente=gm1&wachttijd=ja&periode=2026-K4');
    // A total without a known list, no hours or no median: no link.
    expect(hoursDrillDownPath('PROVIDER_USER', perContract, perContract.total, '', null)).toBeNull();
    expect(hoursDrillDownPath('PROVIDER_USER', perContract, { ...row, hours: { ...row.hours, plannedMinutes: 0, attendedMinutes: 0 } }, '', null)).toBeNull();
    expect(waitDrillDownPath('PROVIDER_USER', perContract, { ...row, intake: { ...intake, medianDaysPipToStart: null } }, '', null)).toBeNull();
    // The projectleider keeps the figures.
    expect(waitDrillDownPath('PROJECTLEIDER', perContract, row, '', 'REGION', null, true)).toBeNull();
    expect(hoursDrillDownPath('PROJECTLEIDER', perContract, row, '', 'REGION', null, true)).toBeNull();
  });

  it('says when the figures were computed in Dutch, Amsterdam time', () => {
    expect(computedAtText('2026-12-01T13:05:00.000Z')).toBe('1 december 2026 om 14:05');
    expect(computedAtText('2026-07-01T22:30:00.000Z')).toBe('2 juli 2026 om 00:30');
  });
});
