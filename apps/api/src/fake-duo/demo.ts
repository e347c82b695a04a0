// The fake DUO as the demo runs it (`npm start -- --fake-duo`): certificates kept in .data/fake-duo, every municipality
// OIN accepted, unknown persons enrolled on their first message, and a small control port on 127.0.0.1 through which the
// demo makes DUO send a notification (with the data that goes with it, so the platform's fetch finds something).
import { addMonths, addYears } from '@inburgering/domain';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DUO_OIN, ensureDemoCertificates, FakeDuo, type FakePerson, type TestCertificates } from './fake-duo';

/** Arnhem's OIN in the demo: any 20 digits will do, the demo fake DUO knows every municipality. */
export const DEMO_MUNICIPALITY_OIN = '00000001002220647000';
/** Since when a person DUO did not know yet is obligated in the demo (the Wet inburgering 2021 took effect). */
const DEMO_OBLIGATION_START = '2022-01-01';

/** What the API needs to accept the demo fake DUO's notifications (DUO_NOTIFY_*), and what the link page needs. */
export interface DemoFakeDuoSettings {
  /** Environment for the API's notification listener (mutual TLS), without the port. */
  apiEnv: { DUO_NOTIFY_CERT: string; DUO_NOTIFY_KEY: string; DUO_NOTIFY_CA: string; DUO_NOTIFICATION_CERT_FINGERPRINTS: string };
  /** The values to set on /duo/koppeling (the base URL only once the fake listens). */
  link: { municipalityOin: string; duoOin: string; certPath: string; keyPath: string; caPath: string };
}

/** Makes the certificates on first use and returns the settings that go with them. */
export function demoFakeDuoSettings(dataDir: string): DemoFakeDuoSettings {
  const certs = ensureDemoCertificates(dataDir);
  return settingsOf(certs);
}

function settingsOf(certs: TestCertificates): DemoFakeDuoSettings {
  return {
    apiEnv: {
      DUO_NOTIFY_CERT: certs.serverCertPath,
      DUO_NOTIFY_KEY: certs.serverKeyPath,
      DUO_NOTIFY_CA: certs.caPath,
      DUO_NOTIFICATION_CERT_FINGERPRINTS: new X509Certificate(readFileSync(certs.duoClientCertPath)).fingerprint256,
    },
    link: { municipalityOin: DEMO_MUNICIPALITY_OIN, duoOin: DUO_OIN, certPath: certs.clientCertPath, keyPath: certs.clientKeyPath, caPath: certs.caPath },
  };
}

export interface DemoFakeDuoOptions {
  dataDir: string;
  /** DUO's port (0: any free one); keep it fixed in the demo, the link page stores the URL. */
  port: number;
  /** The control port on 127.0.0.1 (0: any free one). */
  controlPort: number;
  /** The platform's notification endpoint, e.g. https://127.0.0.1:3444/duo/v1/notificaties. */
  notifyUrl: string;
}

export interface RunningDemoFakeDuo {
  duo: FakeDuo;
  /** DUO's base URL (for the link page). */
  url: string;
  /** The control endpoint: POST {bsn, gebeurtenisId} to /notificaties. */
  controlUrl: string;
  settings: DemoFakeDuoSettings;
  stop(): Promise<void>;
}

/** Demo data that DUO "has" when it sends the event, so that the platform's fetch after the notification finds it. */
function prepareEvent(person: FakePerson, eventId: string, today: string): void {
  if (eventId === 'SS199') person.exams.push({ examendatum: today, onderdeel: 'LZ', niveau: 'B1', resultaat: 'Geslaagd' });
  if (eventId === 'SS102' || eventId === 'SS103' || eventId === 'SS104') {
    const start = person.termStart ?? person.pip?.dagtekeningPip ?? person.obligationStart;
    const end = person.termEnd ?? addYears(start, 3);
    person.termStart = start;
    // SS103: extended by DUO on its own (here six months); SS104: extended on request (here a year).
    person.termEnd = eventId === 'SS102' ? end : addMonths(end, eventId === 'SS103' ? 6 : 12);
  }
  if (eventId === 'SS107') person.exemptions.push({ GeheleVrijstelling: { oordeel: 'Toekenning', reden: 'DIP', datumOordeel: today } });
  if (eventId === 'SS108') person.dispensations.push({ GeheleOntheffing: { oordeel: 'Toekenning', grond: 'MED', datumOordeel: today } });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')); } catch { resolve(null); }
    });
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Starts the demo fake DUO and its control port. */
export async function startDemoFakeDuo(options: DemoFakeDuoOptions): Promise<RunningDemoFakeDuo> {
  const certs = ensureDemoCertificates(options.dataDir);
  const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const duo = new FakeDuo(certs, 'ANY', today);
  duo.enrolUnknownSince = DEMO_OBLIGATION_START;
  await duo.start(options.port);

  const control: Server = createServer((req, res) => void (async () => {
    if (req.method === 'GET' && req.url === '/') {
      return reply(res, 200, {
        personen: [...duo.persons.values()].map((p) => ({ bsn: p.bsn, gemeenteOin: p.municipalityOin, pip: p.pip, termijn: p.termEnd ? { start: p.termStart, eind: p.termEnd } : null })),
        berichten: duo.received.length,
      });
    }
    if (req.method !== 'POST' || req.url !== '/notificaties') return reply(res, 404, { fout: 'Alleen GET / en POST /notificaties.' });
    const body = (await readJson(req)) as { bsn?: unknown; gebeurtenisId?: unknown } | null;
    const bsn = typeof body?.bsn === 'string' ? body.bsn : '';
    const eventId = typeof body?.gebeurtenisId === 'string' ? body.gebeurtenisId : '';
    const person = duo.persons.get(bsn);
    if (!person) return reply(res, 404, { fout: 'DUO kent deze persoon nog niet: eerst moet er een bericht (bijvoorbeeld het PIP) van de gemeente zijn.' });
    if (!/^SS\d{3}$/.test(eventId)) return reply(res, 400, { fout: 'gebeurtenisId is verplicht, bijvoorbeeld SS199 (examenuitslag).' });
    prepareEvent(person, eventId, today());
    try {
      const answer = await duo.notify(options.notifyUrl, { bsn, gebeurtenisId: eventId }, { doel: person.pip?.oin ?? person.municipalityOin });
      return reply(res, 200, { platformStatus: answer.status });
    } catch (error) {
      return reply(res, 502, { fout: `Het platform is niet bereikbaar op ${options.notifyUrl}: ${error instanceof Error ? error.message : String(error)}` });
    }
  })());
  await new Promise<void>((resolve) => control.listen(options.controlPort, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  return {
    duo, url: duo.url, controlUrl, settings: settingsOf(certs),
    stop: async () => {
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await duo.stop();
    },
  };
}
