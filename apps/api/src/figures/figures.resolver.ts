import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { FiguresService } from './figures.service';
import { ContractFiguresArgs, FiguresType, LotFiguresArgs, RegionFiguresArgs } from './figures.types';
import { ClientOutcomeType, RecordClientOutcomeInput } from './outcome.types';
import { OutcomesService } from './outcomes.service';

@Resolver()
export class FiguresResolver {
  constructor(
    private readonly figures: FiguresService,
    private readonly outcomes: OutcomesService,
  ) {}

  @Roles('PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => FiguresType, { description: 'Cijfers van één contract: de regio per gemeente (kleine aantallen verborgen), een gemeente over de eigen inburgeraars, de aanbieder over het eigen contract.' })
  contractFigures(@CurrentActor() actor: Actor, @Args() args: ContractFiguresArgs): Promise<FiguresType> {
    return this.figures.contractFigures(actor, args.contractId, args);
  }

  @Roles('PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => FiguresType, { description: 'Cijfers van een perceel per aanbieder naast elkaar; een aanbieder ziet alleen het eigen contract.' })
  lotFigures(@CurrentActor() actor: Actor, @Args() args: LotFiguresArgs): Promise<FiguresType> {
    return this.figures.lotFigures(actor, args.lotId, args);
  }

  @Roles('PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => FiguresType, { description: 'Cijfers voor het dashboard: de regio (per contract of gemeente), de eigen gemeente, of de eigen contracten.' })
  regionFigures(@CurrentActor() actor: Actor, @Args() args: RegionFiguresArgs): Promise<FiguresType> {
    return this.figures.regionFigures(actor, args.groupBy, args.municipalityId ?? null, args);
  }

  @Roles('CONSULTANT')
  @Mutation(() => ClientOutcomeType, { description: 'Leg vast dat een inburgeraar aan het werk ging, ging studeren of ging participeren (voor de KPI\'s van de regio).' })
  recordClientOutcome(@CurrentActor() actor: Actor, @Args('input') input: RecordClientOutcomeInput): Promise<ClientOutcomeType> {
    return this.outcomes.record(actor, input);
  }

  @Roles('CONSULTANT')
  @Query(() => [ClientOutcomeType], { description: 'De vastgelegde uitstroom van een inburgeraar (werk, studie, participatie).' })
  clientOutcomes(@CurrentActor() actor: Actor, @Args('clientId', { type: () => ID }) clientId: string): Promise<ClientOutcomeType[]> {
    return this.outcomes.list(actor, clientId);
  }
}
