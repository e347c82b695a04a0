import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutgoingMailEntity } from '../database';
import type { JobHandler, JobPayloads } from '../jobs';

/**
 * "Sends" one e-mail. The platform has no mail server yet: the message stays in `outgoing_mail` (the administrator reads
 * it under "Verzonden uitnodigingen") and is marked sent; the log line names only the mail's id, never the address.
 * A real transport would go in `outsideTransaction`, idempotent through `sent_at`.
 */
@Injectable()
export class SendMailJob implements JobHandler<'administration.send-mail'> {
  readonly jobName = 'administration.send-mail' as const;
  private readonly logger = new Logger('E-mail');

  async handle(payload: JobPayloads['administration.send-mail'], manager: EntityManager): Promise<void> {
    const result = await manager.createQueryBuilder().update(OutgoingMailEntity).set({ sentAt: () => 'now()' })
      .where('id = :id AND sent_at IS NULL', { id: payload.mailId }).execute();
    if (result.affected) this.logger.log(`E-mail ${payload.mailId} verzonden (bewaard in outgoing_mail; er is geen mailserver).`);
  }
}
