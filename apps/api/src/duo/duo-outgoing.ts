// Writing messages to DUO in the caller's transaction: the change and its message commit together, and the outbox
// carries a 'duo.send' job for each. Nothing is written while the municipality's link is off.
import {
  checkCompletionForDuo,
  checkDuoMessageAllowed,
  checkOfferForDuo,
  checkZRouteForDuo,
  DUO_HOUR_CATEGORIES,
  DUO_HOUR_PATHS,
  DUO_ROUTE_CODES,
  duoHourTotals,
  integrationTermEnd,
  integrationTermStart,
  type DuoMessageKind,
  type HourCategory,
  type Route,
  type RuleViolation,
  type TargetGroup,
} from '@inburgering/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClientEntity, DuoClientStateEntity, DuoLinkEntity, DuoMessageEntity, OrganisationEntity, PlacementEntity } from '../database';
import { enqueueInOutbox, type JobCause } from '../outbox';

interface NewDuoMessage {
  municipalityId: string;
  clientId: string;
  kind: DuoMessageKind;
  subjectKey: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** With the placeholder {bsn}; never a BSN. */
  path: string;
  body: Record<string, unknown> | null;
  /** The platform's own check failed: stored REFUSED with these reasons and not sent. */
  violations?: RuleViolation[];
  contactPersonId?: string;
}

async function linkIsOn(manager: EntityManager, municipalityId: string): Promise<boolean> {
  const link = await manager.getRepository(DuoLinkEntity).findOne({ where: { municipalityId }, select: { municipalityId: true, enabled: true } });
  return link?.enabled === true;
}

/** Writes one message (a newer one for the same subject replaces a waiting one) and its send job. */
async function writeMessage(manager: EntityManager, cause: JobCause, message: NewDuoMessage): Promise<void> {
  const repo = manager.getRepository(DuoMessageEntity);
  await repo.update({ clientId: message.clientId, subjectKey: message.subjectKey, status: 'WAITING' }, { status: 'SUPERSEDED' });
  const refused = message.violations && message.violations.length > 0;
  const saved = await repo.save({
    municipalityId: message.municipalityId,
    clientId: message.clientId,
    kind: message.kind,
    subjectKey: message.subjectKey,
    method: message.method,
    path: message.path,
    body: message.body,
    berichtId: randomUUID(),
    status: refused ? 'REFUSED' : 'WAITING',
    errors: refused ? message.violations!.map((v) => v.message) : null,
    lastError: refused ? 'Niet verstuurd: de controle vóór verzending vond een fout.' : null,
    contactPersonId: message.contactPersonId ?? null,
  });
  if (!refused) await enqueueInOutbox(manager, 'duo.send', { messageId: saved.id, clientId: message.clientId, municipalityId: message.municipalityId }, cause);
}

interface ClientFacts {
  client: ClientEntity;
  hasPip: boolean;
  termStart: string | null;
  termEnd: string | null;
}

async function clientFacts(manager: EntityManager, clientId: string): Promise<ClientFacts | null> {
  const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId } });
  if (!client) return null;
  const state = await manager.getRepository(DuoClientStateEntity).findOne({ where: { clientId, municipalityId: client.municipalityId } });
  const withdrawn = await manager.getRepository(DuoMessageEntity).createQueryBuilder('m')
    .select('m.kind', 'kind')
    .where('m.clientId = :clientId AND m.municipalityId = :m AND m.kind IN (:...kinds) AND m.status NOT IN (:...dead)', {
      clientId, m: client.municipalityId, kinds: ['PIP_REGISTER', 'PIP_CHANGE', 'PIP_WITHDRAW'], dead: ['SUPERSEDED', 'REFUSED'],
    })
    .orderBy('m.seq', 'DESC').limit(1).getRawOne<{ kind: string }>();
  // DUO's term once known; until then the platform's own reckoning from the first PIP (art. 11 Wi2021).
  const ownStart = integrationTermStart(client.targetGroup as TargetGroup, client.firstPipSignedOn, client.brpRegistrationDate);
  const termStart = state?.termStart ?? ownStart ?? null;
  return {
    client,
    hasPip: client.pipSignedOn !== null && withdrawn?.kind !== 'PIP_WITHDRAW',
    termStart,
    termEnd: state?.termEnd ?? (termStart ? integrationTermEnd(termStart) : null),
  };
}

/** After a PIP was set (registered or changed): DUO's PIP message (PIP API, POST /personen/{bsn}/PIP). */
export async function recordDuoPip(manager: EntityManager, clientId: string, cause: JobCause): Promise<void> {
  const facts = await clientFacts(manager, clientId);
  if (!facts || !facts.client.pipSignedOn || !facts.client.route || !(await linkIsOn(manager, facts.client.municipalityId))) return;
  const { client } = facts;
  const sentBefore = await manager.getRepository(DuoMessageEntity).exists({ where: { clientId, municipalityId: client.municipalityId, kind: 'PIP_REGISTER' } });
  const body: Record<string, unknown> = { dagtekeningPip: client.pipSignedOn, leerroute: DUO_ROUTE_CODES[client.route as Route] };
  if (client.level === 'A2' || client.level === 'B1') body.niveau = client.level;
  await writeMessage(manager, cause, {
    municipalityId: client.municipalityId, clientId, kind: sentBefore ? 'PIP_CHANGE' : 'PIP_REGISTER', subjectKey: 'PIP', method: 'POST', path: '/personen/{bsn}/PIP', body,
  });
}

/** Withdrawing the current PIP at DUO (PIP API, DELETE /personen/{bsn}/PIP); the caller checked DUO's conditions. */
export async function recordDuoPipWithdrawal(manager: EntityManager, clientId: string, cause: JobCause): Promise<void> {
  const facts = await clientFacts(manager, clientId);
  if (!facts || !(await linkIsOn(manager, facts.client.municipalityId))) return;
  const violations = checkDuoMessageAllowed({ kind: 'PIP_WITHDRAW', hasPipOfThisMunicipality: facts.hasPip });
  await writeMessage(manager, cause, {
    municipalityId: facts.client.municipalityId, clientId, kind: 'PIP_WITHDRAW', subjectKey: 'PIP', method: 'DELETE', path: '/personen/{bsn}/PIP', body: null, violations,
  });
}

/** After a provider accepted a placement: the offer at the provider's DUO institution (Inburgeringsaanbod API). */
export async function recordDuoOffer(manager: EntityManager, placementId: string, offerDate: string, cause: JobCause): Promise<void> {
  const placement = await manager.getRepository(PlacementEntity).findOne({ where: { id: placementId } });
  if (!placement) return;
  const facts = await clientFacts(manager, placement.clientId);
  if (!facts || !(await linkIsOn(manager, facts.client.municipalityId))) return;
  const { client } = facts;
  // DUO registers an offer only for asylum migrants: for others there is nothing to tell.
  if (client.targetGroup !== 'STATUS_HOLDER') return;
  const provider = await manager.getRepository(OrganisationEntity).findOneOrFail({ where: { id: placement.providerId } });
  const institutionNumber = provider.duoInstitutionNumber;
  const violations = [
    ...checkDuoMessageAllowed({ kind: 'OFFER', hasPipOfThisMunicipality: facts.hasPip }),
    ...checkOfferForDuo({
      targetGroup: client.targetGroup as TargetGroup, route: client.route as Route | null, pipSignedOn: client.pipSignedOn,
      institutionNumber, hasBowKeurmerk: provider.keurmerkNumber !== null, hasTstKeurmerk: provider.isTaalschakelInstitution,
      offerDate, expectedStart: placement.startDate, termStart: facts.termStart, termEnd: facts.termEnd,
    }).filter((v) => v.code !== 'DUO_OFFER_NO_PIP'),
  ];
  const body: Record<string, unknown> = { datumInburgeringsaanbod: offerDate, indicatorAlfabetiseringsonderwijs: 'NVT' };
  if (placement.startDate) body.verwachteStartdatumOpleiding = placement.startDate;
  await writeMessage(manager, cause, {
    municipalityId: client.municipalityId, clientId: client.id, kind: 'OFFER', subjectKey: `OFFER:${institutionNumber ?? provider.id}`,
    method: 'POST', path: `/personen/{bsn}/Inburgeringsaanbod/${institutionNumber ?? 'ONBEKEND'}`, body, violations,
  });
}

/** After an hour month was approved: the totals followed per DUO category for each client of that month (GevolgdeUren API). */
export async function recordDuoHours(manager: EntityManager, periodId: string, cause: JobCause): Promise<void> {
  // Every client of a period is of the period's municipality: nothing to total while its link is off.
  const period = await manager.query<{ municipality_id: string }[]>(`SELECT municipality_id FROM hour_period WHERE id = $1`, [periodId]);
  if (period.length === 0 || !(await linkIsOn(manager, period[0].municipality_id))) return;
  const rows = await manager.query<{ client_id: string; municipality_id: string; category: HourCategory; minutes: number }[]>(
    `SELECT e.client_id, e.municipality_id, e.category, SUM(e.attended_minutes)::int AS minutes
       FROM hour_entry e
       JOIN hour_period hp ON hp.provider_id = e.provider_id AND hp.municipality_id = e.municipality_id
                          AND hp.month = date_trunc('month', e.lesson_date)::date AND hp.status = 'APPROVED'
       JOIN client c ON c.id = e.client_id AND c.municipality_id = e.municipality_id
       -- Instroomklas hours are brede-intake hours: DUO's route totals leave them out (GevolgdeUren, ParticipatieAlsTaalles).
       JOIN placement pl ON pl.id = e.placement_id AND pl.kind = 'REGULAR'
      WHERE e.client_id IN (SELECT DISTINCT x.client_id FROM hour_entry x JOIN hour_period p ON p.id = $1
                              AND x.provider_id = p.provider_id AND x.municipality_id = p.municipality_id
                              AND x.lesson_date >= p.month AND x.lesson_date < (p.month + interval '1 month')::date)
        AND NOT EXISTS (SELECT 1 FROM hour_entry n WHERE n.corrects_entry_id = e.id)
      GROUP BY e.client_id, e.municipality_id, e.category`,
    [periodId],
  );
  const perClient = new Map<string, { municipalityId: string; entries: { category: HourCategory; attendedMinutes: number }[] }>();
  for (const r of rows) {
    const c = perClient.get(r.client_id) ?? { municipalityId: r.municipality_id, entries: [] };
    c.entries.push({ category: r.category, attendedMinutes: r.minutes });
    perClient.set(r.client_id, c);
  }
  for (const [clientId, { municipalityId, entries }] of perClient) {
    const facts = await clientFacts(manager, clientId);
    if (!facts?.hasPip) continue;
    const totals = duoHourTotals(entries, facts.client.route as Route | null, facts.client.targetGroup as TargetGroup);
    for (const category of DUO_HOUR_CATEGORIES) {
      if (category === 'PARTICIPATIEACTIVITEITEN' && totals[category] === 0) continue;
      await writeMessage(manager, cause, {
        municipalityId, clientId, kind: 'HOURS', subjectKey: `HOURS:${category}`, method: 'PUT', path: `/personen/{bsn}/uren/${DUO_HOUR_PATHS[category]}`, body: { uren: totals[category] },
      });
    }
  }
}

export interface DuoCompletion {
  clientId: string;
  kind: 'MAP' | 'PVT' | 'Z_COMPLETION';
  date: string;
  /** Only where DUO's rules allow it (after the term end). */
  blame: 'Ja' | 'Nee' | null;
  today: string;
}

/** After MAP, PVT or the Z-route was completed: the date to DUO (MAP-PVT-Zroute API, PUT), checked against DUO's rules first. */
export async function recordDuoCompletion(manager: EntityManager, completion: DuoCompletion, cause: JobCause): Promise<void> {
  const facts = await clientFacts(manager, completion.clientId);
  if (!facts || !(await linkIsOn(manager, facts.client.municipalityId))) return;
  const { client } = facts;
  const earlier = await manager.query<{ kind: string; body: Record<string, string> | null }[]>(
    `SELECT DISTINCT ON (kind) kind, body FROM duo_message WHERE client_id = $1 AND municipality_id = $2 AND kind IN ('MAP','PVT','Z_ROUTE') AND status IN ('WAITING','SENT','ACCEPTED') ORDER BY kind, seq DESC`,
    [client.id, client.municipalityId],
  );
  const bodyOf = (kind: string) => earlier.find((e) => e.kind === kind)?.body ?? null;
  const zRouteOn = bodyOf('Z_ROUTE')?.datumAfrondingZroute ?? null;
  const common = { municipalityId: client.municipalityId, clientId: client.id, method: 'PUT' as const };
  if (completion.kind === 'Z_COMPLETION') {
    const violations = checkZRouteForDuo({
      date: completion.date, route: client.route as Route | null, hasPipOfThisMunicipality: facts.hasPip,
      mapOn: bodyOf('MAP')?.datumEindgesprekMap ?? null, pvtOn: bodyOf('PVT')?.datumOndertekeningPvt ?? null, today: completion.today,
    });
    await writeMessage(manager, cause, { ...common, kind: 'Z_ROUTE', subjectKey: 'Z_ROUTE', path: '/personen/{bsn}/zroute', body: { datumAfrondingZroute: completion.date }, violations });
    return;
  }
  const kind = completion.kind;
  const violations = checkCompletionForDuo({
    kind, date: completion.date, blame: completion.blame, hasPipOfThisMunicipality: facts.hasPip,
    isChange: bodyOf(kind) !== null, deliveredBeforeByUs: bodyOf(kind) !== null, metViaZRoute: false, zRouteCompletedOn: zRouteOn,
    termStart: facts.termStart, termEnd: facts.termEnd, today: completion.today,
  });
  const body: Record<string, unknown> = kind === 'MAP' ? { datumEindgesprekMap: completion.date } : { datumOndertekeningPvt: completion.date };
  if (completion.blame) body.verwijtbaar = completion.blame;
  await writeMessage(manager, cause, { ...common, kind, subjectKey: kind, path: kind === 'MAP' ? '/personen/{bsn}/map' : '/personen/{bsn}/pvt', body, violations });
}

/**
 * Links a contact person of the municipality to the client at DUO (Contactpersoon API, POST
 * /contactpersonen/{id}/personen/{bsn}; a new link replaces the previous one). DUO's number of the contact person is
 * filled in when sending, after registering the contact person at DUO if it is new. Nothing is written when the same
 * contact person is already linked or on its way.
 */
export async function recordDuoContactPerson(manager: EntityManager, clientId: string, contactPersonId: string, cause: JobCause): Promise<boolean> {
  const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, select: { id: true, municipalityId: true } });
  if (!client || !(await linkIsOn(manager, client.municipalityId))) return false;
  const current = await manager.getRepository(DuoMessageEntity).createQueryBuilder('m')
    .where('m.clientId = :clientId AND m.municipalityId = :municipalityId AND m.kind = :kind AND m.status IN (:...live)', {
      clientId, municipalityId: client.municipalityId, kind: 'CONTACT_PERSON', live: ['WAITING', 'SENT', 'ACCEPTED'],
    })
    .orderBy('m.seq', 'DESC').limit(1).getOne();
  if (current?.contactPersonId === contactPersonId) return false;
  await writeMessage(manager, cause, {
    municipalityId: client.municipalityId, clientId, kind: 'CONTACT_PERSON', subjectKey: 'CONTACT_PERSON', method: 'POST',
    path: '/contactpersonen/{contactpersoon}/personen/{bsn}', body: null, contactPersonId,
  });
  return true;
}
