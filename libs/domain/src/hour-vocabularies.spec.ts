import { DECIDED_IMPORT_BATCH_STATUSES, HOUR_REGISTRATION_PLACEMENT_STATUSES, IMPORT_BATCH_STATUSES, isHourDateInRange } from './hour-vocabularies';
import { PROVIDER_VISIBLE_CLIENT_STATUSES } from './placement-rules';

describe('hour vocabularies', () => {
  // Wet inburgering 2021 (in force 1 January 2022): hours are registered for accepted, started and ended placements.
  it('registers hours only on placements the provider may see the client of', () => {
    for (const status of HOUR_REGISTRATION_PLACEMENT_STATUSES) expect(PROVIDER_VISIBLE_CLIENT_STATUSES).toContain(status);
  });

  // Import report: a decided batch is never run again; a failed one may be retried.
  it('treats FAILED as not decided', () => {
    expect(DECIDED_IMPORT_BATCH_STATUSES.every((s) => IMPORT_BATCH_STATUSES.includes(s))).toBe(true);
    expect(DECIDED_IMPORT_BATCH_STATUSES).not.toContain('FAILED');
  });

  // Guard before date arithmetic: year 1 and year 9999 are typos, not weeks.
  it('accepts hour dates from 2000 to 2100 only', () => {
    expect(isHourDateInRange('2026-01-05')).toBe(true);
    expect(isHourDateInRange('0001-01-01')).toBe(false);
    expect(isHourDateInRange('9999-12-31')).toBe(false);
    expect(isHourDateInRange('31-01-2026')).toBe(false);
  });
});
