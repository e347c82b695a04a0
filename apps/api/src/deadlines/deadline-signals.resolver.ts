import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentActor, Roles } from '../auth';
import type { RequestContext } from '../graphql';
import { ClientType } from '../clients';
import { type Actor, municipalityScopeOf } from '../tenancy';
import { DeadlineSignalPageType, DeadlineSignalType } from './deadline-signal.types';
import { DeadlineSignalsService } from './deadline-signals.service';

const loaders = new WeakMap<RequestContext, DataLoader<string, DeadlineSignalType[]>>();

@Resolver(() => DeadlineSignalType)
export class DeadlineSignalsResolver {
  constructor(private readonly signals: DeadlineSignalsService) {}

  @Roles('CONSULTANT')
  @Query(() => DeadlineSignalPageType, { description: 'Termijnsignalen van de eigen gemeente (binnenkort of verlopen), vroegste termijn eerst.' })
  deadlineSignals(
    @CurrentActor() actor: Actor,
    @Args('openOnly', { type: () => Boolean, defaultValue: true }) openOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<DeadlineSignalPageType> {
    return this.signals.list(actor, openOnly, limit, offset);
  }
}

/** The open deadline signals on the municipality's Client type (batched per request). */
@Resolver(() => ClientType)
export class ClientDeadlineSignalsResolver {
  constructor(private readonly signals: DeadlineSignalsService) {}

  @ResolveField(() => [DeadlineSignalType], { description: 'Openstaande termijnsignalen van deze inburgeraar.' })
  deadlineSignals(@Parent() client: ClientType, @CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<DeadlineSignalType[]> {
    let loader = loaders.get(ctx);
    if (!loader) {
      const municipalityId = municipalityScopeOf(actor);
      loader = new DataLoader((ids: readonly string[]) => this.signals.openOfClients(municipalityId, ids));
      loaders.set(ctx, loader);
    }
    return loader.load(client.id);
  }
}
