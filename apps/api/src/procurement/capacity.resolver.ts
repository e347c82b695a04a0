import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { CapacityOverviewService } from './capacity-overview.service';
import { CapacityFilterInput, CapacityOverviewType } from './capacity.types';
import { DeclareStartMomentInput, StartMomentType, UpdateStartMomentInput } from './start-moment.types';
import { StartMomentsService } from './start-moments.service';

@Resolver(() => StartMomentType)
export class CapacityResolver {
  constructor(
    private readonly overviewService: CapacityOverviewService,
    private readonly startMomentsService: StartMomentsService,
  ) {}

  @Roles('PROJECTLEIDER', 'ADMIN', 'CONSULTANT', 'PROVIDER_USER')
  @Query(() => CapacityOverviewType, { description: 'Plaatsen, bezet, vrij en wachtenden per route, perceel, instroommoment en gemeente.' })
  capacityOverview(
    @CurrentActor() actor: Actor,
    // The filter's type has no `| null`: the metadata of a union is Object, which class-validator skips (null still arrives).
    @Args('filter', { type: () => CapacityFilterInput, nullable: true }) filter: CapacityFilterInput,
  ): Promise<CapacityOverviewType> {
    return this.overviewService.overview(actor, filter ?? Object.assign(new CapacityFilterInput(), { upcomingOnly: true }));
  }

  @Roles('PROJECTLEIDER', 'ADMIN', 'PROVIDER_USER')
  @Query(() => [StartMomentType], { description: 'Instroommomenten: voor een aanbieder de eigen, voor de regio die op de eigen percelen.' })
  async startMoments(
    @CurrentActor() actor: Actor,
    @Args('contractId', { type: () => ID, nullable: true }) contractId: string | null,
  ): Promise<StartMomentType[]> {
    return this.startMomentsService.list(actor, contractId);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => StartMomentType, { description: 'Geef een instroommoment op voor een eigen, actief contract.' })
  async declareStartMoment(@CurrentActor() actor: Actor, @Args('input') input: DeclareStartMomentInput): Promise<StartMomentType> {
    return this.startMomentsService.declare(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => StartMomentType, { description: 'Wijzig een eigen instroommoment (nooit minder plaatsen dan er bezet zijn).' })
  async updateStartMoment(@CurrentActor() actor: Actor, @Args('input') input: UpdateStartMomentInput): Promise<StartMomentType> {
    return this.startMomentsService.update(actor, input);
  }
}
