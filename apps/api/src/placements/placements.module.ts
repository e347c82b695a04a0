import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients';
import { PLACEMENT_JOB_HANDLERS, PLACEMENT_RESOLVERS, PLACEMENT_SERVICES } from './placements.providers';

/** Placements from request to end, the waiting queue, and the client changes that move placements (move, route switch). */
@Module({ imports: [ClientsModule], providers: [...PLACEMENT_SERVICES, ...PLACEMENT_RESOLVERS, ...PLACEMENT_JOB_HANDLERS], exports: [...PLACEMENT_JOB_HANDLERS] })
export class PlacementsModule {}
