import { describe, expect, it } from '@jest/globals';
import { canSubmit, periodsByDueDate, type EvidencePeriod, type Requirement } from './requirement-status';

const period = (dueOn: string, status: EvidencePeriod['status']): EvidencePeriod => ({ dueOn, status, statusLabel: status, evidence: [], alsoCountsFor: [] });
const requirement = (periods: EvidencePeriod[]): Requirement => ({
  id: 'r', contractId: 'c', lotName: 'B1', providerName: 'New Bees', type: 'VOG_ALL_STAFF', typeLabel: 'VOG', title: 'VOG', norm: 'Alle medewerkers',
  normValue: null, period: 'QUARTERLY', periodLabel: 'Per kwartaal', firstDueOn: '2026-01-01', periods,
});

describe('what is due for a quality requirement', () => {
  it('lists the periods by due date', () => {
    const r = requirement([period('2026-12-31', 'DUE_SOON'), period('2026-09-30', 'REJECTED'), period('2026-06-30', 'ACCEPTED'), period('2026-10-31', 'OVERDUE')]);
    expect(periodsByDueDate(r).map((p) => p.dueOn)).toEqual(['2026-06-30', '2026-09-30', '2026-10-31', '2026-12-31']);
  });

  it('lets the provider submit for open, overdue and rejected periods, not for submitted or accepted ones', () => {
    expect(['OPEN', 'DUE_SOON', 'OVERDUE', 'REJECTED', 'SUBMITTED', 'ACCEPTED'].map((s) => canSubmit(period('2026-01-01', s as EvidencePeriod['status'])))).toEqual([
      true, true, true, true, false, false,
    ]);
  });
});
