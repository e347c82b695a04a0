// The placements slice (client intake to a seat with a provider): what it adds to the API and the worker.
import type { Type } from '@nestjs/common';
import { OfferWaitingPlacementsJob } from './offer-waiting.job';
export const PLACEMENT_RESOLVERS: Type[] = [];
export const PLACEMENT_SERVICES: Type[] = [];
export const PLACEMENT_JOB_HANDLERS: Type[] = [OfferWaitingPlacementsJob];
