// A fake DUO for the tests and the demo (`npm start -- --fake-duo`), written by the team from DUO's published
// specifications (PIP, Inburgeringsaanbod, GevolgdeUren, MAP-PVT-Zroute, Contactpersoon, the fetch APIs and Notificatie)
// and business rules. It runs over HTTPS with mutual TLS (certificates made with the openssl CLI), checks every request's
// path, OIN headers, berichtId and body schema, applies DUO's rules, answers like DUO (201/200/204, 400, 403 with
// [{ fouttekst }], 5xx on demand) and sends notifications with DUO's own client certificate. Never part of production.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DUO_OIN = '00000001800866472000';

export interface TestCertificates {
  dir: string;
  caPath: string;
  /** DUO's server certificate (CN localhost, SAN 127.0.0.1). */
  serverCertPath: string;
  serverKeyPath: string;
  /** The municipality's client certificate (stands in for PKIoverheid). */
  clientCertPath: string;
  clientKeyPath: string;
  /** DUO's client certificate for notifications. */
  duoClientCertPath: string;
  duoClientKeyPath: string;
  /** A certificate from another CA: must be refused everywhere. */
  strangerCertPath: string;
  strangerKeyPath: string;
  /** Also serves as the platform's server certificate for the notification endpoint. */
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A CA, and server and client certificates signed by it, valid for `days`, written into `dir`. */
function generateCertificates(dir: string, days: number): void {
  const subj = (cn: string) => `/C=NL/O=Test/CN=${cn}`;
  const valid = ['-days', String(days)];
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', ...valid, '-subj', subj('Test PKIo CA')], dir);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  const leaf = (name: string, cn: string, ext: boolean) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj(cn)], dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, ...valid, ...(ext ? ['-extfile', 'san.ext'] : [])], dir);
  };
  leaf('server', 'localhost', true);
  leaf('client', 'Gemeente (demo)', false);
  leaf('duo-client', 'DUO', false);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'stranger.key', '-out', 'stranger.pem', ...valid, '-subj', subj('Stranger')], dir);
}

/** A CA, and server and client certificates signed by it, in a temporary directory (for one test run). */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'fake-duo-'));
  generateCertificates(dir, 2);
  return certificatesIn(dir, () => rmSync(dir, { recursive: true, force: true }));
}

/**
 * The demo's certificates in `dir` (e.g. .data/fake-duo), made on first use and kept for ten years, so the paths set on
 * the DUO link page stay valid across restarts. Needs the openssl CLI.
 */
export function ensureDemoCertificates(dir: string): TestCertificates {
  if (!existsSync(join(dir, 'stranger.pem'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    generateCertificates(dir, 3650);
  }
  return certificatesIn(dir, () => undefined);
}

function certificatesIn(dir: string, cleanup: () => void): TestCertificates {
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    serverCertPath: join(dir, 'server.pem'),
    serverKeyPath: join(dir, 'server.key'),
    clientCertPath: join(dir, 'client.pem'),
    clientKeyPath: join(dir, 'client.key'),
    duoClientCertPath: join(dir, 'duo-client.pem'),
    duoClientKeyPath: join(dir, 'duo-client.key'),
    strangerCertPath: join(dir, 'stranger.pem'),
    strangerKeyPath: join(dir, 'stranger.key'),
    cleanup,
  };
}

export interface FakePerson {
  bsn: string;
  /** OIN of the municipality the person belongs to at DUO. */
  municipalityOin: string;
  obligationStart: string;
  pip: { dagtekeningPip: string; leerroute: string; niveau?: string; oin: string } | null;
  pipCount: number;
  termStart: string | null;
  termEnd: string | null;
  offers: Record<string, Record<string, unknown>>;
  hours: Record<string, number>;
  map: Record<string, unknown> | null;
  pvt: Record<string, unknown> | null;
  zroute: Record<string, unknown> | null;
  exams: Record<string, unknown>[];
  exemptions: Record<string, unknown>[];
  dispensations: Record<string, unknown>[];
  /** DUO's number of the contact person linked to the person (Contactpersoon API). */
  contactPersonId: number | null;
}

export interface FakeContactPerson {
  id: number;
  /** OIN of the municipality that registered it. */
  oin: string;
  naam: string;
  email: string;
  telefoonnummer: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  berichtId: string;
  bron: string;
  body: unknown;
  status: number;
}

interface Answer {
  status: number;
  body?: unknown;
}

const OIN = /^\d{20}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BSN = /^\d{9}$/;
const fout = (...texts: string[]): Answer => ({ status: 403, body: texts.map((fouttekst) => ({ fouttekst })) });
const bad = (text: string): Answer => ({ status: 400, body: [{ fouttekst: text }] });

/** Strict object check: only known properties, required ones present, each a string matching its pattern or enum. */
function checkSchema(body: unknown, spec: Record<string, { required?: boolean; pattern?: RegExp; enum?: string[]; int?: [number, number] }>): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Body is geen object';
  const obj = body as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!(key in spec)) return `Onbekend veld ${key}`;
  for (const [key, rule] of Object.entries(spec)) {
    const value = obj[key];
    if (value === undefined) {
      if (rule.required) return `Verplicht veld ${key} ontbreekt`;
      continue;
    }
    if (rule.int) {
      if (!Number.isInteger(value) || (value as number) < rule.int[0] || (value as number) > rule.int[1]) return `Veld ${key} is geen geldig aantal`;
      continue;
    }
    if (typeof value !== 'string') return `Veld ${key} is geen tekst`;
    if (rule.pattern && !rule.pattern.test(value)) return `Veld ${key} heeft geen geldig formaat`;
    if (rule.enum && !rule.enum.includes(value)) return `Veld ${key} heeft een ongeldige waarde`;
  }
  return null;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export class FakeDuo {
  readonly persons = new Map<string, FakePerson>();
  readonly received: ReceivedRequest[] = [];
  readonly contactPersons = new Map<number, FakeContactPerson>();
  /** Answers given per berichtId: a repeated message gets the same answer and is not processed twice. */
  private readonly answered = new Map<string, Answer>();
  /** Every processed (state-changing) berichtId, in order. */
  readonly processed: string[] = [];
  private failures: number[] = [];
  private server: Server | null = null;
  url = '';
  /**
   * In the demo: a person DUO does not know yet is enrolled on their first request (obligated since this date), as if
   * DUO had them from the BRP. Null in the tests: unknown persons get DUO's 404.
   */
  enrolUnknownSince: string | null = null;
  private fixedToday: string | null;

  /**
   * @param municipalityOins the municipalities (OIN) DUO knows as customers, or 'ANY' (the demo: every 20-digit OIN).
   * @param today DUO's "today" for its rules: a fixed date (tests), or a function (the demo: the real date).
   */
  constructor(private readonly certs: TestCertificates, readonly municipalityOins: Set<string> | 'ANY', private readonly todayOf: string | (() => string)) {
    this.fixedToday = typeof todayOf === 'string' ? todayOf : null;
  }

  /** DUO's "today" for its rules. */
  get today(): string {
    return this.fixedToday ?? (typeof this.todayOf === 'function' ? this.todayOf() : this.todayOf);
  }

  set today(value: string) {
    this.fixedToday = value;
  }

  private knowsMunicipality(oin: string): boolean {
    return this.municipalityOins === 'ANY' || this.municipalityOins.has(oin);
  }

  /** The person with this BSN, or (in the demo) a new one of the asking municipality. */
  private personOf(bsn: string, bron: string): FakePerson | undefined {
    const known = this.persons.get(bsn);
    if (known || this.enrolUnknownSince === null) return known;
    return this.addPerson({ bsn, municipalityOin: bron, obligationStart: this.enrolUnknownSince });
  }

  private holds: Promise<void>[] = [];
  /** Requests that arrived and wait for a hold to be released. */
  held = 0;

  /** Keeps the next request waiting (a slow DUO) until the returned function is called. */
  holdNext(): () => void {
    let release!: () => void;
    this.holds.push(new Promise<void>((resolve) => { release = resolve; }));
    return release;
  }

  /** Answer the next `count` requests with `status` (e.g. 503) without processing them. */
  failNext(count: number, status = 503): void {
    for (let i = 0; i < count; i += 1) this.failures.push(status);
  }

  addPerson(person: Partial<FakePerson> & { bsn: string; municipalityOin: string; obligationStart: string }): FakePerson {
    const full: FakePerson = {
      pip: null, pipCount: 0, contactPersonId: null, termStart: null, termEnd: null, offers: {}, hours: {}, map: null, pvt: null, zroute: null, exams: [], exemptions: [], dispensations: [], ...person,
    };
    this.persons.set(person.bsn, full);
    return full;
  }

  /** Listens on `port` (0: any free port) of 127.0.0.1; `url` is then DUO's base URL. */
  async start(port = 0): Promise<void> {
    this.server = createServer(
      { key: readFileSync(this.certs.serverKeyPath), cert: readFileSync(this.certs.serverCertPath), ca: readFileSync(this.certs.caPath), requestCert: true, rejectUnauthorized: true },
      (req, res) => void this.handle(req, res),
    );
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    let parseError = false;
    try { body = text ? JSON.parse(text) : null; } catch { parseError = true; }
    const hold = this.holds.shift();
    if (hold) {
      this.held += 1;
      await hold;
      this.held -= 1;
    }
    const path = (req.url ?? '').replace(/^\/v1/, '');
    const bron = String(req.headers.bron ?? '');
    const berichtId = String(req.headers.berichtid ?? '');
    const answer = this.answer(req.method ?? 'GET', path, bron, String(req.headers.doel ?? ''), berichtId, body, parseError);
    this.received.push({ method: req.method ?? '', path, berichtId, bron, body, status: answer.status });
    res.writeHead(answer.status, { 'content-type': 'application/json', 'API-Version': '1.0.0' });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private answer(method: string, path: string, bron: string, doel: string, berichtId: string, body: unknown, parseError: boolean): Answer {
    if (!path.startsWith('/')) return { status: 404 };
    if (!OIN.test(bron) || !OIN.test(doel) || !UUID.test(berichtId)) return bad('Headers bron, doel (OIN, 20 cijfers) en berichtId (uuid) zijn verplicht');
    if (doel !== DUO_OIN) return bad('Doel-OIN is niet dat van DUO');
    if (!this.knowsMunicipality(bron)) return { status: 403, body: [{ fouttekst: 'Onbekende afnemer' }] };
    if (parseError) return bad('Body is geen geldige JSON');
    const failure = this.failures.shift();
    if (failure) return { status: failure, body: { fouttekst: 'Service niet beschikbaar' } };
    const writing = method !== 'GET';
    if (writing) {
      const earlier = this.answered.get(berichtId);
      if (earlier) return earlier;
    }
    const answer = this.route(method, path, bron, body);
    if (writing && answer.status < 500) {
      this.answered.set(berichtId, answer);
      if (answer.status < 300) this.processed.push(berichtId);
    }
    return answer;
  }

  /** Contactpersoon API: a municipality's contact persons, and their link to a person (a new link replaces the old one). */
  private contactRoute(method: string, path: string, bron: string, body: unknown): Answer {
    const contactSchema = {
      naam: { required: true, pattern: /^[\s'\u2018.\p{L}\p{Pd}]{0,100}$/u }, email: { required: true, pattern: /^.{4,241}$/ },
      telefoonnummer: { required: true, pattern: /^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$/ },
    };
    if (path === '/contactpersonen' && method === 'POST') {
      const err = checkSchema(body, contactSchema);
      if (err) return bad(err);
      const id = this.contactPersons.size + 1;
      this.contactPersons.set(id, { id, oin: bron, ...(body as { naam: string; email: string; telefoonnummer: string }) });
      return { status: 201, body: { id, contactpersoongegevens: body } };
    }
    const m = /^\/contactpersonen\/([0-9]+)(?:\/personen\/([^/]+))?$/.exec(path);
    if (!m) return { status: 404 };
    const contact = this.contactPersons.get(Number(m[1]));
    if (!contact || contact.oin !== bron) return { status: 404, body: [{ fouttekst: 'Contactpersoon niet bekend' }] };
    if (!m[2]) {
      if (method === 'PUT') {
        const err = checkSchema(body, contactSchema);
        if (err) return bad(err);
        Object.assign(contact, body);
        return { status: 200 };
      }
      if (method === 'DELETE') {
        this.contactPersons.delete(contact.id);
        for (const p of this.persons.values()) if (p.contactPersonId === contact.id) p.contactPersonId = null;
        return { status: 200 };
      }
      return { status: 404 };
    }
    if (!BSN.test(m[2])) return bad('Ongeldig BSN');
    const person = this.personOf(m[2], bron);
    if (!person) return { status: 404, body: [{ fouttekst: 'Persoon niet bekend bij DUO' }] };
    if (person.municipalityOin !== bron && person.pip?.oin !== bron) return fout('De persoon is niet relevant voor uw gemeente');
    if (method === 'POST') {
      if (body !== null) return bad('Dit verzoek heeft geen body');
      person.contactPersonId = contact.id;
      return { status: 201 };
    }
    if (method === 'DELETE') {
      if (person.contactPersonId !== contact.id) return { status: 404 };
      person.contactPersonId = null;
      return { status: 200 };
    }
    return { status: 404 };
  }

  private route(method: string, path: string, bron: string, body: unknown): Answer {
    if (path.startsWith('/contactpersonen')) return this.contactRoute(method, path, bron, body);
    const m = /^\/personen\/([^/]+)\/(.+)$/.exec(path);
    if (!m) return { status: 404 };
    const [, bsn, rest] = m;
    if (!BSN.test(bsn)) return bad('Ongeldig BSN');
    const person = this.personOf(bsn, bron);
    if (!person) return { status: 404, body: [{ fouttekst: 'Persoon niet bekend bij DUO' }] };
    const ownPip = person.pip?.oin === bron;
    const key = `${method} ${rest}`;
    if (key === 'POST PIP') return this.postPip(person, bron, body);
    if (key === 'DELETE PIP') {
      if (!ownPip) return fout('Uw gemeente heeft geen actueel PIP voor deze persoon');
      if (person.termEnd) return fout('De inburgeringstermijn is al vastgesteld');
      person.pip = null;
      return { status: 200 };
    }
    if (key === 'GET PIP') return person.pip ? { status: 200, body: { gemeentecode: '0202', pip: person.pip } } : { status: 404 };
    const offer = /^POST Inburgeringsaanbod\/([^/]+)$/.exec(key);
    if (offer) {
      if (!/^[0-9A-Z]{10}$/.test(offer[1])) return bad('Ongeldig instellingsnummer');
      const err = checkSchema(body, { datumInburgeringsaanbod: { pattern: DATE }, verwachteStartdatumOpleiding: { pattern: DATE }, verwachteEinddatumOpleiding: { pattern: DATE }, indicatorAlfabetiseringsonderwijs: { required: true, enum: ['A', 'AA', 'NVT'] } });
      if (err) return bad(err);
      if (!ownPip || !person.pip) return fout('De persoon heeft geen PIP van uw gemeente');
      const b = body as Record<string, string>;
      if (b.datumInburgeringsaanbod && b.datumInburgeringsaanbod < person.pip.dagtekeningPip) return fout('De datum van het inburgeringsaanbod ligt voor de dagtekening van de actuele PIP');
      person.offers[offer[1]] = b;
      return { status: 201 };
    }
    const hours = /^PUT uren\/(participatietaalles|participatieactiviteiten|bredeintake\/taallesknm)$/.exec(key);
    if (hours) {
      const err = checkSchema(body, { uren: { required: true, int: [0, 9999] } });
      if (err) return bad(err);
      if (!ownPip) return fout('Uw gemeente heeft geen actueel PIP voor deze persoon');
      person.hours[hours[1]] = (body as { uren: number }).uren;
      return { status: 200 };
    }
    if (key === 'PUT map' || key === 'PUT pvt') return this.putCompletion(person, ownPip, rest as 'map' | 'pvt', body);
    if (key === 'PUT zroute') {
      const err = checkSchema(body, { datumAfrondingZroute: { pattern: DATE } });
      if (err) return bad(err);
      if (!ownPip) return fout('Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige');
      const date = (body as Record<string, string>).datumAfrondingZroute;
      if (date && date > this.today) return fout('De datum afronding Z-route mag niet in de toekomst liggen');
      person.zroute = body as Record<string, unknown>;
      return { status: 200 };
    }
    if (key === 'GET inburgeringsplicht') return { status: 200, body: { indicatorInburgeringsplicht: true, begindatum: person.obligationStart } };
    if (key === 'GET inburgeringstermijn') return person.termEnd ? { status: 200, body: { startdatum: person.termStart, einddatum: person.termEnd } } : { status: 404 };
    if (key === 'GET examens/resultaten') return { status: 200, body: person.exams };
    if (key === 'GET vrijstellingen') return { status: 200, body: person.exemptions };
    if (key === 'GET ontheffingen') return { status: 200, body: person.dispensations };
    return { status: 404 };
  }

  private postPip(person: FakePerson, bron: string, body: unknown): Answer {
    const err = checkSchema(body, {
      dagtekeningPip: { required: true, pattern: DATE }, leerroute: { required: true, enum: ['B', 'O', 'Z'] }, niveau: { enum: ['A2', 'B1'] },
      geschatteIntensiteitB1Route: { int: [1, 9999] }, indicatorMagOpleidingAfmaken: {}, indicatorAlfabetiseringsonderwijs: { enum: ['A', 'AA', 'NVT'] },
    });
    if (err) return bad(err);
    const pip = body as { dagtekeningPip: string; leerroute: string; niveau?: string };
    const errors: string[] = [];
    if (pip.dagtekeningPip < person.obligationStart) errors.push('De datum dagtekening ligt voor de start van de inburgeringsplicht');
    if (person.pip && pip.dagtekeningPip < person.pip.dagtekeningPip) errors.push('De datum dagtekening ligt voor de datum dagtekening van de actuele PIP');
    if (pip.niveau === 'A2' && pip.leerroute === 'O') errors.push('Niveau A2 mag niet in combinatie met de onderwijsroute');
    if (pip.niveau === 'B1' && pip.leerroute === 'Z') errors.push('Niveau B1 mag niet in combinatie met de Z-route');
    if (pip.niveau === 'A2' && pip.leerroute === 'B' && person.pipCount === 0) errors.push('Niveau A2 mag niet bij de B1-route op de eerste PIP');
    if (errors.length > 0) return fout(...errors);
    person.pip = { ...pip, niveau: pip.niveau ?? (pip.leerroute === 'Z' ? undefined : 'B1'), oin: bron };
    person.pipCount += 1;
    return { status: 201 };
  }

  private putCompletion(person: FakePerson, ownPip: boolean, which: 'map' | 'pvt', body: unknown): Answer {
    const field = which === 'map' ? 'datumEindgesprekMap' : 'datumOndertekeningPvt';
    const err = checkSchema(body, { [field]: { pattern: DATE }, verwijtbaar: { enum: ['Ja', 'Nee'] } });
    if (err) return bad(err);
    const b = body as Record<string, string>;
    const date = b[field];
    const errors: string[] = [];
    if (!ownPip) errors.push('Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige');
    if (person.zroute?.datumAfrondingZroute && !date) errors.push('De datum mag niet worden ingetrokken: de Z-route is afgerond');
    if (date) {
      if (person.termStart && date < person.termStart) errors.push('De datum ligt voor de startdatum van de inburgeringstermijn');
      if (date > this.today) errors.push('De datum mag niet in de toekomst liggen');
      const end = person.termEnd;
      if (end && date < end && b.verwijtbaar) errors.push("Verwijtbaar mag niet geleverd worden als de datum voor de einddatum van de inburgeringstermijn ligt");
      if (end && date > end && !b.verwijtbaar) errors.push('Er is sprake van een overschrijding van de inburgeringstermijn: geef verwijtbaar op');
      if (end && b.verwijtbaar === 'Ja' && !(date > end)) errors.push("Verwijtbaar 'Ja' mag alleen bij een overschrijding van de inburgeringstermijn");
      if (end && b.verwijtbaar === 'Nee' && date > addMonths(end, 2)) errors.push("Verwijtbaar 'Nee' mag alleen als de einddatum van de termijn binnen twee maanden valt");
    }
    if (errors.length > 0) return fout(...errors);
    person[which] = b;
    return { status: 200 };
  }

  /** Sends a notification (Notificatie API) with DUO's client certificate, or another certificate to test refusal. */
  notify(
    targetUrl: string,
    notification: { bsn?: string; gebeurtenisId: string; registratieDatumTijd?: string },
    options: { berichtId?: string; bron?: string; doel: string; certPath?: string; keyPath?: string },
  ): Promise<{ status: number; body: string }> {
    const payload = JSON.stringify({ registratieDatumTijd: notification.registratieDatumTijd ?? new Date().toISOString(), ...notification });
    const url = new URL(targetUrl);
    return new Promise((resolve, reject) => {
      const r = request(url, {
        method: 'POST',
        cert: readFileSync(options.certPath ?? this.certs.duoClientCertPath),
        key: readFileSync(options.keyPath ?? this.certs.duoClientKeyPath),
        ca: readFileSync(this.certs.caPath),
        headers: { 'content-type': 'application/json', bron: options.bron ?? DUO_OIN, doel: options.doel, berichtId: options.berichtId ?? randomUUID() },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      r.on('error', reject);
      r.end(payload);
    });
  }
}
