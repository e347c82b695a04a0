import { describe, expect, it } from '@jest/globals';
import { centsToInput, parseEuroToCents } from './money';

describe('euro amounts', () => {
  it.each([
    ['1.234,56', 123_456],
    ['€ 1234,5', 123_450],
    ['2.500.000', 250_000_000],
    ['10000', 1_000_000],
    [' 0,99 ', 99],
  ])('reads %p as %p cents', (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it.each(['', 'tien', '1,234', '12.34', '-5', '1.23,00'])('refuses %p', (input) => {
    expect(parseEuroToCents(input)).toBeNull();
  });

  it('writes cents back for an input', () => {
    expect(centsToInput(123_456)).toBe('1234,56');
    expect(centsToInput(null)).toBe('');
  });
});
