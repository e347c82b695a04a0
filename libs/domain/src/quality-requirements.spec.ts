import {
  checkEvidenceReview, checkEvidenceSubmission, checkQualityRequirement, dueDatesThrough, evidenceDueDates, evidencePeriodStatus, evidencePeriodStatusLabel,
  isEvidenceOverdue, nextDueDate, overviewPeriod, qualityPeriodLabel, qualityRequirementLabel, type EvidencePeriodStatus, type EvidenceSubmissionInput,
} from './quality-requirements';

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

describe('due dates of evidence', () => {
  it('lists quarterly due dates from the first one, keeping month ends', () => {
    expect(dueDatesThrough('QUARTERLY', '2025-03-31', '2025-12-31')).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
    expect(dueDatesThrough('ONCE', '2025-03-31', '2030-01-01')).toEqual(['2025-03-31']);
    expect(dueDatesThrough('YEARLY', '2025-03-31', '2025-03-30')).toEqual([]);
  });

  it('shows every past period and the next one, never past the contract end', () => {
    expect(evidenceDueDates('QUARTERLY', '2025-03-31', '2025-07-15', '2026-12-31')).toEqual(['2025-03-31', '2025-06-30', '2025-09-30']);
    expect(evidenceDueDates('QUARTERLY', '2025-03-31', '2025-07-15', '2025-06-30')).toEqual(['2025-03-31', '2025-06-30']);
    expect(evidenceDueDates('YEARLY', '2025-12-31', '2025-07-15', '2027-12-31')).toEqual(['2025-12-31']);
  });
});

describe('evidencePeriodStatus', () => {
  it('is open, due soon or overdue without evidence', () => {
    expect(evidencePeriodStatus('2025-06-30', null, '2025-06-01')).toBe('OPEN');
    expect(evidencePeriodStatus('2025-06-30', null, '2025-06-16')).toBe('DUE_SOON');
    expect(evidencePeriodStatus('2025-06-30', null, '2025-07-01')).toBe('OVERDUE');
  });

  it('follows the latest evidence', () => {
    expect(evidencePeriodStatus('2025-06-30', 'SUBMITTED', '2025-08-01')).toBe('SUBMITTED');
    expect(evidencePeriodStatus('2025-06-30', 'REJECTED', '2025-08-01')).toBe('REJECTED');
    expect(evidencePeriodStatusLabel('REJECTED')).toBe('Afgekeurd');
  });
});

describe('overviewPeriod', () => {
  const period = (dueOn: string, status: EvidencePeriodStatus) => ({ dueOn, status });

  it('shows the period that needs attention first: overdue before rejected before due soon, then the earliest', () => {
    const periods = [period('2026-12-31', 'DUE_SOON'), period('2026-09-30', 'REJECTED'), period('2026-06-30', 'ACCEPTED'), period('2026-11-30', 'OVERDUE'), period('2026-10-31', 'OVERDUE')];
    expect(overviewPeriod(periods)).toEqual(period('2026-10-31', 'OVERDUE'));
    expect(overviewPeriod(periods.filter((p) => p.status !== 'OVERDUE'))?.dueOn).toBe('2026-09-30');
  });

  it('shows the earliest accepted period when everything is accepted, and none without periods', () => {
    expect(overviewPeriod([period('2026-06-30', 'ACCEPTED'), period('2026-03-31', 'ACCEPTED')])?.dueOn).toBe('2026-03-31');
    expect(overviewPeriod([])).toBeUndefined();
  });
});

describe('checkEvidenceSubmission', () => {
  const base: EvidenceSubmissionInput = { dueOn: '2025-06-30', openDueDates: ['2025-03-31', '2025-06-30'], latestEvidence: null, value: '85', comment: null, hasDocument: false };

  it('accepts evidence for an open period, also after a rejection', () => {
    expect(checkEvidenceSubmission(base)).toEqual([]);
    expect(checkEvidenceSubmission({ ...base, latestEvidence: 'REJECTED' })).toEqual([]);
  });

  it('refuses an unknown period, a second submission, accepted evidence and empty evidence', () => {
    const codes = (change: Partial<EvidenceSubmissionInput>) =>
      checkEvidenceSubmission({ ...base, ...change }).map((v) => v.code);
    expect(codes({ dueOn: '2025-05-01' })).toEqual(['EVIDENCE_PERIOD_UNKNOWN']);
    expect(codes({ latestEvidence: 'SUBMITTED' })).toEqual(['EVIDENCE_ALREADY_SUBMITTED']);
    expect(codes({ latestEvidence: 'ACCEPTED' })).toEqual(['EVIDENCE_ALREADY_ACCEPTED']);
    expect(codes({ value: ' ', comment: '' })).toEqual(['EVIDENCE_EMPTY']);
  });
});

describe('checkEvidenceReview', () => {
  it('needs a reason to reject, and reviews only once', () => {
    expect(checkEvidenceReview('SUBMITTED', 'ACCEPTED', null)).toEqual([]);
    expect(checkEvidenceReview('SUBMITTED', 'REJECTED', 'Document is onleesbaar')).toEqual([]);
    expect(checkEvidenceReview('SUBMITTED', 'REJECTED', '  ').map((v) => v.code)).toEqual(['REJECTION_REASON_REQUIRED']);
    expect(checkEvidenceReview('ACCEPTED', 'REJECTED', 'Toch niet goed').map((v) => v.code)).toEqual(['EVIDENCE_ALREADY_REVIEWED']);
  });
});

describe('checkQualityRequirement', () => {
  const base = { type: 'NT2_QUALIFIED_SHARE' as const, title: 'NT2-bevoegd', norm: 'Minimaal 80%', normValue: 80, firstDueOn: '2025-03-31', contractStart: '2025-01-01', contractEnd: '2026-12-31' };

  it('accepts a complete requirement', () => {
    expect(checkQualityRequirement(base)).toEqual([]);
    expect(checkQualityRequirement({ ...base, type: 'VOG_ALL_STAFF', normValue: null })).toEqual([]);
  });

  it('needs a numeric norm where the type has one, and a first due date inside the contract', () => {
    expect(checkQualityRequirement({ ...base, normValue: null }).map((v) => v.code)).toEqual(['REQUIREMENT_NORM_VALUE_REQUIRED']);
    expect(checkQualityRequirement({ ...base, normValue: 120 }).map((v) => v.code)).toEqual(['REQUIREMENT_NORM_VALUE_INVALID']);
    expect(checkQualityRequirement({ ...base, firstDueOn: '2027-01-01', title: ' ' }).map((v) => v.code)).toEqual([
      'REQUIREMENT_TITLE_REQUIRED', 'REQUIREMENT_DUE_OUTSIDE_CONTRACT',
    ]);
  });
});
