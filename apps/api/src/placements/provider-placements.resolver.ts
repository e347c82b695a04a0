import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { AcceptPlacementInput, PlacementChangeInput, ProviderPlacementFilterInput, RejectPlacementInput } from './placement-inputs';
import { ProviderPlacementPageType, ProviderPlacementType } from './placement.types';
import { MAX_PLACEMENT_PAGE, ProviderPlacementsService } from './provider-placements.service';

/** The provider's inbox and placed clients. Answers only with ProviderPlacement / PlacedClient: no BSN or intake data exists there. */
@Resolver(() => ProviderPlacementType)
export class ProviderPlacementsResolver {
  constructor(private readonly placements: ProviderPlacementsService) {}

  @Roles('PROVIDER_USER')
  @Query(() => ProviderPlacementPageType, {
    description: `Eén pagina aanmeldingen en geplaatste inburgeraars van de eigen organisatie (hoogstens ${MAX_PLACEMENT_PAGE}), met het totaal.`,
  })
  providerPlacementPage(
    @CurrentActor() actor: Actor,
    // The filter's type has no `| null`: the metadata of a union is Object, which class-validator skips (null still arrives).
    @Args('filter', { type: () => ProviderPlacementFilterInput, nullable: true }) filter: ProviderPlacementFilterInput,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ProviderPlacementPageType> {
    return this.placements.list(actor, filter, limit, offset);
  }

  @Roles('PROVIDER_USER')
  @Query(() => ProviderPlacementType)
  providerPlacement(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ProviderPlacementType> {
    return this.placements.get(actor, id);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => ProviderPlacementType, { description: 'Accepteer een aanmelding met startdatum, locatie en groep.' })
  acceptPlacement(@CurrentActor() actor: Actor, @Args('input') input: AcceptPlacementInput): Promise<ProviderPlacementType> {
    return this.placements.accept(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => ProviderPlacementType, { description: 'Wijs een aanmelding af met een reden.' })
  rejectPlacement(@CurrentActor() actor: Actor, @Args('input') input: RejectPlacementInput): Promise<ProviderPlacementType> {
    return this.placements.reject(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => ProviderPlacementType, { description: 'Meld dat een geaccepteerde plaatsing gestart is.' })
  startPlacement(@CurrentActor() actor: Actor, @Args('input') input: PlacementChangeInput): Promise<ProviderPlacementType> {
    return this.placements.start(actor, input);
  }
}
