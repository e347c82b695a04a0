import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
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

  it('refuses a file under another name before reading it, even one over the size limit', async () => {
    // 30 MB streamed in 1 MB pieces: the answer comes while the client is still sending (the file is never read whole).
    const boundary = 'grens';
    const piece = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="a.csv"\r\n\r\n`));
      },
      pull(controller) {
        if (sent === 30) {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent += 1;
        controller.enqueue(piece);
      },
    });
    const response = await fetch(`${platform.url}/api/hours/imports`, {
      method: 'POST',
      headers: { cookie: provider.lastSetCookie!.split(';')[0], 'x-requested-with': 'fetch', 'idempotency-key': randomUUID(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const answeredAfter = sent;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST', message: NOT_RECEIVED, fields: [{ field: 'file' }] });
    expect(answeredAfter).toBeLessThan(30);
  });

  it('answers a form cut off inside a refused file, and keeps answering', async () => {
    // The body ends (as its length says) in the middle of a file under another name, without the closing boundary.
    const body = '--grens\r\nContent-Disposition: form-data; name="bestand"; filename="a.csv"\r\n\r\nabc';
    const { port } = new URL(platform.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/hours/imports HTTP/1.1\r\nHost: x\r\ncookie: ${provider.lastSetCookie!.split(';')[0]}\r\nx-requested-with: fetch\r\n` +
            `idempotency-key: ${randomUUID()}\r\ncontent-type: multipart/form-data; boundary=grens\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
      });
      socket.once('data', (data) => {
        resolve(String(data).split('\r\n')[0]);
        socket.destroy();
      });
      socket.on('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${platform.url}/health/live`)).status).toBe(200);
  });

  it('takes the mode from the form and the file from its field', async () => {
    const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv([{ clientNumber: 1, date: '2026-11-02', category: 'TAAL', planned: '3', attended: '3' }]), 'DRY_RUN', randomUUID());
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ filename: 'uren.csv', mode: 'DRY_RUN' });
  });
});
