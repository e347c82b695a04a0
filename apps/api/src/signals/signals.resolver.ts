import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import type { Actor } from '../tenancy/actor';
import { AcknowledgeSignalInput, SignalType } from './signal.types';
import { SignalsService } from './signals.service';

@Resolver(() => SignalType)
export class SignalsResolver {
  constructor(private readonly signalsService: SignalsService) {}

  @Roles('PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER', 'ADMIN')
  @Query(() => [SignalType], { description: 'Signalen voor de eigen organisatie.' })
  signals(
    @CurrentActor() actor: Actor,
    @Args('openOnly', { type: () => Boolean, defaultValue: true }) openOnly: boolean,
    @Args('kinds', { type: () => [String], nullable: true }) kinds: string[] | null,
  ): Promise<SignalType[]> {
    return this.signalsService.list(actor, openOnly, kinds);
  }

  @Roles('PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER', 'ADMIN')
  @Mutation(() => SignalType, { description: 'Markeer een signaal als gezien of afgehandeld.' })
  acknowledgeSignal(@CurrentActor() actor: Actor, @Args('input') input: AcknowledgeSignalInput): Promise<SignalType> {
    return this.signalsService.acknowledge(actor, input.signalId, input.resolution ?? null);
  }
}
