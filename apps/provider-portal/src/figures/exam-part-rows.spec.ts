import { describe, expect, it } from '@jest/globals';
import { examCountText, examPartCount, examPartDrillDownPath, examPartFilterOf, examPartKeys, examPartName, examPartsSummary } from './exam-part-rows';
import type { FigureGroup, Figures } from './figure-rows';

const group = (id: string | null, label: string, examParts: FigureGroup['results']['examParts']): FigureGroup => ({
  id, label,
  intake: { requested: 0, accepted: 0, started: 0, waiting: 0, total: 0, medianDaysPipToStart: null },
  hours: { plannedMinutes: 0, attendedMinutes: 0, attendancePercent: null, attendedMinutesPerClient: null, routeNormPercent: null, pipPercent: null },
  results: { knmCompleted: 0, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0, examParts },
  kpis: [], spend: null, quarters: [],
});

const figures: Figures = {
  scope: 'Eigen inburgeraars per contract', groupedBy: 'CONTRACT', suppressed: false, minimumCellSize: 5, suppressedLabel: '< 5',
  computedOn: '2026-12-01', computedAt: '2026-12-01T13:05:00.000Z', periodFrom: null, periodTo: null,
  groups: [
    group('k1', 'New Bees', [{ level: 'B1', part: 'SCHRIJVEN', passed: 3, failed: 1 }, { level: 'B1', part: 'LEZEN', passed: 1200, failed: 0 }]),
    group('k2', 'Sagenn', [{ level: 'A2', part: 'LEZEN', passed: 2, failed: 2 }]),
    group(null, 'Zonder perceel (individueel)', [{ level: 'B1', part: 'LEZEN', passed: 1, failed: 0 }]),
  ],
  total: group(null, 'Totaal', [{ level: 'A2', part: 'LEZEN', passed: 2, failed: 2 }, { level: 'B1', part: 'LEZEN', passed: 1201, failed: 0 }, { level: 'B1', part: 'SCHRIJVEN', passed: 3, failed: 1 }]),
};

describe('exam-part rows', () => {
  it('makes a column pair per level and part with attempts anywhere, by level then part, named in Dutch', () => {
    expect(examPartKeys(figures)).toEqual([{ level: 'A2', part: 'LEZEN' }, { level: 'B1', part: 'LEZEN' }, { level: 'B1', part: 'SCHRIJVEN' }]);
    expect(examPartName({ level: 'B1', part: 'SCHRIJVEN' })).toBe('B1 Schrijven');
  });

  it('counts 0 where a row has no such attempts, keeps a hidden count hidden, and writes nl-NL numbers', () => {
    expect(examPartCount(figures.groups[1], { level: 'B1', part: 'LEZEN' }, 'PASSED')).toBe(0);
    expect(examPartCount(figures.groups[0], { level: 'B1', part: 'SCHRIJVEN' }, 'FAILED')).toBe(1);
    expect(examCountText(1200, '< 5')).toBe('1.200');
    expect(examCountText(null, '< 5')).toBe('< 5');
  });

  it('sums the total in one line, and says that hidden counts are left out', () => {
    expect(examPartsSummary(figures)).toBe('Eigen inburgeraars per contract: 1.206 pogingen gehaald en 3 niet gehaald over 3 examenonderdelen; een herkansing telt als nieuwe poging.');
    const hidden: Figures = { ...figures, suppressed: true, groups: [], total: group(null, 'Totaal', [{ level: 'B1', part: 'LEZEN', passed: 12, failed: null }]) };
    expect(examPartsSummary(hidden)).toBe('Eigen inburgeraars per contract: 12 pogingen gehaald en 0 niet gehaald over 1 examenonderdeel; een herkansing telt als nieuwe poging. Aantallen onder 5 tonen als “< 5” en tellen hier niet mee.');
    expect(examPartsSummary({ ...figures, groups: [], total: group(null, 'Totaal', []) })).toBe('Geen examenpogingen in deze cijfers.');
  });

  it('links a consultant\'s count above 0 to the own clients per contract, of the individual placements and, with a scope, the total; nothing for others, 0 or hidden', () => {
    const b1Lezen = { level: 'B1', part: 'LEZEN' } as const;
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.groups[0], b1Lezen, 'PASSED', '', 'REGION')).toBe('/inburgeraars?contract=k1&examen=LEZEN&niveau=B1&uitslag=gehaald');
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.groups[1], { level: 'A2', part: 'LEZEN' }, 'FAILED', '2026-K3', 'REGION'))
      .toBe('/inburgeraars?contract=k2&examen=LEZEN&niveau=A2&uitslag=niet-gehaald&periode=2026-K3');
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.total, b1Lezen, 'PASSED', '', 'REGION')).toBe('/inburgeraars?examen=LEZEN&niveau=B1&uitslag=gehaald');
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.total, b1Lezen, 'PASSED', '', { lotId: 'l1' })).toBe('/inburgeraars?perceel=l1&examen=LEZEN&niveau=B1&uitslag=gehaald');
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.total, b1Lezen, 'PASSED', '', null)).toBeNull();
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.groups[0], b1Lezen, 'FAILED', '', 'REGION')).toBeNull();
    expect(examPartDrillDownPath('CONSULTANT', figures, figures.groups[2], b1Lezen, 'PASSED', '2026-K3', 'REGION')).toBe('/inburgeraars?individueel=ja&examen=LEZEN&niveau=B1&uitslag=gehaald&periode=2026-K3');
    const hidden = group('k1', 'New Bees', [{ level: 'B1', part: 'LEZEN', passed: null, failed: 0 }]);
    expect(examPartDrillDownPath('CONSULTANT', figures, hidden, b1Lezen, 'PASSED', '', 'REGION')).toBeNull();
    expect(examPartDrillDownPath('PROJECTLEIDER', figures, figures.groups[0], b1Lezen, 'PASSED', '', 'REGION')).toBeNull();
  });

  it('links a provider\'s count above 0 to its own placements per contract, of the individual placements, per municipality and the total of its dashboard, contract and lot page; not 0 or hidden', () => {
    const b1Lezen = { level: 'B1', part: 'LEZEN' } as const;
    // Per contract (any page), with the period.
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.groups[0], b1Lezen, 'PASSED', '2026-K3', null)).toBe('/mijn-inburgeraars?contract=k1&examen=LEZEN&niveau=B1&uitslag=gehaald&periode=2026-K3');
    // The dashboard's total (every own contract) and its row per municipality.
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.total, b1Lezen, 'PASSED', '', null, null, true)).toBe('/mijn-inburgeraars?examen=LEZEN&niveau=B1&uitslag=gehaald');
    const perMunicipality: Figures = { ...figures, groupedBy: 'MUNICIPALITY', groups: [group('m1', 'Arnhem', [{ level: 'A2', part: 'LEZEN', passed: 0, failed: 2 }])] };
    expect(examPartDrillDownPath('PROVIDER_USER', perMunicipality, perMunicipality.groups[0], { level: 'A2', part: 'LEZEN' }, 'FAILED', '', null, null, true))
      .toBe('/mijn-inburgeraars?gemeente=m1&examen=LEZEN&niveau=A2&uitslag=niet-gehaald');
    // The contract page: its total and its rows per municipality under the contract.
    expect(examPartDrillDownPath('PROVIDER_USER', perMunicipality, perMunicipality.groups[0], { level: 'A2', part: 'LEZEN' }, 'FAILED', '2026', null, 'k1'))
      .toBe('/mijn-inburgeraars?contract=k1&gemeente=m1&examen=LEZEN&niveau=A2&uitslag=niet-gehaald&periode=2026');
    expect(examPartDrillDownPath('PROVIDER_USER', perMunicipality, perMunicipality.total, b1Lezen, 'PASSED', '', null, 'k1')).toBe('/mijn-inburgeraars?contract=k1&examen=LEZEN&niveau=B1&uitslag=gehaald');
    // A lot page's total: its own contracts of the lot; the row of individual placements: those.
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.total, b1Lezen, 'PASSED', '', { lotId: 'l1' })).toBe('/mijn-inburgeraars?perceel=l1&examen=LEZEN&niveau=B1&uitslag=gehaald');
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.groups[2], b1Lezen, 'PASSED', '', null, null, true)).toBe('/mijn-inburgeraars?individueel=ja&examen=LEZEN&niveau=B1&uitslag=gehaald');
    // A total without a known list, 0 and hidden counts: no list.
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.total, b1Lezen, 'PASSED', '', null)).toBeNull();
    expect(examPartDrillDownPath('PROVIDER_USER', figures, figures.groups[0], b1Lezen, 'FAILED', '', null, null, true)).toBeNull();
    expect(examPartDrillDownPath('PROVIDER_USER', figures, group('k1', 'New Bees', [{ level: 'B1', part: 'LEZEN', passed: null, failed: 0 }]), b1Lezen, 'PASSED', '', null, null, true)).toBeNull();
  });

  it('reads the link back into the caseload filter, and nothing from an incomplete or unknown cell', () => {
    expect(examPartFilterOf(new URLSearchParams('contract=k1&examen=LEZEN&niveau=B1&uitslag=niet-gehaald&periode=2026-K3'))).toEqual({
      part: 'LEZEN', level: 'B1', outcome: 'FAILED', contractId: 'k1', lotId: null, individual: false, municipalityId: null, period: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(examPartFilterOf(new URLSearchParams('perceel=l1&examen=KNM&niveau=A2&uitslag=gehaald'))).toMatchObject({ part: 'KNM', level: 'A2', outcome: 'PASSED', contractId: null, lotId: 'l1', period: null });
    expect(examPartFilterOf(new URLSearchParams('gemeente=m1&examen=SPREKEN&niveau=B1&uitslag=gehaald'))).toMatchObject({ part: 'SPREKEN', contractId: null, municipalityId: 'm1' });
    expect(examPartFilterOf(new URLSearchParams('individueel=ja&examen=LEZEN&niveau=B1&uitslag=gehaald'))).toMatchObject({ contractId: null, lotId: null, individual: true });
    for (const query of ['examen=LEZEN&niveau=B1', 'examen=LEZEN2&niveau=B1&uitslag=gehaald', 'examen=LEZEN&niveau=C3&uitslag=gehaald', 'examen=LEZEN&niveau=B1&uitslag=misschien']) {
      expect(examPartFilterOf(new URLSearchParams(query))).toBeNull();
    }
  });
});
