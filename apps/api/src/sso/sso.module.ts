import { Module, type Type } from '@nestjs/common';
import { SessionModule } from '../auth';
import { OidcClientFactory } from './oidc-client.factory';
import { SsoConnectionsService } from './sso-connections.service';
import { SsoController } from './sso.controller';
import { SsoLoginService } from './sso-login.service';
import { SsoResolver } from './sso.resolver';

export const SSO_RESOLVERS: Type[] = [SsoResolver];

/** Single sign-on (issue 14): OpenID Connect per organisation, set by the region's admin; sessions as with a password. */
@Module({ imports: [SessionModule], controllers: [SsoController], providers: [OidcClientFactory, SsoConnectionsService, SsoLoginService, ...SSO_RESOLVERS] })
export class SsoModule {}
