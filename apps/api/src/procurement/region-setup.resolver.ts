import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { CreateSubRegionInput, ProviderType, RegionSetupType, SaveProviderInput, SubRegionType } from './region-setup.types';
import { RegionSetupService } from './region-setup.service';

@Resolver(() => RegionSetupType)
export class RegionSetupResolver {
  constructor(private readonly setupService: RegionSetupService) {}

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Query(() => RegionSetupType, { description: 'De inrichting van de eigen regio: gemeenten, subregio\'s en aanbieders.' })
  regionSetup(@CurrentActor() actor: Actor): Promise<RegionSetupType> {
    return this.setupService.setup(actor);
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => SubRegionType, { description: 'Maak een subregio aan, zoals de Liemers.' })
  createSubRegion(@CurrentActor() actor: Actor, @Args('input') input: CreateSubRegionInput): Promise<SubRegionType> {
    return this.setupService.createSubRegion(actor, input);
  }

  @Roles('PROJECTLEIDER', 'ADMIN')
  @Mutation(() => ProviderType, { description: 'Registreer een aanbieder of werk de gegevens (keurmerk, DUO-nummer) bij.' })
  saveProvider(@CurrentActor() actor: Actor, @Args('input') input: SaveProviderInput): Promise<ProviderType> {
    return this.setupService.saveProvider(actor, input);
  }
}
