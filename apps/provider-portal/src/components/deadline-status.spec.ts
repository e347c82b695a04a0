import { describe, expect, it } from '@jest/globals';
import { badgeStatusFor, deadlineLabelKey } from './deadline-status';

describe('badgeStatusFor', () => {
  it('shows overdue deadlines as danger and met ones as success', () => {
    expect(badgeStatusFor('OVERDUE')).toBe('danger');
    expect(badgeStatusFor('MET')).toBe('success');
    expect(badgeStatusFor('DUE_SOON')).toBe('warning');
  });

  it('has a Dutch label key per status', () => {
    expect(deadlineLabelKey('ON_TIME')).toBe('deadline.ON_TIME');
  });
});
