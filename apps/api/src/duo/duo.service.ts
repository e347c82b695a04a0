import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDuoContactPerson, checkPipWithdrawal, duoMessageKindLabel, type DuoMessageKind } from '@inburgering/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { requirePage, throwIfViolations, ValidationAppError } from '../common';
import { ClientEntity, DuoClientStateEntity, DuoContactPersonEntity, DuoLinkEntity, DuoMessageEntity } from '../database';
import { recordDuoContactPerson, recordDuoPipWithdrawal } from './duo-outgoing';
import { type Actor, municipalityScopeOf, regionScopeOf } from '../tenancy';
import { resetDuoAgents } from './duo-http';
import type { ConfigureDuoLinkInput, DuoContactPersonType, DuoLinkType, DuoMessageKindGql, DuoMessagePageType, DuoMessageStatusGql, DuoMessageType, SetDuoContactPersonInput } from './duo.types';

/** At most this many refused messages per page. */
export const MAX_REFUSED_PAGE = 200;

function toMessage(m: DuoMessageEntity, clientNumber: number): DuoMessageType {
  return {
    id: m.id, clientId: m.clientId, clientNumber, kind: m.kind as DuoMessageKindGql, kindLabel: duoMessageKindLabel(m.kind as DuoMessageKind),
    status: m.status as DuoMessageStatusGql, errors: m.errors ?? [], lastError: m.lastError, attempts: m.attempts, createdAt: m.createdAt, answeredAt: m.answeredAt,
  };
}

function toLink(l: DuoLinkEntity): DuoLinkType {
  return { municipalityId: l.municipalityId, enabled: l.enabled, municipalityOin: l.municipalityOin, duoOin: l.duoOin, baseUrl: l.baseUrl, certPath: l.certPath, keyPath: l.keyPath, caPath: l.caPath };
}

/** The DUO messages a consultant sees, and the link configuration the region's administrator sets per municipality. */
@Injectable()
export class DuoService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly access: AccessService) {}

  /** One client's messages to DUO, newest first. */
  async messagesOfClient(actor: Actor, clientId: string): Promise<DuoMessageType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const client = await this.db.getRepository(ClientEntity).findOneOrFail({ where: { id: clientId, municipalityId }, select: { id: true, clientNumber: true } });
    const rows = await this.db.getRepository(DuoMessageEntity).find({ where: { clientId, municipalityId }, order: { seq: 'DESC' } });
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.CASELOAD);
    return rows.map((m) => toMessage(m, client.clientNumber));
  }

  /** One page of the municipality's refused messages, newest first, that no later message for the same subject has resolved, with the total. */
  async refused(actor: Actor, limit: number, offset: number): Promise<DuoMessagePageType> {
    requirePage(limit, offset, MAX_REFUSED_PAGE, 'berichten');
    const municipalityId = municipalityScopeOf(actor);
    const query = this.db.getRepository(DuoMessageEntity).createQueryBuilder('m')
      .innerJoin(ClientEntity, 'c', 'c.id = m.client_id AND c.municipality_id = m.municipality_id')
      .addSelect('c.client_number', 'client_number')
      .where('m.municipalityId = :municipalityId AND m.status = :refused', { municipalityId, refused: 'REFUSED' })
      .andWhere(`NOT EXISTS (SELECT 1 FROM duo_message n WHERE n.client_id = m.client_id AND n.subject_key = m.subject_key AND n.seq > m.seq AND n.status = 'ACCEPTED')`)
      .orderBy('m.seq', 'DESC');
    const [rows, total] = await Promise.all([query.clone().offset(offset).limit(limit).getRawAndEntities(), query.clone().getCount()]);
    return { total, items: rows.entities.map((m, i) => toMessage(m, Number((rows.raw[i] as { client_number: number }).client_number))) };
  }

  /**
   * Withdraws the client's current PIP at DUO (PIP API, DELETE), only while DUO's conditions hold: no term set yet and no
   * course hours reported (README, "Het verwijderen van een PIP"). The platform's own PIP is left as it is.
   */
  async withdrawPip(actor: Actor, clientId: string): Promise<DuoMessageType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    await this.db.transaction(async (manager) => {
      const link = await manager.getRepository(DuoLinkEntity).findOne({ where: { municipalityId } });
      if (!link?.enabled) throw new ValidationAppError([{ field: 'clientId', code: 'DUO_LINK_OFF', message: 'De DUO-koppeling van uw gemeente staat uit; er kan niets naar DUO.' }]);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`duo:${clientId}`]);
      const state = await manager.getRepository(DuoClientStateEntity).findOne({ where: { clientId, municipalityId } });
      const hours = await manager.getRepository(DuoMessageEntity).createQueryBuilder('m')
        .where(`m.clientId = :clientId AND m.municipalityId = :municipalityId AND m.kind = 'HOURS' AND m.status = 'ACCEPTED' AND (m.body->>'uren')::int > 0`, { clientId, municipalityId })
        .getExists();
      throwIfViolations(checkPipWithdrawal({ termEstablished: state?.termEnd != null, courseHoursRegistered: hours }));
      await recordDuoPipWithdrawal(manager, clientId, actor);
      await logProcessing(manager, actor, 'UPDATE', 'client', [clientId], PURPOSE.CASELOAD);
    });
    return this.messagesOfClient(actor, clientId);
  }

  /**
   * Records the municipality's contact person for the client and links it at DUO (Contactpersoon API): validated against
   * DUO's message first, written with its message in one transaction. The same details again send nothing new.
   */
  async setContactPerson(actor: Actor, input: SetDuoContactPersonInput): Promise<DuoContactPersonType | null> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', input.clientId);
    const details = { name: input.name.trim().replace(/\s+/g, ' '), email: input.email.trim().toLowerCase(), phone: input.phone.trim() };
    throwIfViolations(checkDuoContactPerson(details));
    await this.db.transaction(async (manager) => {
      const link = await manager.getRepository(DuoLinkEntity).findOne({ where: { municipalityId } });
      if (!link?.enabled) throw new ValidationAppError([{ field: 'clientId', code: 'DUO_LINK_OFF', message: 'De DUO-koppeling van uw gemeente staat uit; er kan niets naar DUO.' }]);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`duo:${input.clientId}`]);
      const persons = manager.getRepository(DuoContactPersonEntity);
      await persons.createQueryBuilder().insert().into(DuoContactPersonEntity)
        .values({ municipalityId, ...details, createBerichtId: randomUUID() })
        .orIgnore()
        .execute();
      const person = await persons.findOneOrFail({ where: { municipalityId, ...details }, select: { id: true } });
      await recordDuoContactPerson(manager, input.clientId, person.id, actor);
      await logProcessing(manager, actor, 'UPDATE', 'client', [input.clientId], PURPOSE.CASELOAD);
    });
    return this.contactPerson(actor, input.clientId);
  }

  /** The client's current contact person at DUO (the newest message that was not replaced), with its status. */
  async contactPerson(actor: Actor, clientId: string): Promise<DuoContactPersonType | null> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const row = await this.db.getRepository(DuoMessageEntity).createQueryBuilder('m')
      .innerJoin(DuoContactPersonEntity, 'p', 'p.id = m.contact_person_id AND p.municipality_id = m.municipality_id')
      .select(['m.status AS status', 'm.errors AS errors', 'p.name AS name', 'p.email AS email', 'p.phone AS phone'])
      .where('m.clientId = :clientId AND m.municipalityId = :municipalityId AND m.kind = :kind AND m.status <> :superseded', { clientId, municipalityId, kind: 'CONTACT_PERSON', superseded: 'SUPERSEDED' })
      .orderBy('m.seq', 'DESC').limit(1)
      .getRawOne<{ status: string; errors: string[] | null; name: string; email: string; phone: string }>();
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.CASELOAD);
    return row ? { name: row.name, email: row.email, phone: row.phone, status: row.status as DuoMessageStatusGql, errors: row.errors ?? [] } : null;
  }

  async link(actor: Actor, municipalityId: string): Promise<DuoLinkType | null> {
    regionScopeOf(actor);
    await this.access.requireOne(actor, 'municipality', municipalityId);
    const link = await this.db.getRepository(DuoLinkEntity).findOne({ where: { municipalityId } });
    return link ? toLink(link) : null;
  }

  async configure(actor: Actor, input: ConfigureDuoLinkInput): Promise<DuoLinkType> {
    regionScopeOf(actor);
    await this.access.requireOne(actor, 'municipality', input.municipalityId);
    await this.db.getRepository(DuoLinkEntity).upsert({
      municipalityId: input.municipalityId, enabled: input.enabled, municipalityOin: input.municipalityOin, duoOin: input.duoOin,
      baseUrl: input.baseUrl, certPath: input.certPath, keyPath: input.keyPath, caPath: input.caPath?.trim() || null,
    }, ['municipalityId']);
    resetDuoAgents();
    return toLink(await this.db.getRepository(DuoLinkEntity).findOneOrFail({ where: { municipalityId: input.municipalityId } }));
  }
}
