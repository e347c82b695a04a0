import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { HourPeriodClientsService } from './hour-period-clients.service';
import { HourPeriodClientType } from './hour-period-clients.types';

@Resolver()
export class HourPeriodClientsResolver {
  constructor(private readonly service: HourPeriodClientsService) {}

  @Roles('CONSULTANT', 'PROVIDER_USER')
  @Query(() => [HourPeriodClientType], { description: 'De inburgeraars en lesdagen achter de totalen van een urenmaand.' })
  hourPeriodClients(@CurrentActor() actor: Actor, @Args('periodId', { type: () => ID }) periodId: string): Promise<HourPeriodClientType[]> {
    return this.service.clients(actor, periodId);
  }
}
