import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { lotCapacityColumns } from './capacity-columns';

const t = ((key: string) => key) as unknown as TFunction;

describe('the occupancy column', () => {
  const column = lotCapacityColumns(t).find((c) => c.id === 'occupancy')!;
  const row = (occupancyPercent: number | null) => ({ occupancyPercent }) as Parameters<NonNullable<typeof column.text>>[0];

  it('shows "0%" when nothing is occupied, not "%"', () => {
    expect(column.text!(row(0))).toBe('0%');
  });

  it('shows whole percentages with their zeros and a dash without seats', () => {
    expect(column.text!(row(10))).toBe('10%');
    expect(column.text!(row(100))).toBe('100%');
    expect(column.text!(row(null))).toBe('–');
  });
});
