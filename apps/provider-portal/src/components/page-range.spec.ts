import { describe, expect, it } from '@jest/globals';
import { pageCount, pageRange } from './page-range';

describe('pageRange', () => {
  it('describes the first and the last page of 90 rows per 50', () => {
    expect(pageRange(0, 50, 90)).toEqual({ from: 1, to: 50, total: 90 });
    expect(pageRange(50, 50, 90)).toEqual({ from: 51, to: 90, total: 90 });
    expect(pageCount(50, 90)).toBe(2);
  });

  it('handles an empty result', () => {
    expect(pageRange(0, 50, 0)).toEqual({ from: 0, to: 0, total: 0 });
    expect(pageCount(50, 0)).toBe(1);
  });
});
