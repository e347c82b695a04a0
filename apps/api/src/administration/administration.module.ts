import { Module, type Type } from '@nestjs/common';
import { SessionModule } from '../auth';
import { AdministrationResolver } from './administration.resolver';
import { InvitationsService } from './invitations.service';
import { OrganisationsAdminService } from './organisations-admin.service';
import { SendMailJob } from './send-mail.job';
import { UsersAdminService } from './users-admin.service';

export const ADMINISTRATION_RESOLVERS: Type[] = [AdministrationResolver];
export const ADMINISTRATION_JOB_HANDLERS = [SendMailJob];

/** The worker's part: sending the invitation mails (no sessions or resolvers in the worker). */
@Module({ providers: [...ADMINISTRATION_JOB_HANDLERS], exports: [...ADMINISTRATION_JOB_HANDLERS] })
export class AdministrationJobsModule {}

/** Issue 14: the region's functioneel beheerder and a provider's own administrator manage organisations and accounts. */
@Module({
  imports: [SessionModule],
  providers: [OrganisationsAdminService, UsersAdminService, InvitationsService, ...ADMINISTRATION_RESOLVERS],
})
export class AdministrationModule {}
