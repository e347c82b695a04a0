import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { ClientProgressService } from './client-progress.service';
import { ClientProgressType, IntegrationResultType, RecordResultInput } from './result.types';
import { ResultsService } from './results.service';

@Resolver()
export class ResultsResolver {
  constructor(
    private readonly resultsService: ResultsService,
    private readonly progressService: ClientProgressService,
  ) {}

  @Roles('PROVIDER_USER', 'CONSULTANT')
  @Mutation(() => IntegrationResultType, { description: 'Leg een resultaat vast (examenonderdeel, KNM, MAP, PVT, taalschakel of eindgesprek Z-route); de regels van de wet worden gecontroleerd.' })
  recordResult(@CurrentActor() actor: Actor, @Args('input') input: RecordResultInput): Promise<IntegrationResultType> {
    return this.resultsService.record(actor, input);
  }

  @Roles('PROVIDER_USER', 'CONSULTANT')
  @Query(() => ClientProgressType, { description: 'Uren tegen de normen van de route en het PIP, aanwezigheid en resultaten van één inburgeraar.' })
  clientProgress(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<ClientProgressType> {
    return this.progressService.progress(actor, clientId);
  }
}
