// The public face of auth/: other folders import only what is exported here.
export { AccessGuard } from './access.guard';
export { AUTH_RESOLVERS, AuthModule } from './auth.module';
export { RoleGql } from './auth.types';
export { CurrentActor } from './current-actor.decorator';
export { hashPassword, verifyPassword } from './password';
export { Public, Roles } from './roles.decorator';
export { ACTING_MUNICIPALITY_HEADER, actingMunicipalityOf, clearSessionCookie, readSessionToken, writeSessionCookie } from './session-cookie';
export { SessionModule } from './session.module';
export { SessionService } from './session.service';
