import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { lotColumns, municipalityShortName, type LotRow } from './lot-columns';

// Echo the key and values, so the test checks which text goes where without the Dutch resource file.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key}:${JSON.stringify(values)}` : key)) as unknown as TFunction;

const lot: LotRow = {
  id: 'lot-1',
  name: 'B1-route Liemerse kavel',
  subject: 'B1',
  periodStart: '2025-01-01',
  periodEnd: '2026-12-31',
  expectedVolumePerYear: 45,
  region: { id: 'r', name: 'Arbeidsmarktregio Midden-Gelderland' },
  providers: [{ id: 'p', name: 'Sagenn' }],
  municipalities: [
    { id: 'm1', name: 'Gemeente Duiven', cbsCode: 'GM0226' },
    { id: 'm2', name: 'Gemeente Westervoort', cbsCode: 'GM0293' },
  ],
};

describe('lotColumns', () => {
  it('shows a provider name, route, municipalities and period in Dutch dates', () => {
    const cells = lotColumns(t, 'provider').map((column) => column.text(lot));
    expect(cells).toEqual(['B1-route Liemerse kavel', 'B1-route', 'Duiven, Westervoort', '1-1-2025 lots.until 31-12-2026']);
  });

  it('adds providers and the expected volume for the region', () => {
    const ids = lotColumns(t, 'region').map((column) => column.id);
    expect(ids).toEqual(['name', 'subject', 'providers', 'municipalities', 'period', 'expectedVolume']);
  });

  it('shortens municipality names only at the start', () => {
    expect(municipalityShortName('Gemeente Mill en Sint Hubert')).toBe('Mill en Sint Hubert');
    expect(municipalityShortName('Arnhem')).toBe('Arnhem');
  });
});
