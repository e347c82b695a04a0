import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { MapCafeteriaService } from './map-cafeteria.service';
import {
  ChooseMapPartsInput,
  ClientMapPartsType,
  CompleteMapPartChoiceInput,
  MapPartChoiceStatusGql,
  MapPartParticipantPageType,
  MapPartParticipantType,
  MapPartType,
  SaveMapPartInput,
} from './map-cafeteria.types';

@Resolver()
export class MapCafeteriaResolver {
  constructor(private readonly service: MapCafeteriaService) {}

  @Roles('PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => [MapPartType], { description: 'De catalogus van MAP-onderdelen (cafetariamodel): die van de regio, of de eigen onderdelen van een aanbieder.' })
  mapParts(@CurrentActor() actor: Actor): Promise<MapPartType[]> {
    return this.service.catalogue(actor);
  }

  @Roles('PROJECTLEIDER', 'PROVIDER_USER')
  @Mutation(() => MapPartType, { description: 'Een MAP-onderdeel in de catalogus opnemen of wijzigen (de projectleider voor een aanbieder van de regio, of de aanbieder zelf).' })
  saveMapPart(@CurrentActor() actor: Actor, @Args('input') input: SaveMapPartInput): Promise<MapPartType> {
    return this.service.save(actor, input);
  }

  @Roles('CONSULTANT')
  @Query(() => ClientMapPartsType, { description: 'De MAP-onderdelen van een inburgeraar: catalogus, keuze, voortgang en de termijn van de MAP.' })
  clientMapParts(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<ClientMapPartsType> {
    return this.service.forClient(actor, clientId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientMapPartsType, { description: 'De MAP-onderdelen vastleggen die een inburgeraar uit de catalogus koos.' })
  chooseMapParts(@CurrentActor() actor: Actor, @Args('input') input: ChooseMapPartsInput): Promise<ClientMapPartsType> {
    return this.service.choose(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Query(() => MapPartParticipantPageType, { description: 'De inburgeraars die een MAP-onderdeel van de aanbieder kozen (klantnummer en naam).' })
  mapPartParticipants(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => MapPartChoiceStatusGql, nullable: true }) status: MapPartChoiceStatusGql | null,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<MapPartParticipantPageType> {
    return this.service.participants(actor, status ?? null, limit, offset);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => MapPartParticipantType, { description: 'Een gekozen MAP-onderdeel als afgerond melden.' })
  completeMapPartChoice(@CurrentActor() actor: Actor, @Args('input') input: CompleteMapPartChoiceInput): Promise<MapPartParticipantType> {
    return this.service.complete(actor, input);
  }
}
