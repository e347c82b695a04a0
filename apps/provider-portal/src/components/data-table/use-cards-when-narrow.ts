import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Below this box width (a phone) a stacking table is always cards, however few its columns. */
const PHONE_WIDTH_REM = 36;
/** Below this box width (a tablet held upright) it is cards when its columns do not fit; wider, a table that scrolls. */
const TABLET_WIDTH_REM = 60;

/**
 * Whether a table that stacks shows as cards: in a box narrower than a phone's 36rem, and in a box up to a tablet's 60rem
 * where its columns do not fit (the caseload's eleven columns at 768 px), so its last columns do not hide behind a
 * sideways scroll. On a wider screen it stays a table (a long list of cards is slower to scan on a laptop). It turns back
 * into a table once the box is as wide as the table needed. Measured before the browser paints, and again as the box or
 * its table changes size (the screen turned, rows paged).
 */
export function useCardsWhenNarrow(box: HTMLElement | null, stacks: boolean): boolean {
  const [cards, setCards] = useState(false);
  const shownAsCards = useRef(false);
  const tableWidth = useRef(0);
  const measure = useCallback(() => {
    if (!box) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const phone = box.clientWidth < PHONE_WIDTH_REM * rem;
    const tablet = box.clientWidth < TABLET_WIDTH_REM * rem;
    let next: boolean;
    if (shownAsCards.current) {
      next = phone || (tablet && box.clientWidth < tableWidth.current);
    } else {
      next = phone || (tablet && box.scrollWidth > box.clientWidth);
      if (next) tableWidth.current = box.scrollWidth;
    }
    shownAsCards.current = next;
    setCards(next);
  }, [box]);
  useLayoutEffect(() => {
    if (!box || !stacks) return undefined;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [box, stacks, measure]);
  return stacks && cards;
}
