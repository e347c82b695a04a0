import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { duoEventRule, type DuoEventFetch } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { BSN_CRYPTO, BsnCrypto } from '../common';
import { ClientEntity, DuoClientStateEntity, DuoLinkEntity, DuoNotificationEntity } from '../database';
import type { JobHandler, JobPayloads } from '../jobs';
import { raiseSignals } from '../signals';
import { callDuo } from './duo-http';
import { randomUUID } from 'node:crypto';

const FETCH_PATHS: Record<DuoEventFetch, string> = {
  OBLIGATION: '/personen/{bsn}/inburgeringsplicht',
  TERM: '/personen/{bsn}/inburgeringstermijn',
  EXAMS: '/personen/{bsn}/examens/resultaten',
  EXEMPTIONS: '/personen/{bsn}/vrijstellingen',
  DISPENSATIONS: '/personen/{bsn}/ontheffingen',
};

/**
 * After a notification: fetches from DUO what the event says changed (Gebeurtenissen overview), stores it with the
 * client, and raises a signal to the consultant when the event needs action. The calls to DUO hold no transaction: the
 * answers are stored afterwards in one short transaction that also marks the notification processed (once, whichever
 * delivery of the job gets there first). A 5xx or time-out is retried.
 */
@Injectable()
export class ProcessDuoNotificationJob implements JobHandler<'duo.process-notification'> {
  readonly jobName = 'duo.process-notification' as const;

  constructor(@InjectDataSource() private readonly db: DataSource, @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto) {}

  /** Nothing to do in the job's transaction: the work happens in outsideTransaction. */
  async handle(): Promise<void> {}

  async outsideTransaction(payload: JobPayloads['duo.process-notification']): Promise<void> {
    const notification = await this.db.getRepository(DuoNotificationEntity).findOne({ where: { id: payload.notificationId, municipalityId: payload.municipalityId } });
    if (!notification || notification.status === 'PROCESSED') return;
    const rule = duoEventRule(notification.eventId);
    const client = notification.clientId
      ? await this.db.getRepository(ClientEntity).findOne({ where: { id: notification.clientId, municipalityId: notification.municipalityId } })
      : null;
    const link = await this.db.getRepository(DuoLinkEntity).findOne({ where: { municipalityId: notification.municipalityId } });
    let state: Partial<DuoClientStateEntity> | null = null;
    // An anonymised client (retention) has no BSN to ask DUO about.
    if (client?.bsnEncrypted && link && rule.fetch.length > 0) {
      const bsn = this.crypto.decrypt(client.bsnEncrypted);
      await logProcessing(this.db.manager, null, 'UPDATE', 'client', [client.id], PURPOSE.BSN_REVEAL);
      state = { clientId: client.id, municipalityId: client.municipalityId };
      for (const fetch of rule.fetch) {
        const answer = await callDuo(link, { method: 'GET', path: FETCH_PATHS[fetch].replace('{bsn}', bsn), berichtId: randomUUID(), body: null });
        if (answer.status >= 500) throw new Error(`DUO HTTP ${answer.status} bij ophalen`);
        if (answer.status === 404) continue;
        if (answer.status >= 400) throw new Error(`DUO weigerde het ophalen (HTTP ${answer.status})`);
        const data = answer.body as Record<string, unknown> & Record<string, unknown>[];
        if (fetch === 'OBLIGATION') state.obligation = data;
        if (fetch === 'TERM') {
          state.termStart = typeof data.startdatum === 'string' ? data.startdatum : null;
          state.termEnd = typeof data.einddatum === 'string' ? data.einddatum : null;
        }
        if (fetch === 'EXAMS') state.examResults = Array.isArray(data) ? data : [];
        if (fetch === 'EXEMPTIONS') state.exemptions = Array.isArray(data) ? data : [];
        if (fetch === 'DISPENSATIONS') state.dispensations = Array.isArray(data) ? data : [];
      }
    }
    await this.db.transaction(async (manager) => {
      const marked = await manager.getRepository(DuoNotificationEntity).update({ id: notification.id, status: 'RECEIVED' }, { status: 'PROCESSED' });
      if ((marked.affected ?? 0) === 0) return; // Another delivery of this job stored it already.
      if (state) await manager.getRepository(DuoClientStateEntity).save(state);
      if (rule.signal && (client || !notification.clientId)) {
        await raiseSignals(manager, [{
          kind: 'DUO_EVENT', organisationId: notification.municipalityId, subjectType: client ? 'client' : 'municipality', subjectId: client?.id ?? notification.municipalityId,
          occurrenceKey: `duo-notification:${notification.berichtId}`,
          message: client ? `${rule.signal} (klantnummer ${client.clientNumber}, gebeurtenis ${notification.eventId})` : `${rule.signal} (gebeurtenis ${notification.eventId})`,
        }]);
      }
    });
  }
}
