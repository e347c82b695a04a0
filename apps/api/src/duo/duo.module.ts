import { Module, type Type } from '@nestjs/common';
import { SendDuoMessageJob, SendWaitingDuoMessagesJob } from './duo-send.job';
import { DuoResolver } from './duo.resolver';
import { DuoService } from './duo.service';

export const DUO_RESOLVERS: Type[] = [DuoResolver];
export const DUO_JOB_HANDLERS: Type[] = [SendDuoMessageJob, SendWaitingDuoMessagesJob];

/** The municipality side of DUO's machine-to-machine link: outgoing messages, their status, the link's configuration. */
@Module({ providers: [DuoService, ...DUO_RESOLVERS, ...DUO_JOB_HANDLERS], exports: [...DUO_JOB_HANDLERS] })
export class DuoModule {}
