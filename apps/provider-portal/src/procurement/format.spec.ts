import { describe, expect, it } from '@jest/globals';
import { daysSince, formatMomentDateNl, formatMomentNl, formatOptionalEuroCents } from './format';

describe('procurement formatting', () => {
  it('shows a moment as a Dutch date and time in the Netherlands', () => {
    expect(formatMomentDateNl('2026-11-22T23:30:00Z')).toBe('23-11-2026');
    expect(formatMomentNl('2026-07-01T08:05:00Z')).toBe('1-7-2026 10:05');
  });

  it('counts whole days of waiting, 0 on the day itself', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(daysSince('2026-11-23T06:00:00Z', now)).toBe(0);
    expect(daysSince('2026-11-20T23:30:00Z', now)).toBe(2);
  });

  it('formats money or a dash', () => {
    expect(formatOptionalEuroCents(250_000_000)).toBe('€\u00a02.500.000,00');
    expect(formatOptionalEuroCents(null)).toBe('–');
  });
});
