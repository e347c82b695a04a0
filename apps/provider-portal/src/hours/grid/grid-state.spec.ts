import { describe, expect, it } from '@jest/globals';
import { attendedTotal, cellKey, cellsFromWeek, minutesOf, withField, type CellState, type GridRow } from './grid-state';

const entry = { id: 'e1', placementId: 'p1', date: '2026-10-05', category: 'LANGUAGE', plannedMinutes: 180, attendedMinutes: 90, absenceReason: 'SICK', revision: 0, correctsEntryId: null, correctionReason: null, version: 3, imported: false, enteredAt: '2026-10-05T10:00:00Z' } as const;
const row = { placementId: 'p1', clientId: 'c1', clientNumber: 1001, clientName: 'Test Persoon', municipalityId: 'm', municipalityName: 'Gemeente Arnhem', groupName: 'A', route: 'B1', startDate: null, endedOn: null, pipMinutesPerWeek: null, lockedDates: [], entries: [entry] } as unknown as GridRow;

describe('grid cells', () => {
  it('shows hours with a decimal comma and keeps the version per cell', () => {
    const cells = cellsFromWeek([row], ['2026-10-05', '2026-10-06'], 'LANGUAGE');
    expect(cells.get(cellKey('p1', '2026-10-05'))).toMatchObject({ planned: '3', attended: '1,5', reason: 'SICK', version: 3 });
    expect(cells.get(cellKey('p1', '2026-10-06'))).toMatchObject({ planned: '', attended: '', version: null });
  });

  it('reads Dutch input and totals attended hours', () => {
    expect(minutesOf('1,5')).toBe(90);
    expect(minutesOf('')).toBe(0);
    expect(minutesOf('twee')).toBeNull();
    const cell = (attended: string): CellState => ({ planned: '3', attended, reason: '', version: null, entry: null, error: null });
    expect(attendedTotal([cell('1,5'), cell('3'), undefined, cell('x')])).toBe(270);
  });

  it('lets attended follow planned until it is typed separately', () => {
    const empty: CellState = { planned: '', attended: '', reason: '', version: null, entry: null, error: 'oud' };
    const planned = withField(empty, 'planned', '3');
    expect(planned).toMatchObject({ planned: '3', attended: '3', error: null });
    const attended = withField(planned, 'attended', '2');
    expect(withField(attended, 'planned', '4')).toMatchObject({ planned: '4', attended: '2' });
  });
});
