import { addDays } from './calendar-date';
import {
  clientDeadlines, deadlineStatus, deadlineStatusOn, dueSoonFrom, integrationTermEnd, integrationTermStart, mapDueDate, pipDeadline, pvtDueDate, routeSwitchWindowEnd,
} from './client-deadlines';

describe('client deadlines', () => {
  it('PIP deadline is exactly 10 weeks after BRP registration', () => {
    expect(pipDeadline('2025-01-01')).toBe('2025-03-12');
  });

  it('term starts the day after the PIP for status holders, at BRP registration for others', () => {
    expect(integrationTermStart('STATUS_HOLDER', '2025-03-01', '2025-01-01')).toBe('2025-03-02');
    expect(integrationTermStart('STATUS_HOLDER', null, '2025-01-01')).toBeNull();
    expect(integrationTermStart('FAMILY_MIGRANT', '2025-03-01', '2025-01-01')).toBe('2025-01-01');
    expect(integrationTermStart('OTHER', undefined, '2025-01-01')).toBe('2025-01-01');
  });

  it('term lasts 3 years: the last day is the day before the third anniversary of its start', () => {
    expect(integrationTermEnd('2025-03-02')).toBe('2028-03-01');
    expect(integrationTermEnd('2025-01-01')).toBe('2027-12-31');
    expect(integrationTermEnd('2024-02-29')).toBe('2027-02-28');
  });

  it('route switch window ends 18 months after the PIP, MAP and PVT within 18 months of the term', () => {
    expect(routeSwitchWindowEnd('2025-03-01')).toBe('2026-09-01');
    expect(routeSwitchWindowEnd('2024-08-31')).toBe('2026-02-28');
    expect(mapDueDate('2025-03-02')).toBe('2026-09-01');
    expect(pvtDueDate('2025-03-02')).toBe('2026-09-01');
    expect(mapDueDate('2024-09-01')).toBe('2026-02-28');
  });

  describe('deadlineStatusOn (stored dates)', () => {
    it('gives the same status as deadlineStatus on every day around the deadline, open or fulfilled', () => {
      const deadline = '2025-03-12';
      for (const dueSoonDays of [14, 30]) {
        for (const completedOn of [null, '2025-03-01', '2025-03-12', '2025-03-13']) {
          const stored = {
            deadline,
            dueSoonFrom: dueSoonFrom(deadline, dueSoonDays),
            fulfilled: completedOn ? (deadlineStatus(deadline, deadline, { completedOn }) as 'MET' | 'MET_LATE') : null,
          };
          for (let day = -40; day <= 5; day += 1) {
            const today = addDays(deadline, day);
            expect(deadlineStatusOn(stored, today)).toBe(deadlineStatus(deadline, today, { completedOn, dueSoonDays }));
          }
        }
      }
    });
  });

  describe('deadlineStatus', () => {
    const deadline = '2025-03-12';
    it('is DUE_SOON from 14 days before up to and including the deadline day', () => {
      expect(deadlineStatus(deadline, '2025-02-25')).toBe('ON_TIME');
      expect(deadlineStatus(deadline, '2025-02-26')).toBe('DUE_SOON');
      expect(deadlineStatus(deadline, '2025-03-12')).toBe('DUE_SOON');
      expect(deadlineStatus(deadline, '2025-03-13')).toBe('OVERDUE');
    });
    it('takes a configurable due-soon window', () => {
      expect(deadlineStatus(deadline, '2025-02-10', { dueSoonDays: 30 })).toBe('DUE_SOON');
      expect(deadlineStatus(deadline, '2025-03-05', { dueSoonDays: 0 })).toBe('ON_TIME');
    });
    it('is MET when completed on or before the deadline, MET_LATE after it', () => {
      expect(deadlineStatus(deadline, '2025-06-01', { completedOn: '2025-03-12' })).toBe('MET');
      expect(deadlineStatus(deadline, '2025-06-01', { completedOn: '2025-03-13' })).toBe('MET_LATE');
    });
  });

  it('collects all deadlines of a status holder with a PIP', () => {
    const result = clientDeadlines(
      { targetGroup: 'STATUS_HOLDER', route: 'B1', brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01', pvtSignedOn: '2025-10-01' },
      '2026-08-25',
    );
    expect(result).toEqual({
      pip: { deadline: '2025-03-12', status: 'MET' },
      termStart: '2025-03-02',
      integrationTerm: { deadline: '2028-03-01', status: 'ON_TIME' },
      map: { deadline: '2026-09-01', status: 'DUE_SOON' },
      pvt: { deadline: '2026-09-01', status: 'MET' },
      routeSwitch: { windowEnd: '2026-09-01', open: true },
    });
  });

  it('has only a PIP deadline for a status holder without a PIP, and no MAP on the Onderwijsroute', () => {
    const noPip = clientDeadlines({ targetGroup: 'STATUS_HOLDER', brpRegistrationDate: '2025-01-01' }, '2025-03-20');
    expect(noPip.pip).toEqual({ deadline: '2025-03-12', status: 'OVERDUE' });
    expect([noPip.termStart, noPip.integrationTerm, noPip.map, noPip.pvt, noPip.routeSwitch]).toEqual([null, null, null, null, null]);

    const onderwijs = clientDeadlines(
      { targetGroup: 'STATUS_HOLDER', route: 'ONDERWIJS', brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-02-01' },
      '2026-08-02',
    );
    expect(onderwijs.map).toBeNull();
    expect(onderwijs.pvt).toEqual({ deadline: '2026-08-01', status: 'OVERDUE' });
    expect(onderwijs.routeSwitch).toEqual({ windowEnd: '2026-08-01', open: false });
  });

  it('starts the term of a family migrant at BRP registration, even before the PIP', () => {
    const result = clientDeadlines({ targetGroup: 'FAMILY_MIGRANT', route: 'Z', brpRegistrationDate: '2025-01-01' }, '2025-02-01');
    expect(result.termStart).toBe('2025-01-01');
    expect(result.integrationTerm).toEqual({ deadline: '2027-12-31', status: 'ON_TIME' });
    expect(result.map?.deadline).toBe('2026-06-30');
  });

  // Source: art. 11 lid 2 and lid 3 Wet inburgering 2021 (the term starts the day after the PIP's date; a changed PIP
  // does not move it), so the route-switch window (18 months) does not reopen either.
  it('keeps the term, the PIP deadline and the route-switch window on the FIRST PIP when the PIP changes', () => {
    const changed = clientDeadlines(
      { targetGroup: 'STATUS_HOLDER', route: 'B1', brpRegistrationDate: '2025-01-01', firstPipSignedOn: '2025-03-01', pipSignedOn: '2026-08-01' },
      '2026-09-10',
    );
    expect(changed.termStart).toBe('2025-03-02');
    expect(changed.integrationTerm?.deadline).toBe('2028-03-01');
    expect(changed.pip).toEqual({ deadline: '2025-03-12', status: 'MET' });
    expect(changed.routeSwitch).toEqual({ windowEnd: '2026-09-01', open: false });
    // Without a separate first date the current one is the first.
    expect(clientDeadlines({ targetGroup: 'STATUS_HOLDER', brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01' }, '2025-04-01').termStart).toBe('2025-03-02');
  });

  // Source: art. 6 and art. 11 lid 1 Wet inburgering 2021: a deadline met by a recorded completion is MET, or MET_LATE after it.
  it('shows MET / MET_LATE once MAP, PVT or the obligation is completed', () => {
    const result = clientDeadlines(
      {
        targetGroup: 'STATUS_HOLDER', route: 'B1', brpRegistrationDate: '2025-01-01', pipSignedOn: '2025-03-01',
        mapEindgesprekOn: '2026-09-01', pvtSignedOn: '2026-09-02', obligationMetOn: '2027-01-01',
      },
      '2027-02-01',
    );
    expect([result.map?.status, result.pvt?.status, result.integrationTerm?.status]).toEqual(['MET', 'MET_LATE', 'MET']);
  });
});
