import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../../auth';
import type { Actor } from '../../tenancy';
import { AbsenceRuleType, SaveAbsenceRuleInput } from './absence-rule.types';
import { AbsenceRulesService } from './absence-rules.service';

@Resolver()
export class AbsenceRulesResolver {
  constructor(private readonly rulesService: AbsenceRulesService) {}

  @Roles('CONSULTANT')
  @Query(() => AbsenceRuleType, { description: 'De verzuimregels van de eigen gemeente (de standaardwaarden zolang er geen eigen regels zijn).' })
  absenceRule(@CurrentActor() actor: Actor): Promise<AbsenceRuleType> {
    return this.rulesService.get(actor);
  }

  @Roles('CONSULTANT')
  @Mutation(() => AbsenceRuleType, { description: 'Leg de verzuimregels van de eigen gemeente vast; ze gelden voor de volgende controle na een urenregistratie.' })
  saveAbsenceRule(@CurrentActor() actor: Actor, @Args('input') input: SaveAbsenceRuleInput): Promise<AbsenceRuleType> {
    return this.rulesService.save(actor, input);
  }
}
