// The fake DUO that ships with the demo (`npm start -- --fake-duo`), started the way scripts/start.mjs starts it: the
// certificates are made by the CLI on first use, the API's notification port uses them, the link is switched on by the
// region's administrator with the values the CLI prints, and the demo's control port makes DUO send a notification.
import { ConfigureDuoLinkDocument, DuoMessagesDocument, RegisterClientDocument } from '@inburgering/contracts';
import { duoEventRule } from '@inburgering/domain';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { listenForDuoNotifications } from '../../apps/api/src/duo';
import type { DemoFakeDuoSettings } from '../support/fake-duo';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { clientWithPip } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const root = join(__dirname, '../..');
const cli = ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/cli/fake-duo.ts')];

let dir: string;
let settings: DemoFakeDuoSettings;
let platform: TestPlatform;
let listener: Server;
let fake: ChildProcess;
let running: { url: string; controlUrl: string };
let pg: Client;
let consultant: GraphqlSession;

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'demo-fake-duo-')), 'fake-duo');
  // As start.mjs: the certificates first (made once), their settings as JSON.
  settings = JSON.parse(execFileSync(process.execPath, [...cli, '--prepare', '--dir', dir], { cwd: root, encoding: 'utf8' })) as DemoFakeDuoSettings;
  expect(existsSync(settings.link.certPath)).toBe(true);
  platform = await startTestPlatform({ worker: true, config: { duoNotificationCertFingerprints: settings.apiEnv.DUO_NOTIFICATION_CERT_FINGERPRINTS.split(',') } });
  // The API's notification port with DUO_NOTIFY_CERT/KEY/CA from those settings (as main.ts does).
  listener = await listenForDuoNotifications(platform.httpHandler, {
    port: 0, host: '127.0.0.1', certPath: settings.apiEnv.DUO_NOTIFY_CERT, keyPath: settings.apiEnv.DUO_NOTIFY_KEY, caPath: settings.apiEnv.DUO_NOTIFY_CA,
  });
  const notifyUrl = `https://127.0.0.1:${(listener.address() as AddressInfo).port}/duo/v1/notificaties`;
  fake = spawn(process.execPath, [...cli, '--dir', dir, '--port', '0', '--control-port', '0', '--notify-url', notifyUrl, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: fake.stdout! }).once('line', resolve);
    fake.once('exit', (code) => reject(new Error(`nep-DUO stopte (${code})`)));
  });
  running = JSON.parse(firstLine) as typeof running;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
}, 90_000);

afterAll(async () => {
  if (fake && fake.exitCode === null) {
    const exited = new Promise((resolve) => fake.once('exit', resolve));
    fake.kill('SIGTERM');
    await exited;
  }
  listener?.closeAllConnections();
  await new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
  await pg?.end();
  await platform?.close();
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('the demo fake DUO (npm start -- --fake-duo)', () => {
  it('makes its certificates once: a second start keeps the same ones (the link page stores their paths)', () => {
    const again = JSON.parse(execFileSync(process.execPath, [...cli, '--prepare', '--dir', dir], { cwd: root, encoding: 'utf8' })) as DemoFakeDuoSettings;
    expect(again).toEqual(settings);
  });

  it('accepts the PIP once the administrator switched the link on with the printed values, and its notification reaches the client with a signal', async () => {
    const arnhemId = (await pg.query<{ id: string }>(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
    const admin = await loginAs(platform.url, 'beheer@midden-gelderland.demo.nl');
    await admin.ok(ConfigureDuoLinkDocument, { input: { municipalityId: arnhemId, enabled: true, baseUrl: running.url, ...settings.link } });

    const input = clientWithPip(951, { pipMonthsAgo: 2 });
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input });
    const [pip] = await waitFor('PIP geaccepteerd door de nep-DUO', async () => {
      const { duoMessages } = await consultant.ok(DuoMessagesDocument, { clientId: registerClient.id });
      return duoMessages.length === 1 && duoMessages[0].status === 'ACCEPTED' ? duoMessages : undefined;
    }, 60_000);
    expect(pip).toMatchObject({ kind: 'PIP_REGISTER', status: 'ACCEPTED', errors: [] });

    const answer = await fetch(`${running.controlUrl}/notificaties`, { method: 'POST', body: JSON.stringify({ bsn: input.bsn, gebeurtenisId: 'SS199' }) });
    expect(await answer.json()).toEqual({ platformStatus: 201 });
    const signals = await waitFor('signaal van de examenuitslag', async () => {
      const { signals: page } = await consultant.ok<{ signals: { items: { message: string; subjectId: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["DUO_EVENT"], limit: 50) { items { message subjectId } } }`);
      const mine = page.items.filter((s) => s.subjectId === registerClient.id);
      return mine.length > 0 ? mine : undefined;
    });
    expect(signals.map((s) => s.message)).toEqual([`${duoEventRule('SS199').signal} (klantnummer ${registerClient.clientNumber}, gebeurtenis SS199)`]);
    const { rows } = await pg.query<{ exam_results: unknown[] }>(`SELECT exam_results FROM duo_client_state WHERE client_id = $1`, [registerClient.id]);
    expect(rows[0].exam_results).toEqual([expect.objectContaining({ onderdeel: 'LZ', niveau: 'B1', resultaat: 'Geslaagd' })]);
  });

  it('refuses a notification for a person it has had no message about', async () => {
    const answer = await fetch(`${running.controlUrl}/notificaties`, { method: 'POST', body: JSON.stringify({ bsn: '999999990', gebeurtenisId: 'SS199' }) });
    expect(answer.status).toBe(404);
  });
});
