import { TableContainer } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useCardsWhenNarrow } from './use-cards-when-narrow';

type ScrollRegionProps = {
  children: ReactNode;
  /** The table inside stacks into cards where it does not fit (a phone, a tablet for a wide table): see useCardsWhenNarrow. */
  stacks?: boolean;
} & ({ labelledBy: string; label?: never } | { label: string; labelledBy?: never });

/**
 * A named box around a table that scrolls sideways when the table is wider than the screen. It is a keyboard stop only
 * while it scrolls (so the arrow keys can move it, WCAG 2.1.1); a table that fits, or stacks into cards, adds
 * no empty stop to the tab order.
 */
export function ScrollRegion({ children, label, labelledBy, stacks = false }: ScrollRegionProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const scrolls = useScrollsSideways(box);
  const cards = useCardsWhenNarrow(box, stacks);
  return (
    <TableContainer ref={setBox} role="region" aria-label={label} aria-labelledby={labelledBy} className={cards ? 'portal-table-cards' : undefined} {...(scrolls ? { tabIndex: 0 } : {})}>
      {children}
    </TableContainer>
  );
}

/** Whether the box is narrower than its content, followed as the box or its table changes size (screen turned, rows paged). */
function useScrollsSideways(box: HTMLElement | null): boolean {
  const [scrolls, setScrolls] = useState(false);
  const measure = useCallback(() => {
    if (box) setScrolls(box.scrollWidth > box.clientWidth);
  }, [box]);
  useEffect(() => {
    if (!box) return undefined;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [box, measure]);
  return scrolls;
}
