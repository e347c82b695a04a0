import { describe, expect, it } from '@jest/globals';
import { datedFileName } from './dated-file-name';

describe('datedFileName', () => {
  it('dates an export at half past midnight in Amsterdam with that day, not with the day before in UTC', () => {
    expect(datedFileName('inburgeraars', 'csv', new Date('2026-12-03T23:30:00Z'))).toBe('inburgeraars-2026-12-04.csv');
    // Summer time: 00:30 in Amsterdam is 22:30 UTC.
    expect(datedFileName('facturen', 'xlsx', new Date('2026-07-14T22:30:00Z'))).toBe('facturen-2026-07-15.xlsx');
    expect(datedFileName('facturen', 'xlsx', new Date('2026-07-14T21:59:00Z'))).toBe('facturen-2026-07-14.xlsx');
  });
});
