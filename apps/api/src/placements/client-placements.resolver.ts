import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql';
import { ClientType } from '../clients';
import { placementLoadersFor } from './placement-loaders';
import { PlacementsService } from './placements.service';
import { ClientHistoryEntryType, PlacementType } from './placement.types';

/** The placement history and the route switches and moves of a client, on the municipality's Client type (batched). */
@Resolver(() => ClientType)
export class ClientPlacementsResolver {
  constructor(private readonly placementsService: PlacementsService) {}

  @ResolveField(() => [PlacementType], { description: 'Alle aanmeldingen en plaatsingen, nieuwste eerst.' })
  placements(@Parent() client: ClientType, @Context() ctx: RequestContext): Promise<PlacementType[]> {
    return placementLoadersFor(ctx, this.placementsService).placementsOfClient.load(client.id);
  }

  @ResolveField(() => [ClientHistoryEntryType], { description: 'Routewissels en verhuizingen.' })
  history(@Parent() client: ClientType, @Context() ctx: RequestContext): Promise<ClientHistoryEntryType[]> {
    return placementLoadersFor(ctx, this.placementsService).historyOfClient.load(client.id);
  }
}
