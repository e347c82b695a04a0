import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';

/** Sessions are needed both by the GraphQL context factory and by the resolvers. */
@Module({ providers: [SessionService, SessionCache, LoginThrottle], exports: [SessionService, LoginThrottle] })
export class SessionModule {}
