import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { clickMenu, expectNoAxeViolations, logInThroughForm, saveScreenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { menuLink, usePortal } from './portal-fixture';

const portal = usePortal();

const REASON = 'De datum dagtekening ligt voor de start van de inburgeringsplicht';

/**
 * A refused PIP message for one client of the municipality without DUO history in the demo data (as the send job leaves
 * it after DUO's answer), and one resolved later; with the demo data's own unresolved refusals of Arnhem, newest first.
 */
async function refusedMessages(): Promise<{ clientId: string; clientNumber: number; otherClientNumber: number; zevenaarClientNumber: number; demoRefused: number[] }> {
  const pg = new Client({ connectionString: portal.databaseUrl });
  await pg.connect();
  try {
    const { rows: demo } = await pg.query<{ client_number: number }>(
      `SELECT c.client_number FROM duo_message m JOIN client c ON c.id = m.client_id JOIN organisation o ON o.id = c.municipality_id
        WHERE o.cbs_code = 'GM0202' AND m.status = 'REFUSED' ORDER BY m.seq DESC`,
    );
    const { rows: clients } = await pg.query<{ id: string; municipality_id: string; client_number: number }>(
      `SELECT c.id, c.municipality_id, c.client_number FROM client c JOIN organisation o ON o.id = c.municipality_id
        WHERE o.cbs_code = 'GM0202' AND NOT EXISTS (SELECT 1 FROM duo_message m WHERE m.client_id = c.id) ORDER BY c.client_number LIMIT 2`,
    );
    const { rows: [zevenaar] } = await pg.query<{ id: string; municipality_id: string; client_number: number }>(
      `SELECT c.id, c.municipality_id, c.client_number FROM client c JOIN organisation o ON o.id = c.municipality_id WHERE o.cbs_code = 'GM0299' ORDER BY c.client_number LIMIT 1`,
    );
    const insert = (c: { id: string; municipality_id: string }, kind: string, status: string, errors: string[] | null) => pg.query(
      `INSERT INTO duo_message (municipality_id, client_id, kind, subject_key, status, method, path, body, bericht_id, attempts, http_status, errors, answered_at)
       VALUES ($1, $2, $3, 'PIP', $4, 'POST', '/personen/{bsn}/PIP', '{}'::jsonb, $5, 1, $6, $7::jsonb, now())`,
      [c.municipality_id, c.id, kind, status, randomUUID(), status === 'REFUSED' ? 403 : 201, errors ? JSON.stringify(errors) : null],
    );
    await insert(clients[0], 'PIP_REGISTER', 'REFUSED', [REASON]);
    // The second client's refusal was resolved by a later accepted PIP: not in the list.
    await insert(clients[1], 'PIP_REGISTER', 'REFUSED', ['Oude weigering']);
    await insert(clients[1], 'PIP_CHANGE', 'ACCEPTED', null);
    // Another municipality's refusal: not in Arnhem's list.
    await insert(zevenaar, 'PIP_REGISTER', 'REFUSED', ['Weigering in Zevenaar']);
    return { clientId: clients[0].id, clientNumber: clients[0].client_number, otherClientNumber: clients[1].client_number, zevenaarClientNumber: zevenaar.client_number, demoRefused: demo.map((r) => r.client_number) };
  } finally {
    await pg.end();
  }
}

describe('consulent: Geweigerde DUO-berichten', () => {
  it('lists the municipality\'s unresolved refusals with the reason and what to fix, exports them, and links to the client', async () => {
    const seeded = await refusedMessages();
    const page = await portal.openPortal('/');
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    await clickMenu(page, 'Geweigerde DUO-berichten');
    await page.getByRole('heading', { level: 1, name: 'Geweigerde DUO-berichten' }).waitFor();
    const table = page.getByRole('table', { name: 'Geweigerde berichten aan DUO van uw gemeente' });
    await table.waitFor();
    const rowHeaders = await table.getByRole('rowheader').allInnerTexts();
    expect(seeded.demoRefused).toHaveLength(2);
    expect(rowHeaders).toEqual([seeded.clientNumber, ...seeded.demoRefused].map(String));
    const text = await table.innerText();
    expect(text).toContain('PIP aanleveren');
    expect(text).toContain(REASON);
    expect(text).toContain('Controleer de dagtekening, leerroute en het niveau van het PIP');
    expect(text).not.toContain('Oude weigering');
    expect(text).not.toContain('Weigering in Zevenaar');
    // At 390 px the page's own content fits, and the messages are cards: their box has nothing to scroll, so it is no keyboard stop.
    const box = page.getByRole('region', { name: 'Geweigerde berichten' });
    expect(await box.evaluate((el) => ({ scrolls: el.scrollWidth - el.clientWidth, tabStop: el.getAttribute('tabindex') }))).toEqual({ scrolls: 0, tabStop: null });
    const wide = await page.evaluate(() => Array.from(document.querySelectorAll('main, main > *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    expect(wide).toEqual([]);
    await saveScreenshot(page, 'duo-refused');
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren naar CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^duo-geweigerd-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Klantnummer;Bericht;Geweigerd op;Reden;Wat moet u doen');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(REASON);

    await table.getByRole('link', { name: `Inburgeraar met klantnummer ${seeded.clientNumber}` }).click();
    await page.waitForURL(`**/inburgeraar?id=${seeded.clientId}`);
    await page.getByRole('heading', { level: 2, name: 'DUO-berichten' }).waitFor();
    await page.getByRole('table', { name: 'Berichten aan DUO over deze inburgeraar' }).getByText(REASON).waitFor();
  });
});

describe('functioneel beheer: DUO-koppeling', () => {
  it('sets a municipality\'s link with field-level errors in Dutch, keeps it off until switched on, and shows it again after a reload', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'beheer@midden-gelderland.demo.nl', DEMO_PASSWORD);
    await clickMenu(page, 'DUO-koppeling');
    await page.getByRole('heading', { level: 1, name: 'DUO-koppeling' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Arnhem' });
    const form = page.getByRole('form', { name: 'DUO-koppeling van de gemeente' });
    await form.getByText('Deze gemeente heeft nog geen DUO-koppeling.').waitFor();
    await form.getByLabel('OIN van de gemeente').fill('1234');
    await form.getByLabel('OIN van DUO').fill('00000001800866472000');
    await form.getByLabel('Adres van DUO').fill('http://duo.example.nl/v1');
    await form.getByLabel('Certificaat').fill('/etc/duo/arnhem.pem');
    await form.getByLabel('Sleutel').fill('/etc/duo/arnhem.key');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Het OIN van de gemeente bestaat uit 20 cijfers.').first().waitFor();
    expect(await form.innerText()).toContain('De basis-URL van DUO begint met https://.');
    await expectNoAxeViolations(page);

    await form.getByLabel('OIN van de gemeente').fill('00000001002220647000');
    await form.getByLabel('Adres van DUO').fill('https://duo.example.nl/v1');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('De koppeling is opgeslagen en staat uit.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'DUO-koppeling' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Arnhem' });
    await page.waitForFunction(() => (document.getElementById('duolink-municipalityOin') as HTMLInputElement | null)?.value === '00000001002220647000');
    expect(await page.getByLabel('Koppeling aan: berichten gaan naar DUO').isChecked()).toBe(false);
  });

  it('is not in the consultant\'s menu', async () => {
    const page = await portal.openPortal('/');
    await logInThroughForm(page, 'consulent@arnhem.demo.nl', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Inburgeraars' }).waitFor();
    expect(await menuLink(page, 'DUO-koppeling').count()).toBe(0);
  });
});
