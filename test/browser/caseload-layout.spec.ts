import { logInThroughForm } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('the caseload on a 1,366 px laptop screen', () => {
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

  it('keeps each client’s name level with the rest of its row on a phone', async () => {
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    const table = page.getByRole('table', { name: 'Inburgeraars van Gemeente Arnhem' });
    await table.locator('tbody tr').first().waitFor();
    // Per row: how far the name's first line (the row header) sits below the client number's (the first cell), in px.
    const offsets = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
      const firstLine = (cell: Element) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects()[0]?.top ?? 0;
      };
      return Math.round(firstLine(row.querySelector('th')!) - firstLine(row.querySelector('td')!));
    }));
    expect(offsets.length).toBeGreaterThan(10);
    expect(offsets.filter((offset) => Math.abs(offset) > 4)).toEqual([]);
  });
});
