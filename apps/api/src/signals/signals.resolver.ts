import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { AcknowledgeSignalInput, SignalPageType, SignalType } from './signal.types';
import { MAX_SIGNAL_PAGE, SignalsService } from './signals.service';

@Resolver(() => SignalType)
export class SignalsResolver {
  constructor(private readonly signalsService: SignalsService) {}

  @Roles('PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER')
  @Query(() => SignalPageType, { description: `Een pagina signalen (hoogstens ${MAX_SIGNAL_PAGE}) voor de eigen organisatie, nieuwste eerst, met het totaal.` })
  signalPage(
    @CurrentActor() actor: Actor,
    @Args('openOnly', { type: () => Boolean, defaultValue: true }) openOnly: boolean,
    @Args('kinds', { type: () => [String], nullable: true }) kinds: string[] | null,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<SignalPageType> {
    return this.signalsService.page(actor, { openOnly, kinds }, limit, offset);
  }

  @Roles('PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER')
  @Mutation(() => SignalType, { description: 'Markeer een signaal als gezien of afgehandeld.' })
  acknowledgeSignal(@CurrentActor() actor: Actor, @Args('input') input: AcknowledgeSignalInput): Promise<SignalType> {
    return this.signalsService.acknowledge(actor, input.signalId, input.resolution ?? null);
  }
}
