import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { RetentionService } from './retention.service';
import { RetentionOverviewType, RetentionPolicyType, SaveRetentionPolicyInput } from './retention.types';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Roles('CONSULTANT')
  @Query(() => RetentionOverviewType, { description: 'Het bewaarbeleid van de eigen gemeente, wat de volgende nachtelijke run verwijdert en wat de vorige runs deden.' })
  retentionOverview(@CurrentActor() actor: Actor): Promise<RetentionOverviewType> {
    return this.retention.overview(actor);
  }

  @Roles('CONSULTANT')
  @Mutation(() => RetentionPolicyType, { description: 'Stel de bewaartermijnen van de eigen gemeente in en kies of de nachtelijke run ze uitvoert.' })
  saveRetentionPolicy(@CurrentActor() actor: Actor, @Args('input') input: SaveRetentionPolicyInput): Promise<RetentionPolicyType> {
    return this.retention.save(actor, input);
  }
}
