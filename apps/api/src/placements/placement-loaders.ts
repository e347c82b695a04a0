import DataLoader from 'dataloader';
import type { RequestContext } from '../graphql';
import { ForbiddenAppError } from '../common';
import { municipalityScopeOf } from '../tenancy';
import type { PlacementsService } from './placements.service';
import type { ClientHistoryEntryType, PlacementType } from './placement.types';

interface PlacementLoaders {
  placementsOfClient: DataLoader<string, PlacementType[]>;
  historyOfClient: DataLoader<string, ClientHistoryEntryType[]>;
}

// One set per request (kept with the request object), so a page of clients costs one query per relation.
const perRequest = new WeakMap<object, PlacementLoaders>();

export function placementLoadersFor(ctx: RequestContext, service: PlacementsService): PlacementLoaders {
  const existing = perRequest.get(ctx.req);
  if (existing) return existing;
  if (!ctx.actor) throw new ForbiddenAppError();
  const municipalityId = municipalityScopeOf(ctx.actor);
  const loaders: PlacementLoaders = {
    placementsOfClient: new DataLoader(async (clientIds) => {
      const byClient = await service.ofClients(municipalityId, clientIds);
      return clientIds.map((id) => byClient.get(id) ?? []);
    }),
    historyOfClient: new DataLoader(async (clientIds) => {
      const byClient = await service.historyOfClients(municipalityId, clientIds);
      return clientIds.map((id) => byClient.get(id) ?? []);
    }),
  };
  perRequest.set(ctx.req, loaders);
  return loaders;
}
