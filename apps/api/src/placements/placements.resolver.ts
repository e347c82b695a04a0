import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { EndPlacementInput, PlaceInInstroomklasInput, PlacementChangeInput, RequestIndividualPlacementInput, RequestPlacementInput } from './placement-inputs';
import { PlacementOptionType, PlacementOrganisationType, PlacementType } from './placement.types';
import { PlacementsService } from './placements.service';

/** The consultant's placement actions. */
@Resolver(() => PlacementType)
export class PlacementsResolver {
  constructor(private readonly placements: PlacementsService) {}

  @Roles('CONSULTANT')
  @Query(() => [PlacementOptionType], { description: 'Percelen van de PIP-route voor de gemeente van de inburgeraar, met aanbieders en vrije plaatsen.' })
  placementOptions(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<PlacementOptionType[]> {
    return this.placements.options(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => PlacementType, { description: 'Meld een inburgeraar aan bij een aanbieder; zonder vrije plaats komt de aanmelding op de wachtlijst.' })
  requestPlacement(@CurrentActor() actor: Actor, @Args('input') input: RequestPlacementInput): Promise<PlacementType> {
    return this.placements.request(actor, input);
  }

  @Roles('CONSULTANT')
  @Query(() => [PlacementOrganisationType], {
    description: 'Onderwijsinstellingen waar de consulent de inburgeraar individueel kan plaatsen (Onderwijsroute zonder perceel in de gemeente); anders leeg.',
  })
  individualPlacementInstitutions(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<PlacementOrganisationType[]> {
    return this.placements.individualInstitutions(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => PlacementType, { description: 'Plaats een inburgeraar individueel bij een onderwijsinstelling, buiten een perceel, met de afgesproken prijs en periode.' })
  requestIndividualPlacement(@CurrentActor() actor: Actor, @Args('input') input: RequestIndividualPlacementInput): Promise<PlacementType> {
    return this.placements.requestIndividual(actor, input);
  }

  @Roles('CONSULTANT')
  @Query(() => [PlacementOrganisationType], { description: 'Aanbieders van de regio die de instroomklas van de inburgeraar kunnen geven.' })
  instroomklasProviders(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<PlacementOrganisationType[]> {
    return this.placements.instroomklasProviders(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => PlacementType, { description: 'Plaats een inburgeraar in de instroomklas tot de route start; beëindig met endPlacement (reden ROUTE_STARTED).' })
  placeInInstroomklas(@CurrentActor() actor: Actor, @Args('input') input: PlaceInInstroomklasInput): Promise<PlacementType> {
    return this.placements.placeInInstroomklas(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => PlacementType, { description: 'Trek een aanmelding of een nog niet gestarte plaatsing in.' })
  withdrawPlacement(@CurrentActor() actor: Actor, @Args('input') input: PlacementChangeInput): Promise<PlacementType> {
    return this.placements.withdraw(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => PlacementType, { description: 'Beëindig een plaatsing met een reden.' })
  endPlacement(@CurrentActor() actor: Actor, @Args('input') input: EndPlacementInput): Promise<PlacementType> {
    return this.placements.end(actor, input);
  }
}
