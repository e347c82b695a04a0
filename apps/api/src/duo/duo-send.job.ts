import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDuoMessageAllowed, duoMessageKindLabel, isDuoRetryable, type DuoMessageKind } from '@inburgering/domain';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { BSN_CRYPTO, BsnCrypto } from '../common';
import { ClientEntity, DuoContactPersonEntity, DuoLinkEntity, DuoMessageEntity } from '../database';
import type { JobHandler, JobPayloads } from '../jobs';
import { raiseSignals } from '../signals';
import { callDuo, duoErrorTexts, type DuoResponse } from './duo-http';

/** A 5xx, time-out or network error: the message stays waiting and BullMQ retries the job with backoff. */
class DuoUnavailableError extends Error {}

const REFUSAL_DEFAULTS: Record<number, string> = {
  400: 'DUO kon het bericht niet lezen (fout verzoek).',
  401: 'DUO herkent de afzender niet: controleer het certificaat van de koppeling.',
  403: 'DUO weigert het bericht (niet geautoriseerd): controleer het OIN van uw gemeente en of uw gemeente het actuele PIP heeft.',
  404: 'DUO kent deze persoon niet of het gegeven bestaat niet (meer).',
};

/**
 * Sends a client's waiting messages to DUO in order, up to and including the job's message. Runs under a per-client
 * advisory lock (so two jobs never send for one client at once); each answer is committed at once on its own
 * connection, so an outage halfway loses nothing and a retry does not send an accepted message again. DUO sees the
 * message's own berichtId on every attempt.
 */
@Injectable()
export class SendDuoMessageJob implements JobHandler<'duo.send'> {
  readonly jobName = 'duo.send' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayloads['duo.send'], manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`duo:${payload.clientId}`]);
    const messages = this.db.getRepository(DuoMessageEntity);
    const target = await messages.findOne({ where: { id: payload.messageId, municipalityId: payload.municipalityId } });
    if (!target || (target.status !== 'WAITING' && target.status !== 'SENT')) return;
    const link = await this.db.getRepository(DuoLinkEntity).findOne({ where: { municipalityId: payload.municipalityId } });
    if (!link?.enabled) return; // Stays waiting; the sweep sends it once the link is on again.
    const client = await this.db.getRepository(ClientEntity).findOne({ where: { id: payload.clientId } });
    const queue = await messages.find({
      where: [
        { clientId: payload.clientId, municipalityId: payload.municipalityId, status: 'WAITING', seq: LessThanOrEqual(target.seq) },
        { clientId: payload.clientId, municipalityId: payload.municipalityId, status: 'SENT', seq: LessThanOrEqual(target.seq) },
      ],
      order: { seq: 'ASC' },
    });
    for (const message of queue) {
      const ofThisMunicipality = client !== null && client.municipalityId === message.municipalityId;
      const hasPip = ofThisMunicipality && client.pipSignedOn !== null && !(await this.pipWithdrawnBefore(message));
      const refusedHere = ofThisMunicipality ? checkDuoMessageAllowed({ kind: message.kind as DuoMessageKind, hasPipOfThisMunicipality: hasPip }) : [{ message: 'De cliënt hoort niet (meer) bij uw gemeente; er is niets naar DUO gestuurd.' }];
      if (refusedHere.length > 0 || !client) {
        await messages.update(message.id, { status: 'REFUSED', errors: refusedHere.map((v) => v.message), lastError: 'Niet verstuurd.', answeredAt: this.clock.now() });
        continue;
      }
      // The BSN leaves the platform for DUO: logged as a processing of personal data (by the system, no user).
      await logProcessing(this.db.manager, null, 'READ', 'client', [client.id], PURPOSE.BSN_REVEAL);
      await this.sendOne(link, message, this.crypto.decrypt(client.bsnEncrypted), client.clientNumber);
    }
  }

  /** Leaves a visible state when DUO stayed unreachable through every attempt; the sweep sends it later. */
  async onFinalFailure(payload: JobPayloads['duo.send']): Promise<void> {
    await this.db.getRepository(DuoMessageEntity).update(
      { id: payload.messageId, status: 'WAITING' },
      { lastError: 'DUO is langdurig niet bereikbaar; het bericht wordt later automatisch opnieuw verstuurd.' },
    );
  }

  private async pipWithdrawnBefore(message: DuoMessageEntity): Promise<boolean> {
    if (message.kind === 'PIP_REGISTER' || message.kind === 'PIP_CHANGE') return false;
    const last = await this.db.getRepository(DuoMessageEntity).findOne({
      where: [
        { clientId: message.clientId, municipalityId: message.municipalityId, kind: 'PIP_WITHDRAW', status: 'ACCEPTED' },
      ],
      order: { seq: 'DESC' },
    });
    return last !== null && BigInt(last.seq) < BigInt(message.seq) && message.kind !== 'PIP_WITHDRAW';
  }

  /**
   * DUO's number of the message's contact person, registering the contact person at DUO first when it is new (POST
   * /contactpersonen, with the contact person's own berichtId so a repeat after a lost answer is recognised). Returns
   * DUO's answer instead when DUO refused or failed the registration; a network error throws.
   */
  private async registerContactPerson(link: DuoLinkEntity, message: DuoMessageEntity): Promise<number | DuoResponse> {
    const persons = this.db.getRepository(DuoContactPersonEntity);
    const person = await persons.findOneOrFail({ where: { id: message.contactPersonId ?? '', municipalityId: message.municipalityId } });
    if (person.duoId !== null) return person.duoId;
    const answer = await callDuo(link, {
      method: 'POST', path: '/contactpersonen', berichtId: person.createBerichtId,
      body: { naam: person.name, email: person.email, telefoonnummer: person.phone },
    });
    if (answer.status < 200 || answer.status >= 300) return answer;
    const duoId = contactPersonNumber(answer.body);
    if (duoId === null) return { status: 502, body: null };
    await persons.update(person.id, { duoId });
    return duoId;
  }

  private async sendOne(link: DuoLinkEntity, message: DuoMessageEntity, bsn: string, clientNumber: number): Promise<void> {
    const messages = this.db.getRepository(DuoMessageEntity);
    await messages.update(message.id, { status: 'SENT', attempts: message.attempts + 1 });
    let path = message.path.replace('{bsn}', bsn);
    let answer;
    try {
      if (message.kind === 'CONTACT_PERSON') {
        const registered = await this.registerContactPerson(link, message);
        if (typeof registered !== 'number') {
          answer = registered;
        } else {
          path = path.replace('{contactpersoon}', String(registered));
        }
      }
      answer ??= await callDuo(link, { method: message.method, path, berichtId: message.berichtId, body: message.body });
    } catch (error) {
      const reason = error instanceof Error && error.message.startsWith('Time-out') ? error.message : 'DUO is niet bereikbaar (netwerkfout).';
      await messages.update(message.id, { status: 'WAITING', lastError: `${reason} Wordt opnieuw geprobeerd.` });
      throw new DuoUnavailableError(reason);
    }
    if (answer.status >= 200 && answer.status < 300) {
      await messages.update(message.id, { status: 'ACCEPTED', httpStatus: answer.status, errors: null, lastError: null, answeredAt: this.clock.now() });
      return;
    }
    if (isDuoRetryable(answer.status)) {
      await messages.update(message.id, { status: 'WAITING', httpStatus: answer.status, lastError: `DUO gaf een tijdelijke fout (HTTP ${answer.status}); wordt opnieuw geprobeerd.` });
      throw new DuoUnavailableError(`DUO HTTP ${answer.status}`);
    }
    const texts = duoErrorTexts(answer.body);
    const errors = texts.length > 0 ? texts : [REFUSAL_DEFAULTS[answer.status] ?? `DUO weigerde het bericht (HTTP ${answer.status}).`];
    await messages.update(message.id, { status: 'REFUSED', httpStatus: answer.status, errors, lastError: null, answeredAt: this.clock.now() });
    const label = duoMessageKindLabel(message.kind as DuoMessageKind);
    await raiseSignals(this.db.manager, [{
      kind: 'DUO_MESSAGE_REFUSED', organisationId: message.municipalityId, subjectType: 'client', subjectId: message.clientId, occurrenceKey: `duo-message:${message.id}`,
      message: `DUO heeft het bericht "${label}" voor klantnummer ${clientNumber} geweigerd: ${errors.join(' ')} Pas de gegevens aan; daarna gaat een nieuw bericht naar DUO.`,
    }]);
  }
}

/** DUO's number of a contact person from its answer (Contactpersoon API: { id, contactpersoongegevens }). */
function contactPersonNumber(body: unknown): number | null {
  const id = body && typeof body === 'object' && 'id' in body ? (body as { id: unknown }).id : null;
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= 99999 ? id : null;
}

/** Every message still waiting at an enabled link gets a new send job (after a long outage, or a link switched on again). */
@Injectable()
export class SendWaitingDuoMessagesJob implements JobHandler<'duo.send-waiting'> {
  readonly jobName = 'duo.send-waiting' as const;

  async handle(_payload: JobPayloads['duo.send-waiting'], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_message (job_name, payload)
       SELECT 'duo.send', jsonb_build_object('messageId', m.id, 'clientId', m.client_id, 'municipalityId', m.municipality_id)
         FROM duo_message m JOIN duo_link l ON l.municipality_id = m.municipality_id AND l.enabled
        WHERE m.status IN ('WAITING', 'SENT') ORDER BY m.seq`,
    );
  }
}
