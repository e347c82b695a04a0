import { Module, type Type } from '@nestjs/common';
import { ClientsResolver } from './clients.resolver';
import { ClientsService } from './clients.service';

export const CLIENT_RESOLVERS: Type[] = [ClientsResolver];

/** The municipality's caseload: registering, reading and changing its clients. */
@Module({ providers: [ClientsService, ...CLIENT_RESOLVERS], exports: [ClientsService] })
export class ClientsModule {}
