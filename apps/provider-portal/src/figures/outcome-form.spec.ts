import { describe, expect, it } from '@jest/globals';
import { parseOutcome } from './outcome-form';

describe('parseOutcome', () => {
  it('reads the kind and a Dutch date', () => {
    expect(parseOutcome('c1', { kind: 'WORK', achievedOn: '3-2-2026' }, 'key-12345')).toEqual({
      input: { clientId: 'c1', kind: 'WORK', achievedOn: '2026-02-03', idempotencyKey: 'key-12345' }, problems: [],
    });
  });

  it('names each field that is missing or wrong', () => {
    expect(parseOutcome('c1', { kind: '', achievedOn: '31-2-2026' }, 'key-12345')).toEqual({
      input: null, problems: [['kind', 'choose'], ['achievedOn', 'invalidDate']],
    });
  });
});
