import { Module, type Type } from '@nestjs/common';
import { AccessRequestController } from './access-request.controller';
import { AccessRequestService } from './access-request.service';
import { ClientsResolver } from './clients.resolver';
import { ClientsService } from './clients.service';

export const CLIENT_RESOLVERS: Type[] = [ClientsResolver];

/** The municipality's caseload: registering, reading and changing its clients. */
@Module({ controllers: [AccessRequestController], providers: [ClientsService, AccessRequestService, ...CLIENT_RESOLVERS], exports: [ClientsService] })
export class ClientsModule {}
