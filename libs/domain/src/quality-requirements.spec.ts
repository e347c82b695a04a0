import { isEvidenceOverdue, nextDueDate, qualityPeriodLabel, qualityRequirementLabel } from './quality-requirements';

describe('quality requirements', () => {
  it('has Dutch labels', () => {
    expect(qualityRequirementLabel('VOG_ALL_STAFF')).toBe('VOG voor alle medewerkers');
    expect(qualityPeriodLabel('QUARTERLY')).toBe('Per kwartaal');
  });

  it('computes the next due date per period', () => {
    expect(nextDueDate('QUARTERLY', '2025-03-31')).toBe('2025-06-30');
    expect(nextDueDate('QUARTERLY', '2025-01-31')).toBe('2025-04-30');
    expect(nextDueDate('YEARLY', '2024-02-29')).toBe('2025-02-28');
    expect(nextDueDate('ONCE', '2025-01-01')).toBeNull();
  });

  it('is overdue only when not submitted on or before the due date', () => {
    expect(isEvidenceOverdue('2025-03-31', null, '2025-03-31')).toBe(false);
    expect(isEvidenceOverdue('2025-03-31', null, '2025-04-01')).toBe(true);
    expect(isEvidenceOverdue('2025-03-31', '2025-03-31', '2025-06-01')).toBe(false);
    expect(isEvidenceOverdue('2025-03-31', '2025-04-02', '2025-06-01')).toBe(true);
  });
});
