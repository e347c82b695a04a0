import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Loaded by jest's global teardown too, where the `@inburgering/*` path aliases do not resolve: no imports of them here.

/** The BSN eleven-check (elfproef), as in libs/domain/src/bsn.ts. */
function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0;
}

/** Where the API's pino logger writes during an integration run (global setup sets LOG_FILE). */
export function serverLogFile(): string {
  const file = process.env.LOG_FILE;
  if (!file) throw new Error('LOG_FILE is niet gezet; draai de integratietests met hun global setup.');
  return file;
}

export function readServerLog(): string {
  const file = serverLogFile();
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Every first and last name the demo data can hand out: the generator's two lists, read from its source. */
export function demoNames(): string[] {
  const source = readFileSync(join(__dirname, '../../apps/api/src/seed/synthetic-clients.ts'), 'utf8');
  const lists = [...source.matchAll(/const (?:FIRST|LAST)_NAMES = \[([^\]]*)\]/g)].map((match) => match[1]);
  if (lists.length !== 2) throw new Error('De namenlijsten van de demodata zijn niet gevonden in synthetic-clients.ts.');
  return ['Testa', ...lists.flatMap((list) => [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]))];
}

export interface PersonalDataHit {
  line: number;
  kind: 'BSN' | 'naam' | 'geboortedatum' | 'intake';
  /** The finding, masked: the log must not be copied into the test output either. */
  what: string;
}

/** Request ids (UUIDs) and trace ids: random hex that may hold nine digits in a row. */
const HEX_IDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|"(?:trace_?[iI]d|span_?[iI]d)":"[0-9a-f]+"/gi;

/**
 * Personal data in a server log: a 9-digit number that passes the BSN eleven-check (the demo BSNs all do), a name the
 * demo data uses, or a value the tests write as a date of birth or intake notes.
 */
export function personalDataIn(log: string, extra: { datesOfBirth?: string[]; texts?: string[] } = {}): PersonalDataHit[] {
  const names = demoNames().map((name) => ({ name, pattern: new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'u') }));
  const hits: PersonalDataHit[] = [];
  log.split('\n').forEach((text, index) => {
    const line = index + 1;
    const withoutIds = text.replace(HEX_IDS, '<id>');
    for (const match of withoutIds.match(/(?<!\d)\d{9}(?!\d)/g) ?? []) {
      if (passesElfproef(match)) hits.push({ line, kind: 'BSN', what: `${match.slice(0, 3)}******` });
    }
    for (const { name, pattern } of names) if (pattern.test(text)) hits.push({ line, kind: 'naam', what: `${name[0]}…` });
    for (const date of extra.datesOfBirth ?? []) if (text.includes(date)) hits.push({ line, kind: 'geboortedatum', what: date.slice(0, 4) });
    for (const value of extra.texts ?? []) if (text.includes(value)) hits.push({ line, kind: 'intake', what: `${value.slice(0, 4)}…` });
  });
  return hits;
}
