import { randomUUID } from 'node:crypto';
import { ImportBatchesDocument } from '@inburgering/contracts';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// The hours upload reads its multipart form itself (common/read-upload.ts): every malformed form answers on the field
// `file` in Dutch, and none of them leaves a batch behind.
let platform: TestPlatform;
let provider: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(() => platform.close());

const csv = () => new Blob([hoursCsv([{ clientNumber: 1, date: '2026-11-02', category: 'TAAL', planned: '3', attended: '3' }])]);

async function post(body: FormData | string, contentType?: string) {
  const response = await fetch(`${platform.url}/api/hours/imports`, {
    method: 'POST',
    headers: { cookie: provider.lastSetCookie!.split(';')[0], 'x-requested-with': 'fetch', 'idempotency-key': randomUUID(), ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { code: string; message: string; fields: { field: string }[] } };
}

const batches = async () => (await provider.ok(ImportBatchesDocument, { limit: 50, offset: 0 })).importBatchPage.total;

const NOT_RECEIVED = 'Het bestand kon niet worden ontvangen. Kies één CSV- of XLSX-bestand en probeer het opnieuw.';

describe('hours upload, malformed forms', () => {
  it('refuses two files, a file under another name, too many fields and a body that is not a form, and keeps no batch', async () => {
    const before = await batches();
    const two = new FormData();
    two.append('mode', 'DRY_RUN');
    two.append('file', csv(), 'a.csv');
    two.append('file', csv(), 'b.csv');
    const elsewhere = new FormData();
    elsewhere.append('mode', 'DRY_RUN');
    elsewhere.append('bestand', csv(), 'a.csv');
    const crowded = new FormData();
    for (let i = 0; i < 6; i += 1) crowded.append(`veld${i}`, 'x');
    crowded.append('file', csv(), 'a.csv');
    for (const [body, contentType] of [[two], [elsewhere], [crowded], [JSON.stringify({ mode: 'DRY_RUN' }), 'application/json']] as [FormData | string, string?][]) {
      const answer = await post(body, contentType);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'BAD_REQUEST', message: NOT_RECEIVED, fields: [{ field: 'file' }] });
    }
    expect(await batches()).toBe(before);
  });

  it('refuses a file over 20 MB with the tip to split it, and keeps no batch', async () => {
    const before = await batches();
    const big = new FormData();
    big.append('mode', 'DRY_RUN');
    big.append('file', new Blob([Buffer.alloc(20 * 1024 * 1024 + 1, 'a')]), 'groot.csv');
    const answer = await post(big);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'Het bestand is te groot; het mag maximaal 20 MB zijn. Splits het bestand, bijvoorbeeld per maand.' });
    expect(await batches()).toBe(before);
  });

  it('takes the mode from the form and the file from its field', async () => {
    const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv([{ clientNumber: 1, date: '2026-11-02', category: 'TAAL', planned: '3', attended: '3' }]), 'DRY_RUN', randomUUID());
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ filename: 'uren.csv', mode: 'DRY_RUN' });
  });
});
