import { addDays, addMonths, addYears, duoEventRule, duoMessageKindLabel, type CalendarDate, type DuoMessageKind, type DuoMessageStatus } from '@inburgering/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DuoClientStateEntity, DuoMessageEntity, DuoNotificationEntity } from '../database';
import { raiseSignals, type NewSignal } from '../signals';

/** Arnhem's B1-route clients with a PIP, oldest client numbers first: the demo's DUO history is theirs. */
interface DuoDemoClient {
  id: string;
  municipality_id: string;
  client_number: number;
  pip_signed_on: string;
  level: string | null;
}

interface DemoMessage {
  client: number;
  kind: DuoMessageKind;
  status: DuoMessageStatus;
  daysAgo: number;
  subjectKey: string;
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  httpStatus?: number;
  errors?: string[];
  lastError?: string;
  attempts?: number;
}

const NEW_BEES_DUO_NUMBER = '65254767NE';

/** Per demo client (by index) the messages to DUO, oldest first: together every status and most kinds. */
function demoMessages(clients: DuoDemoClient[], today: CalendarDate): DemoMessage[] {
  const pip = (c: DuoDemoClient): Record<string, unknown> => ({ dagtekeningPip: c.pip_signed_on, leerroute: 'B', niveau: c.level === 'A2' ? 'A2' : 'B1' });
  const pipPath = { subjectKey: 'PIP', method: 'POST' as const, path: '/personen/{bsn}/PIP' };
  const hours = { subjectKey: 'HOURS:PARTICIPATIE_TAALLES', method: 'PUT' as const, path: '/personen/{bsn}/uren/participatietaalles' };
  const [a, b, c, d, e, f] = clients;
  const list: DemoMessage[] = [];
  if (a) {
    list.push(
      { client: 0, kind: 'PIP_REGISTER', status: 'ACCEPTED', daysAgo: 60, ...pipPath, body: pip(a), httpStatus: 201, attempts: 1 },
      { client: 0, kind: 'OFFER', status: 'ACCEPTED', daysAgo: 50, subjectKey: `OFFER:${NEW_BEES_DUO_NUMBER}`, method: 'POST', path: `/personen/{bsn}/Inburgeringsaanbod/${NEW_BEES_DUO_NUMBER}`, body: { datumInburgeringsaanbod: addDays(today, -50), indicatorAlfabetiseringsonderwijs: 'NVT' }, httpStatus: 201, attempts: 1 },
      { client: 0, kind: 'HOURS', status: 'ACCEPTED', daysAgo: 30, ...hours, body: { uren: 48 }, httpStatus: 200, attempts: 1 },
      // A newer total replaced this one before it was sent; the newer one waits for the link.
      { client: 0, kind: 'HOURS', status: 'SUPERSEDED', daysAgo: 2, ...hours, body: { uren: 60 } },
      { client: 0, kind: 'HOURS', status: 'WAITING', daysAgo: 1, ...hours, body: { uren: 66 } },
    );
  }
  if (b) {
    list.push(
      { client: 1, kind: 'PIP_REGISTER', status: 'ACCEPTED', daysAgo: 90, ...pipPath, body: pip(b), httpStatus: 201, attempts: 1 },
      { client: 1, kind: 'PIP_CHANGE', status: 'REFUSED', daysAgo: 10, ...pipPath, body: { ...pip(b), dagtekeningPip: addDays(b.pip_signed_on, -14) }, httpStatus: 403, attempts: 1,
        errors: ['De datum dagtekening ligt voor de datum dagtekening van de actuele PIP'] },
    );
  }
  if (c) {
    list.push(
      { client: 2, kind: 'PIP_REGISTER', status: 'ACCEPTED', daysAgo: 120, ...pipPath, body: pip(c), httpStatus: 201, attempts: 1 },
      { client: 2, kind: 'MAP', status: 'REFUSED', daysAgo: 5, subjectKey: 'MAP', method: 'PUT', path: '/personen/{bsn}/map', body: { datumEindgesprekMap: addDays(today, -6), verwijtbaar: 'Nee' }, httpStatus: 403, attempts: 1,
        errors: ['Verwijtbaar mag niet geleverd worden als de datum voor de einddatum van de inburgeringstermijn ligt'] },
    );
  }
  if (d) list.push({ client: 3, kind: 'PIP_REGISTER', status: 'SENT', daysAgo: 0, ...pipPath, body: pip(d), attempts: 1 });
  if (e) {
    list.push({ client: 4, kind: 'PIP_REGISTER', status: 'WAITING', daysAgo: 0, ...pipPath, body: pip(e), attempts: 3,
      lastError: 'DUO gaf een tijdelijke fout (HTTP 503); wordt opnieuw geprobeerd.' });
  }
  if (f) {
    list.push(
      { client: 5, kind: 'PIP_REGISTER', status: 'ACCEPTED', daysAgo: 200, ...pipPath, body: pip(f), httpStatus: 201, attempts: 1 },
      { client: 5, kind: 'HOURS', status: 'ACCEPTED', daysAgo: 20, ...hours, body: { uren: 120 }, httpStatus: 200, attempts: 2 },
    );
  }
  return list;
}

/** Noon of a past day, as the moment a message was made or answered. */
const at = (day: CalendarDate): Date => new Date(`${day}T11:00:00Z`);

/**
 * The demo's DUO traffic (issue 13) for Arnhem, so the client's "DUO-berichten" and /duo/geweigerd show something on a
 * fresh start: messages in every status (waiting, sent, accepted, refused with DUO's reason, superseded) with the
 * signals of the refusals, and a few processed notifications with what DUO then told (term, exam result) and their
 * signals. The link itself stays off (functional management switches it on). Set-based: one insert per table.
 */
export async function seedDuo(manager: EntityManager, today: CalendarDate): Promise<number> {
  const clients = await manager.query<DuoDemoClient[]>(
    `SELECT c.id, c.municipality_id, c.client_number, c.pip_signed_on::text AS pip_signed_on, c.level
       FROM client c JOIN organisation o ON o.id = c.municipality_id AND o.cbs_code = 'GM0202'
      WHERE c.pip_signed_on IS NOT NULL AND c.route = 'B1' AND c.target_group = 'STATUS_HOLDER'
      ORDER BY c.client_number LIMIT 6`,
  );
  if (clients.length === 0) return 0;
  const messages = demoMessages(clients, today);
  // One multi-row insert (save of an array), which also hands back the generated ids for the signals.
  const repository = manager.getRepository(DuoMessageEntity);
  const saved = await repository.save(repository.create(messages.map((m) => {
    const client = clients[m.client];
    const made = at(addDays(today, -m.daysAgo));
    const answered = m.status === 'ACCEPTED' || m.status === 'REFUSED';
    return {
      municipalityId: client.municipality_id, clientId: client.id, kind: m.kind, subjectKey: m.subjectKey, status: m.status, method: m.method, path: m.path,
      body: m.body, berichtId: randomUUID(), attempts: m.attempts ?? 0, httpStatus: m.httpStatus ?? null, errors: m.errors ?? null, lastError: m.lastError ?? null,
      createdAt: made, answeredAt: answered ? made : null, contactPersonId: null,
    };
  })));
  const ids = saved.map((m) => m.id);
  const signals: NewSignal[] = messages.flatMap((m, i) => (m.status === 'REFUSED' ? [{
    kind: 'DUO_MESSAGE_REFUSED', organisationId: clients[m.client].municipality_id, subjectType: 'client', subjectId: clients[m.client].id, occurrenceKey: `duo-message:${ids[i]}`,
    message: `DUO heeft het bericht "${duoMessageKindLabel(m.kind)}" voor klantnummer ${clients[m.client].client_number} geweigerd: ${(m.errors ?? []).join(' ')} Pas de gegevens aan; daarna gaat een nieuw bericht naar DUO.`,
  }] : []));

  // Processed notifications: an exam result, a term extended by DUO, a term started (no action, so no signal).
  const events = [
    { client: 0, eventId: 'SS199', daysAgo: 3 },
    { client: 1, eventId: 'SS103', daysAgo: 7 },
    { client: 2, eventId: 'SS102', daysAgo: 100 },
  ].filter((n) => clients[n.client]);
  const notifications = events.map((n) => ({ ...n, berichtId: randomUUID(), client: clients[n.client] }));
  await manager.createQueryBuilder().insert().into(DuoNotificationEntity).values(notifications.map((n) => ({
    berichtId: n.berichtId, municipalityId: n.client.municipality_id, clientId: n.client.id, eventId: n.eventId, registeredAt: at(addDays(today, -n.daysAgo)), status: 'PROCESSED',
  }))).execute();
  await manager.createQueryBuilder().insert().into(DuoClientStateEntity).values(notifications.map((n) => {
    const termStart = n.client.pip_signed_on;
    const termEnd = n.eventId === 'SS103' ? addMonths(addYears(termStart, 3), 6) : addYears(termStart, 3);
    return {
      clientId: n.client.id, municipalityId: n.client.municipality_id, obligation: null, termStart, termEnd,
      examResults: n.eventId === 'SS199' ? [{ examendatum: addDays(today, -10), onderdeel: 'LZ', niveau: 'B1', resultaat: 'Geslaagd' }] : null, exemptions: null, dispensations: null,
    };
  })).execute();
  for (const n of notifications) {
    const signal = duoEventRule(n.eventId).signal;
    if (signal) {
      signals.push({ kind: 'DUO_EVENT', organisationId: n.client.municipality_id, subjectType: 'client', subjectId: n.client.id, occurrenceKey: `duo-notification:${n.berichtId}`,
        message: `${signal} (klantnummer ${n.client.client_number}, gebeurtenis ${n.eventId})` });
    }
  }
  await raiseSignals(manager, signals);
  return messages.length;
}
