import { formatDateNl, formatEuroCentsNl, formatHoursNl, formatPercentNl } from './format-nl';

describe('Dutch formatting', () => {
  it('shows dates as d-M-yyyy', () => {
    expect(formatDateNl('2025-01-01')).toBe('1-1-2025');
    expect(formatDateNl('2028-12-31')).toBe('31-12-2028');
    expect(() => formatDateNl('1-1-2025')).toThrow(RangeError);
  });

  it('shows minutes as hours with a decimal comma', () => {
    expect(formatHoursNl(90)).toBe('1,5');
    expect(formatHoursNl(600)).toBe('10');
    expect(formatHoursNl(50)).toBe('0,83');
    expect(formatHoursNl(47_970)).toBe('799,5');
    expect(formatHoursNl(0)).toBe('0');
  });

  it('shows percentages and money the Dutch way', () => {
    expect(formatPercentNl(82.25)).toBe('82,3%');
    expect(formatPercentNl(80)).toBe('80%');
    // Nothing occupied is "0%", not "%"; whole tens keep their zero.
    expect(formatPercentNl(0, 0)).toBe('0%');
    expect(formatPercentNl(0)).toBe('0%');
    expect(formatPercentNl(10, 0)).toBe('10%');
    expect(formatPercentNl(100, 0)).toBe('100%');
    expect(formatPercentNl(20.04)).toBe('20%');
    expect(formatEuroCentsNl(123_456)).toBe('€\u00a01.234,56');
    expect(formatEuroCentsNl(5)).toBe('€\u00a00,05');
    expect(formatEuroCentsNl(1_234_567_890)).toBe('€\u00a012.345.678,90');
    expect(formatEuroCentsNl(-100)).toBe('-€\u00a01,00');
    expect(() => formatEuroCentsNl(1.5)).toThrow(RangeError);
  });
});
