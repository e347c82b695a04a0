// The placements slice (client intake to a seat with a provider): what it adds to the API and the worker.
import type { Type } from '@nestjs/common';
import { ClientChangesResolver } from './client-changes.resolver';
import { ClientChangesService } from './client-changes.service';
import { ClientPlacementsResolver } from './client-placements.resolver';
import { OfferWaitingPlacementsJob } from './offer-waiting.job';
import { PlacementsResolver } from './placements.resolver';
import { PlacementsService } from './placements.service';
import { ProviderPlacementsResolver } from './provider-placements.resolver';
import { ProviderPlacementsService } from './provider-placements.service';

export const PLACEMENT_RESOLVERS: Type[] = [PlacementsResolver, ProviderPlacementsResolver, ClientPlacementsResolver, ClientChangesResolver];
export const PLACEMENT_SERVICES: Type[] = [PlacementsService, ProviderPlacementsService, ClientChangesService];
export const PLACEMENT_JOB_HANDLERS: Type[] = [OfferWaitingPlacementsJob];
