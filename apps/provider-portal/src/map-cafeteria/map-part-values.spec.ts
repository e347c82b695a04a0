import { describe, expect, it } from '@jest/globals';
import { EMPTY_MAP_PART, parseMapPart } from './map-part-values';

describe('parseMapPart', () => {
  it('reads hours with a decimal comma and a price in euros', () => {
    expect(parseMapPart({ ...EMPTY_MAP_PART, name: 'Sollicitatietraining', hours: '2,5', price: '1.250,00', themes: ['WERK_VINDEN'] }).input)
      .toEqual({ name: 'Sollicitatietraining', description: '', minutes: 150, priceCents: 125000, themes: ['WERK_VINDEN'], practical: false, active: true });
  });
  it('leaves empty hours and price to the API (which names every missing field at once)', () => {
    expect(parseMapPart(EMPTY_MAP_PART).input).toMatchObject({ minutes: 0, priceCents: 0 });
  });
  it('names the fields it cannot read', () => {
    expect(parseMapPart({ ...EMPTY_MAP_PART, hours: 'veel', price: 'gratis' }).problems).toEqual([['minutes', 'invalidHours'], ['priceCents', 'invalidAmount']]);
  });
});
