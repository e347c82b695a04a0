import { Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { resetDuoAgents } from './duo-http';
import { ProcessDuoNotificationJob } from './duo-notification.job';
import { DuoNotificationsController } from './duo-notifications.controller';
import { SendDuoMessageJob, SendWaitingDuoMessagesJob } from './duo-send.job';
import { DuoResolver } from './duo.resolver';
import { DuoService } from './duo.service';

export const DUO_RESOLVERS: Type[] = [DuoResolver];
export const DUO_JOB_HANDLERS: Type[] = [SendDuoMessageJob, SendWaitingDuoMessagesJob, ProcessDuoNotificationJob];

/** The municipality side of DUO's machine-to-machine link: outgoing messages, their status, the link's configuration. */
@Module({ controllers: [DuoNotificationsController], providers: [DuoService, ...DUO_RESOLVERS, ...DUO_JOB_HANDLERS], exports: [...DUO_JOB_HANDLERS] })
export class DuoModule implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    resetDuoAgents();
  }
}
