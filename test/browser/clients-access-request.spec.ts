// Issue 14, AVG art. 15: a consultant produces a client's access request from the client page.
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, logInAndOpen } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { usePortal } from './portal-fixture';

const portal = usePortal();

describe('inzageverzoek (consulent)', () => {
  it('downloads everything held on the client as a tagged PDF and as JSON, and the download is in the log', async () => {
    const [client] = await portal.query<{ id: string; first_name: string }>(
      `SELECT c.id, c.first_name FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.name = 'Gemeente Arnhem' ORDER BY c.client_number LIMIT 1`,
    );
    const page = await logInAndOpen(await portal.openPortal('/'), portal.url, 'consulent@arnhem.demo.nl', DEMO_PASSWORD, `/inburgeraar?id=${client.id}`);
    const section = page.getByRole('region', { name: 'Inzageverzoek (AVG art. 15)' });
    await section.waitFor();
    await expectNoAxeViolations(page);
    const [pdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Inzageverzoek als PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('inzageverzoek.pdf');
    const bytes = readFileSync((await pdf.path())!).toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('/MarkInfo');
    const [json] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Inzageverzoek als JSON (machineleesbaar)' }).click()]);
    const body = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { client: { firstName: string }; processingLog: { purpose: string }[] };
    expect(body.client.firstName).toBe(client.first_name);
    // The PDF's making was logged before the JSON was made, so the JSON shows it.
    expect(body.processingLog.filter((l) => l.purpose.includes('AVG art. 15')).length).toBeGreaterThanOrEqual(2);
  });
});
