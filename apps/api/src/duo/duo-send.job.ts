import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDuoMessageAllowed, duoMessageKindLabel, isDuoRetryable, type DuoMessageKind } from '@inburgering/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { BSN_CRYPTO, BsnCrypto } from '../common';
import { ClientEntity, DuoContactPersonEntity, DuoLinkEntity, DuoMessageEntity } from '../database';
import type { JobHandler, JobPayloads } from '../jobs';
import { raiseSignals, type NewSignal } from '../signals';
import { callDuo, duoErrorTexts, type DuoResponse } from './duo-http';

/** A 5xx, time-out or network error: the message stays waiting and BullMQ retries the job with backoff. */
class DuoUnavailableError extends Error {}

const REFUSAL_DEFAULTS: Record<number, string> = {
  400: 'DUO kon het bericht niet lezen (fout verzoek).',
  401: 'DUO herkent de afzender niet: controleer het certificaat van de koppeling.',
  403: 'DUO weigert het bericht (niet geautoriseerd): controleer het OIN van uw gemeente en of uw gemeente het actuele PIP heeft.',
  404: 'DUO kent deze persoon niet of het gegeven bestaat niet (meer).',
};

/** How long a send job's claim on a message lives: longer than its calls to DUO (two time-outs of 10 s at most). */
const CLAIM_MS = 60_000;

/** A message taken to send: what the call needs, decided in the claim's transaction. */
/** What an answer of DUO (or the lack of one) changes on the message. */
type MessageAnswer = Pick<Partial<DuoMessageEntity>, 'status' | 'httpStatus' | 'errors' | 'lastError' | 'answeredAt'>;

interface ClaimedMessage {
  link: DuoLinkEntity;
  message: DuoMessageEntity;
  bsn: string;
  clientNumber: number;
}

/**
 * Sends a client's waiting messages to DUO, oldest first. The call to DUO holds no lock and no transaction: the job
 * claims the client's oldest unanswered message in one short transaction (under the client's advisory lock, so one
 * message per client is in flight and the order holds), calls DUO, and records the answer in another; then it takes the
 * next. A message another live job has claimed is left to that job (which goes on through the client's queue); a claim
 * that ran out is a dead worker's and is taken over, as is the job's own claim from an attempt that died. DUO sees the
 * message's own berichtId on every attempt, so a message DUO already saw is not done twice.
 */
@Injectable()
export class SendDuoMessageJob implements JobHandler<'duo.send'> {
  readonly jobName = 'duo.send' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly clock: Clock,
  ) {}

  /** Nothing to do in the job's transaction: the sending happens in outsideTransaction. */
  async handle(): Promise<void> {}

  async outsideTransaction(payload: JobPayloads['duo.send'], jobKey: string): Promise<void> {
    const target = await this.db.getRepository(DuoMessageEntity).findOne({ where: { id: payload.messageId, municipalityId: payload.municipalityId }, select: { id: true, status: true } });
    if (!target || (target.status !== 'WAITING' && target.status !== 'SENT')) return;
    for (;;) {
      const claimed = await this.claimNext(payload, jobKey);
      if (!claimed) return;
      await this.sendOne(claimed, jobKey);
    }
  }

  /**
   * In one short transaction under the client's lock: the client's oldest unanswered message, refused here when the
   * platform's own rules forbid it, else marked SENT and claimed by this job. Null when there is nothing (more) to send,
   * the link is off, or another live job has the client's message in flight.
   */
  private claimNext(payload: JobPayloads['duo.send'], jobKey: string): Promise<ClaimedMessage | null> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`duo:${payload.clientId}`]);
      const messages = manager.getRepository(DuoMessageEntity);
      const link = await manager.getRepository(DuoLinkEntity).findOne({ where: { municipalityId: payload.municipalityId } });
      if (!link?.enabled) return null; // Stays waiting; the sweep sends it once the link is on again.
      const client = await manager.getRepository(ClientEntity).findOne({ where: { id: payload.clientId } });
      for (;;) {
        const message = await messages.findOne({
          where: { clientId: payload.clientId, municipalityId: payload.municipalityId, status: In(['WAITING', 'SENT']) },
          order: { seq: 'ASC' },
        });
        if (!message) return null;
        const now = this.clock.now();
        if (message.claimedBy !== null && message.claimedBy !== jobKey && message.claimedUntil !== null && message.claimedUntil > now) return null;
        // An anonymised client (retention) is treated like one that left: nothing about it goes to DUO any more.
        const ofThisMunicipality = client !== null && client.bsnEncrypted !== null && client.municipalityId === message.municipalityId;
        const hasPip = ofThisMunicipality && client.pipSignedOn !== null && !(await this.pipWithdrawnBefore(manager, message));
        const refusedHere = ofThisMunicipality ? checkDuoMessageAllowed({ kind: message.kind as DuoMessageKind, hasPipOfThisMunicipality: hasPip }) : [{ message: 'De cliënt hoort niet (meer) bij uw gemeente; er is niets naar DUO gestuurd.' }];
        if (refusedHere.length > 0 || !client?.bsnEncrypted) {
          await messages.update(message.id, { status: 'REFUSED', errors: refusedHere.map((v) => v.message), lastError: 'Niet verstuurd.', answeredAt: now, claimedBy: null, claimedUntil: null });
          continue;
        }
        // The BSN leaves the platform for DUO: logged as a processing of personal data (by the system, no user).
        await logProcessing(manager, null, 'READ', 'client', [client.id], PURPOSE.BSN_REVEAL);
        await messages.update(message.id, { status: 'SENT', attempts: message.attempts + 1, claimedBy: jobKey, claimedUntil: new Date(now.getTime() + CLAIM_MS) });
        return { link, message, bsn: this.crypto.decrypt(client.bsnEncrypted), clientNumber: client.clientNumber };
      }
    });
  }

  /** Leaves a visible state when DUO stayed unreachable through every attempt; the sweep sends it later. */
  async onFinalFailure(payload: JobPayloads['duo.send']): Promise<void> {
    await this.db.getRepository(DuoMessageEntity).update(
      { id: payload.messageId, status: 'WAITING' },
      { lastError: 'DUO is langdurig niet bereikbaar; het bericht wordt later automatisch opnieuw verstuurd.' },
    );
  }

  private async pipWithdrawnBefore(manager: EntityManager, message: DuoMessageEntity): Promise<boolean> {
    if (message.kind === 'PIP_REGISTER' || message.kind === 'PIP_CHANGE') return false;
    const last = await manager.getRepository(DuoMessageEntity).findOne({
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

  /** Calls DUO for a claimed message (no transaction open), then records the answer in one short transaction. */
  private async sendOne({ link, message, bsn, clientNumber }: ClaimedMessage, jobKey: string): Promise<void> {
    let path = message.path.replace('{bsn}', bsn);
    let answer: DuoResponse | undefined;
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
      await this.record(message, jobKey, { status: 'WAITING', lastError: `${reason} Wordt opnieuw geprobeerd.` });
      throw new DuoUnavailableError(reason);
    }
    if (answer.status >= 200 && answer.status < 300) {
      await this.record(message, jobKey, { status: 'ACCEPTED', httpStatus: answer.status, errors: null, lastError: null, answeredAt: this.clock.now() });
      return;
    }
    if (isDuoRetryable(answer.status)) {
      await this.record(message, jobKey, { status: 'WAITING', httpStatus: answer.status, lastError: `DUO gaf een tijdelijke fout (HTTP ${answer.status}); wordt opnieuw geprobeerd.` });
      throw new DuoUnavailableError(`DUO HTTP ${answer.status}`);
    }
    const texts = duoErrorTexts(answer.body);
    const errors = texts.length > 0 ? texts : [REFUSAL_DEFAULTS[answer.status] ?? `DUO weigerde het bericht (HTTP ${answer.status}).`];
    const label = duoMessageKindLabel(message.kind as DuoMessageKind);
    await this.record(message, jobKey, { status: 'REFUSED', httpStatus: answer.status, errors, lastError: null, answeredAt: this.clock.now() }, [{
      kind: 'DUO_MESSAGE_REFUSED', organisationId: message.municipalityId, subjectType: 'client', subjectId: message.clientId, occurrenceKey: `duo-message:${message.id}`,
      message: `DUO heeft het bericht "${label}" voor klantnummer ${clientNumber} geweigerd: ${errors.join(' ')} Pas de gegevens aan; daarna gaat een nieuw bericht naar DUO.`,
    }]);
  }

  /**
   * DUO's answer, with the claim released, in one transaction; only while this job still holds the claim (a job whose
   * claim ran out and was taken over records nothing: the other job sends the same berichtId and records DUO's answer).
   */
  private async record(message: DuoMessageEntity, jobKey: string, answer: MessageAnswer, signals: NewSignal[] = []): Promise<void> {
    await this.db.transaction(async (manager) => {
      const updated = await manager.getRepository(DuoMessageEntity).update({ id: message.id, status: 'SENT', claimedBy: jobKey }, { ...answer, claimedBy: null, claimedUntil: null });
      if ((updated.affected ?? 0) > 0) await raiseSignals(manager, signals);
    });
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
