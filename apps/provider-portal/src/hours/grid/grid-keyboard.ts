import type { KeyboardEvent } from 'react';

const FIELDS = ['planned', 'attended', 'reason'] as const;

/** Moves the focus between the grid's inputs with the arrow keys (and Enter down), like a spreadsheet. */
export function moveFocusInGrid(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  const field = target.dataset.field as (typeof FIELDS)[number] | undefined;
  if (!field || Number.isNaN(row) || Number.isNaN(col)) return;
  const table = event.currentTarget;
  const find = (r: number, c: number, f: string) => table.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"][data-field="${f}"]:not([disabled])`);
  const isSelect = target.tagName === 'SELECT';
  let next: HTMLElement | null = null;
  switch (event.key) {
    case 'ArrowDown':
    case 'Enter':
      if (isSelect && event.key === 'ArrowDown') return;
      next = find(row + 1, col, field);
      break;
    case 'ArrowUp':
      if (isSelect) return;
      next = find(row - 1, col, field);
      break;
    case 'ArrowRight':
    case 'ArrowLeft': {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      const order: [number, string][] = [];
      for (let c = 0; c < 7; c++) for (const f of FIELDS) order.push([c, f]);
      let index = order.findIndex(([c, f]) => c === col && f === field) + step;
      while (index >= 0 && index < order.length && !next) {
        next = find(row, order[index][0], order[index][1]);
        index += step;
      }
      break;
    }
    default:
      return;
  }
  if (next) {
    event.preventDefault();
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
  }
}
