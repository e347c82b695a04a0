import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { ClientFilterInput, SetPipInput, UpdateClientInput } from './client-inputs';
import { ClientPageType, ClientType, RegisterClientInput } from './client.types';
import { ClientsService } from './clients.service';

@Resolver(() => ClientType)
export class ClientsResolver {
  constructor(private readonly clientsService: ClientsService) {}

  @Roles('CONSULTANT')
  @Query(() => ClientPageType, { description: 'De inburgeraars van de eigen gemeente, te zoeken en te filteren op route, plaatsing en termijnen.' })
  clients(
    @CurrentActor() actor: Actor,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
    // The filter's type has no `| null`: the metadata of a union is Object, which class-validator skips (null still arrives).
    @Args('filter', { type: () => ClientFilterInput, nullable: true }) filter: ClientFilterInput,
  ): Promise<ClientPageType> {
    return this.clientsService.list(actor, search, limit, offset, filter);
  }

  @Roles('CONSULTANT')
  @Query(() => ClientType)
  client(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ClientType> {
    return this.clientsService.get(actor, id);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientType, { description: 'Registreer een inburgeraar van de eigen gemeente.' })
  registerClient(@CurrentActor() actor: Actor, @Args('input') input: RegisterClientInput): Promise<ClientType> {
    return this.clientsService.register(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientType, { description: 'Wijzig de persoons- en intakegegevens van een inburgeraar.' })
  updateClient(@CurrentActor() actor: Actor, @Args('input') input: UpdateClientInput): Promise<ClientType> {
    return this.clientsService.update(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientType, { description: 'Leg het (gewijzigde) PIP vast: datum, route, niveau, lesuren en lespatroon.' })
  setPip(@CurrentActor() actor: Actor, @Args('input') input: SetPipInput): Promise<ClientType> {
    return this.clientsService.setPip(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => String, { description: 'Toon het volledige BSN; dit wordt vastgelegd in het verwerkingenlogboek.' })
  revealBsn(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<string> {
    return this.clientsService.revealBsn(actor, clientId);
  }
}
