import { describe, expect, it } from '@jest/globals';
import { periodSelectOptions } from './figure-period';

describe('periodSelectOptions', () => {
  it('offers the whole term, this year and the recent quarters', () => {
    expect(periodSelectOptions('2026-12-01', '').slice(0, 4)).toEqual([
      { value: '', label: 'Heel de looptijd' }, { value: '2026', label: 'Dit jaar (2026)' }, { value: '2026-K4', label: '2026 K4' }, { value: '2026-K3', label: '2026 K3' },
    ]);
  });
  it('adds the period a shared link names when it is no longer among the recent ones', () => {
    expect(periodSelectOptions('2026-12-01', '2024-K2').at(-1)).toEqual({ value: '2024-K2', label: '2024 K2' });
    expect(periodSelectOptions('2026-12-01', '2026-K3').filter((o) => o.value === '2026-K3')).toHaveLength(1);
  });
});
