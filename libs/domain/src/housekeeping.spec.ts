import { housekeepingCutoffs } from './housekeeping';

describe('housekeepingCutoffs', () => {
  it('counts each kind of record back from the run date', () => {
    expect(housekeepingCutoffs('2026-12-01')).toEqual({
      completedOutboxMessage: '2026-11-01',
      failedOutboxMessage: '2026-09-02',
      jobExecution: '2026-09-02',
      expiredSession: '2026-11-24',
      importFileContent: '2026-09-02',
    });
  });
});
