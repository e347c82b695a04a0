import { Module } from '@nestjs/common';
import { SessionService } from './session.service';

/** Sessions are needed both by the GraphQL context factory and by the resolvers. */
@Module({ providers: [SessionService], exports: [SessionService] })
export class SessionModule {}
