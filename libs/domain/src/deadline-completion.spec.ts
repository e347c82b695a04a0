import { completionDates, type CompletionResult } from './deadline-completion';

const exam = (examPart: CompletionResult['examPart'], resultDate: string, level: CompletionResult['level'] = 'B1', passed = true): CompletionResult => ({
  kind: 'EXAM', examPart, level, passed, resultDate,
});
const map: CompletionResult = { kind: 'MAP', examPart: null, level: null, passed: null, resultDate: '2026-01-10', milestoneDate: '2026-01-05' };
const pvt: CompletionResult = { kind: 'PVT', examPart: null, level: null, passed: null, resultDate: '2025-11-01', milestoneDate: '2025-10-30' };

describe('completionDates', () => {
  // Source: DUO MAP/PVT message (datum eindgesprek MAP, datum ondertekening PVT); a result recorded as not passed does not count.
  it('takes the MAP eindgesprek and the PVT signing date from the results', () => {
    const dates = completionDates('B1', 'B1', [map, pvt, { ...pvt, milestoneDate: '2025-09-01', passed: false }]);
    expect(dates.mapEindgesprekOn).toBe('2026-01-05');
    expect(dates.pvtSignedOn).toBe('2025-10-30');
    expect(dates.obligationMetOn).toBeNull();
  });

  // Source: art. 6 lid 1 Wet inburgering 2021: the obligation is PVT, MAP and the route (B1: the exam, all parts).
  it('completes the B1-route when every part is passed at the PIP level, and the obligation on the latest date', () => {
    const parts = [exam('LEZEN', '2026-05-01'), exam('LUISTEREN', '2026-05-02'), exam('SCHRIJVEN', '2026-05-03'), exam('KNM', '2026-04-01', null)];
    expect(completionDates('B1', 'B1', [map, pvt, ...parts]).routeCompletedOn).toBeNull();
    expect(completionDates('B1', 'B1', [map, pvt, ...parts, exam('SPREKEN', '2026-06-01', 'A2')]).routeCompletedOn).toBeNull();
    expect(completionDates('B1', 'B1', [map, pvt, ...parts, exam('SPREKEN', '2026-06-01', 'B1', false)]).routeCompletedOn).toBeNull();
    const done = completionDates('B1', 'B1', [map, pvt, ...parts, exam('SPREKEN', '2026-06-01')]);
    expect(done).toEqual({ mapEindgesprekOn: '2026-01-05', pvtSignedOn: '2025-10-30', routeCompletedOn: '2026-06-01', obligationMetOn: '2026-06-01' });
    // After afschalen the PIP says A2: A2 passes count.
    expect(completionDates('B1', 'A2', [...parts, exam('SPREKEN', '2026-06-01', 'A2')]).routeCompletedOn).toBe('2026-06-01');
  });

  // Source: Besluit inburgering 2021, art. 3.14 (Z-route ends with the eindgesprek); the Onderwijsroute has no MAP (art. 6 Wi2021).
  it('completes the Z-route with its eindgesprek and the Onderwijsroute with the taalschakel result, without MAP there', () => {
    const z: CompletionResult = { kind: 'Z_COMPLETION', examPart: null, level: null, passed: null, resultDate: '2027-02-01' };
    expect(completionDates('Z', 'A2', [map, pvt, z]).obligationMetOn).toBe('2027-02-01');
    const taalschakel: CompletionResult = { kind: 'TAALSCHAKEL', examPart: null, level: null, passed: true, resultDate: '2026-07-01' };
    expect(completionDates('ONDERWIJS', 'B1', [pvt, taalschakel]).obligationMetOn).toBe('2026-07-01');
    expect(completionDates('ONDERWIJS', 'B1', [pvt, { ...taalschakel, passed: false }]).obligationMetOn).toBeNull();
    expect(completionDates(null, null, [map, pvt]).obligationMetOn).toBeNull();
  });
});
