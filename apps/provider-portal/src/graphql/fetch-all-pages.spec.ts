import { describe, expect, it } from '@jest/globals';
import { fetchAllPages } from './fetch-all-pages';

describe('fetchAllPages', () => {
  it('fetches page after page until the total, for an export of the whole list', async () => {
    const all = Array.from({ length: 1614 }, (_, i) => i);
    const asked: number[] = [];
    const rows = await fetchAllPages(async (offset, limit) => {
      asked.push(offset);
      return { items: all.slice(offset, offset + limit), total: all.length };
    }, 200);
    expect(rows).toEqual(all);
    expect(asked).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600]);
  });

  it('stops at an empty page when the list shrank meanwhile', async () => {
    const rows = await fetchAllPages(async (offset) => ({ items: offset === 0 ? [1, 2] : [], total: 5 }), 2);
    expect(rows).toEqual([1, 2]);
  });
});
