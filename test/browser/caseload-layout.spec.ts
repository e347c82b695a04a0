import { expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('the caseload on a laptop, a tablet and a phone', () => {
  it('shows every column without scrolling sideways', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 1366, height: 768 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.waitFor();
    const region = page.getByRole('region', { name: 'Inburgeraars van Gemeente Arnhem' });
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const lastHeader = table.getByRole('columnheader').last();
    const box = await lastHeader.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  });

  it('shows every client when the address carries filter values the page does not offer', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ state: 'attached' });
    await page.goto(`${portal.url}/inburgeraars?termijn=XYZ&plaatsing=%3Cscript%3E`);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.locator('tbody tr').first().waitFor();
    expect(await page.getByText('De gegevens konden niet worden geladen').count()).toBe(0);
    expect(await page.getByLabel('Termijnen').inputValue()).toBe('');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
  });

  it("makes the table's box a keyboard stop only while it scrolls sideways", async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 1366, height: 768 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' }).locator('tbody tr').first().waitFor();
    const region = page.getByRole('region', { name: 'Inburgeraars van Gemeente Arnhem' });
    const tabStop = () => region.evaluate((el) => el.getAttribute('tabindex'));
    const becomes = (value: string | null) =>
      page.waitForFunction((want) => document.querySelector('.portal-data-table [role="region"]')?.getAttribute('tabindex') === want, value);
    // It fits on a laptop: tabbing from the last sort button leaves the table, not stops at its box.
    expect(await tabStop()).toBeNull();
    // On a tablet held sideways the table is wider than its box: the box takes focus and the arrow keys scroll it.
    await page.setViewportSize({ width: 1024, height: 768 });
    await becomes('0');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.querySelector('.portal-data-table [role="region"]')?.scrollLeft ?? 0) > 0);
    // On a phone the rows are cards: nothing to scroll, no stop.
    await page.setViewportSize({ width: 390, height: 844 });
    await becomes(null);
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });

  it('shows each client as a card on a tablet held upright, where the eleven columns do not fit, and a table again held sideways', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 768, height: 1024 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.locator('tbody tr').first().waitFor();
    const region = page.getByRole('region', { name: 'Inburgeraars van Gemeente Arnhem' });
    // Nothing hides past the box's edge: the most urgent deadline of the first client is on the screen, beside its label.
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await region.getAttribute('tabindex')).toBeNull();
    const urgent = table.locator('tbody tr').first().locator('[data-label="Dringendste termijn"]');
    expect(await urgent.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Dringendste termijn" / ""');
    const box = await urgent.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(768);
    // Its kind, date and badge start at the same left edge (the badge used to sit indented under the date, after the kind).
    const lefts = await urgent.locator('.portal-data-table__value').evaluate((value) => {
      const badge = value.querySelector('.utrecht-status-badge')!;
      return [value.getBoundingClientRect().left, badge.getBoundingClientRect().left].map(Math.round);
    });
    expect(lefts[1]).toBe(lefts[0]);
    expect(await table.getByRole('columnheader', { includeHidden: false }).count()).toBe(11);
    await saveScreenshot(page, 'caseload-768');
    await expectNoAxeViolations(page);
    // Turned sideways (1024 px) it is a table again, its column headers in one row.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForFunction(() => !document.querySelector('.portal-table-cards'));
    const headerTops = await table.getByRole('columnheader').evaluateAll((cells) => new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().top))).size);
    expect(headerTops).toBe(1);
  });

  it('shows each client as a card of labelled lines on a phone, still a table for screen readers, sortable', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.locator('tbody tr').first().waitFor();
    // Nothing to scroll sideways: the box is as wide as its content.
    const region = page.getByRole('region', { name: 'Inburgeraars van Gemeente Arnhem' });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // Each card: its lines one below the other, each label left of its value and on the same line.
    const cards = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
      const lines = Array.from(row.children).map((cell) => {
        const label = getComputedStyle(cell, '::before').content;
        const value = cell.firstElementChild!.getBoundingClientRect();
        return { label, top: Math.round(cell.getBoundingClientRect().top), valueTop: Math.round(value.top), valueLeft: Math.round(value.left), right: Math.round(value.right) };
      });
      return { lines, ascending: lines.every((line, i) => i === 0 || line.top > lines[i - 1].top) };
    }));
    expect(cards.length).toBeGreaterThan(10);
    expect(cards.filter((card) => !card.ascending)).toEqual([]);
    const first = cards[0].lines;
    expect(first.map((line) => line.label)).toEqual([
      'Klantnummer', 'Naam', 'Geboortedatum', 'Doelgroep', 'Route', 'Niveau', 'BSN', 'PIP uiterlijk', 'Einde inburgeringstermijn', 'Plaatsing', 'Dringendste termijn',
    ].map((label) => `"${label}" / ""`));
    expect(new Set(first.map((line) => line.valueLeft)).size).toBe(1);
    expect(first.filter((line) => Math.abs(line.valueTop - line.top) > 4 || line.right > 390)).toEqual([]);
    // Screen readers meet the same table: its column headers, and names without the visible labels.
    expect(await table.getByRole('columnheader', { includeHidden: false }).count()).toBe(11);
    const names = await table.getByRole('rowheader').allInnerTexts();
    await table.getByRole('rowheader', { name: names[0], exact: true }).waitFor();
    expect(await table.getByRole('cell', { name: /^\*+\d{3}$/ }).count()).toBe(names.length);
    // Sorting from the row of buttons above the cards.
    const bornOn = async () => (await table.locator('tbody [data-label="Geboortedatum"]').allInnerTexts())
      .map((d) => d.trim().split('-').reverse().map((part) => part.padStart(2, '0')).join('-'));
    const before = await bornOn();
    await table.getByRole('button', { name: 'Geboortedatum' }).click();
    const after = await bornOn();
    expect(after).toEqual([...before].sort());
    expect(after).not.toEqual(before);
    await saveScreenshot(page, 'caseload-390');
    await expectNoAxeViolations(page);
  });
});
