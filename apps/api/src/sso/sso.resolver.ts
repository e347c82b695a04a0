import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { SsoConnectionsService } from './sso-connections.service';
import { SaveSsoConnectionInput, SsoLoginOptionType, SsoOrganisationType } from './sso.types';

@Resolver()
export class SsoResolver {
  constructor(private readonly connections: SsoConnectionsService) {}

  @Public()
  @Query(() => [SsoLoginOptionType], { description: 'De organisaties waarvan medewerkers met de eigen organisatie inloggen (keuze op de inlogpagina).' })
  ssoLoginOptions(): Promise<SsoLoginOptionType[]> {
    return this.connections.loginOptions();
  }

  @Roles('ADMIN')
  @Query(() => [SsoOrganisationType], { description: 'De organisaties van de regio met hun inloginstelling (single sign-on), voor functioneel beheer.' })
  ssoOrganisations(@CurrentActor() actor: Actor): Promise<SsoOrganisationType[]> {
    return this.connections.organisations(actor);
  }

  @Roles('ADMIN')
  @Mutation(() => SsoOrganisationType, { description: 'Stel in hoe de medewerkers van een organisatie inloggen met hun eigen organisatie (OpenID Connect of eHerkenning).' })
  saveSsoConnection(@CurrentActor() actor: Actor, @Args('input') input: SaveSsoConnectionInput): Promise<SsoOrganisationType> {
    return this.connections.save(actor, input);
  }
}
