import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { cite, ROUTE_SWITCH_WINDOW_MONTHS } from '@inburgering/domain';
import { CurrentActor, Roles } from '../auth';
import { OrganisationType } from '../organisations';
import { ClientMovedType } from './placement.types';
import type { Actor } from '../tenancy';
import { MoveClientInput, SwitchRouteInput, ClientType } from '../clients';
import { ClientChangesService } from './client-changes.service';

@Resolver(() => ClientType)
export class ClientChangesResolver {
  constructor(private readonly changes: ClientChangesService) {}

  @Roles('CONSULTANT')
  @Mutation(() => ClientType, {
    description: `Wissel de leerroute: binnen ${ROUTE_SWITCH_WINDOW_MONTHS} maanden na het eerste PIP en met een schriftelijke reden (${cite('ROUTE_SWITCH')}).`,
  })
  switchRoute(@CurrentActor() actor: Actor, @Args('input') input: SwitchRouteInput): Promise<ClientType> {
    return this.changes.switchRoute(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientMovedType, { description: 'Draag een verhuisde inburgeraar over aan de nieuwe gemeente; daarna heeft uw gemeente geen toegang meer.' })
  moveClient(@CurrentActor() actor: Actor, @Args('input') input: MoveClientInput): Promise<ClientMovedType> {
    return this.changes.move(actor, input);
  }

  @Roles('CONSULTANT')
  @Query(() => [OrganisationType], { description: 'De andere gemeenten, om een verhuizing vast te leggen.' })
  moveTargetMunicipalities(@CurrentActor() actor: Actor): Promise<OrganisationType[]> {
    return this.changes.moveTargets(actor);
  }
}
