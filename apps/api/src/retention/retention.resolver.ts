import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { MAX_RETENTION_RUN_PAGE, RetentionService } from './retention.service';
import { RetentionOverviewType, RetentionPolicyType, RetentionRunPageType, SaveRetentionPolicyInput } from './retention.types';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Roles('CONSULTANT')
  @Query(() => RetentionOverviewType, { description: 'Het bewaarbeleid van de eigen gemeente en wat de volgende nachtelijke run verwijdert.' })
  retentionOverview(@CurrentActor() actor: Actor): Promise<RetentionOverviewType> {
    return this.retention.overview(actor);
  }

  @Roles('CONSULTANT')
  @Query(() => RetentionRunPageType, { description: `Eén pagina (hoogstens ${MAX_RETENTION_RUN_PAGE}) van wat de nachtelijke runs van de eigen gemeente deden, nieuwste eerst, met het totaal.` })
  retentionRunPage(
    @CurrentActor() actor: Actor,
    @Args('limit', { type: () => Int, defaultValue: 30 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<RetentionRunPageType> {
    return this.retention.runPage(actor, limit, offset);
  }

  @Roles('CONSULTANT')
  @Mutation(() => RetentionPolicyType, { description: 'Stel de bewaartermijnen van de eigen gemeente in en kies of de nachtelijke run ze uitvoert.' })
  saveRetentionPolicy(@CurrentActor() actor: Actor, @Args('input') input: SaveRetentionPolicyInput): Promise<RetentionPolicyType> {
    return this.retention.save(actor, input);
  }
}
