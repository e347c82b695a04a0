import { clientDeadlines } from './client-deadlines';
import { CLIENT_PLACEMENT_STATES, deadlineSignalKindLabel, signalledDeadlines } from './deadline-signals';

describe('signalledDeadlines', () => {
  // Source: art. 11 lid 1 Wet inburgering 2021 and Besluit inburgering 2021 (MAP/PVT within 18 months); policy: due-soon window.
  it('signals due-soon and overdue deadlines only, never met ones', () => {
    const deadlines = clientDeadlines(
      { targetGroup: 'STATUS_HOLDER', route: 'B1', brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01', pvtSignedOn: '2026-08-01' },
      '2026-08-25',
    );
    expect(signalledDeadlines(deadlines)).toEqual([{ kind: 'MAP_DUE', deadline: '2026-09-01', status: 'DUE_SOON' }]);
    const late = clientDeadlines({ targetGroup: 'STATUS_HOLDER', brpRegistrationDate: '2025-01-01' }, '2025-04-01');
    expect(signalledDeadlines(late)).toEqual([{ kind: 'PIP_DEADLINE', deadline: '2025-03-12', status: 'OVERDUE' }]);
  });

  it('labels the kinds in Dutch and lists NONE with the active placement statuses', () => {
    expect(deadlineSignalKindLabel('TERM_END')).toBe('Einde inburgeringstermijn');
    expect(CLIENT_PLACEMENT_STATES).toEqual(['NONE', 'WAITING', 'REQUESTED', 'ACCEPTED', 'STARTED']);
  });
});
