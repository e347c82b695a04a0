import { deadlineList, hasDeadline, mostUrgentDeadline } from './caseload';
import { clientDeadlines } from './client-deadlines';

describe('caseload deadlines', () => {
  const today = '2025-06-01';

  it('lists the PIP deadline alone while there is no PIP', () => {
    const list = deadlineList(clientDeadlines({ targetGroup: 'STATUS_HOLDER', brpRegistrationDate: '2025-04-01' }, today), today);
    expect(list).toEqual([{ kind: 'PIP', deadline: '2025-06-10', status: 'DUE_SOON' }]);
    expect(mostUrgentDeadline(list)).toEqual({ kind: 'PIP', deadline: '2025-06-10', status: 'DUE_SOON' });
  });

  it('treats the route-switch window as a deadline with a status, but a closed window is not overdue work', () => {
    const deadlines = clientDeadlines({ targetGroup: 'STATUS_HOLDER', route: 'B1', brpRegistrationDate: '2023-09-01', pipSignedOn: '2023-10-15' }, today);
    const list = deadlineList(deadlines, today);
    expect(list.map((d) => [d.kind, d.status])).toEqual([
      ['PIP', 'MET'],
      ['INTEGRATION_TERM', 'ON_TIME'],
      ['ROUTE_SWITCH', 'OVERDUE'],
      ['MAP', 'OVERDUE'],
      ['PVT', 'OVERDUE'],
    ]);
    expect(mostUrgentDeadline(list)).toEqual({ kind: 'MAP', deadline: '2025-04-15', status: 'OVERDUE' });
    expect(hasDeadline(list, null, 'OVERDUE')).toBe(true);
    expect(hasDeadline(list, 'ROUTE_SWITCH', 'OVERDUE')).toBe(true);
    expect(hasDeadline(list, 'PIP', 'OVERDUE')).toBe(false);
  });

  it('does not count a closed route-switch window as overdue when no kind is asked', () => {
    const list = [
      { kind: 'PIP' as const, deadline: '2024-01-01', status: 'MET' as const },
      { kind: 'ROUTE_SWITCH' as const, deadline: '2025-01-01', status: 'OVERDUE' as const },
    ];
    expect(hasDeadline(list, null, 'OVERDUE')).toBe(false);
    expect(mostUrgentDeadline(list)).toBeNull();
  });
});
