import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { PlanningService } from './planning.service';
import { MunicipalityBudgetsArgs, MunicipalityBudgetType, RouteDemandType, SetMunicipalityBudgetInput, SetRouteEstimateInput } from './planning.types';

@Resolver()
export class PlanningResolver {
  constructor(private readonly planning: PlanningService) {}

  @Roles('PROJECTLEIDER', 'CONSULTANT')
  @Query(() => [MunicipalityBudgetType], { description: 'Het budget per gemeente voor een jaar met de uitgaven ertegen: de projectleider alle gemeenten van de regio, een consulent de eigen gemeente.' })
  municipalityBudgets(@CurrentActor() actor: Actor, @Args() args: MunicipalityBudgetsArgs): Promise<MunicipalityBudgetType[]> {
    return this.planning.budgets(actor, args.year);
  }

  @Roles('PROJECTLEIDER', 'CONSULTANT')
  @Mutation(() => MunicipalityBudgetType, { description: 'Stel het budget van een gemeente voor een jaar vast (de gemeente zelf of de projectleider van haar regio).' })
  setMunicipalityBudget(@CurrentActor() actor: Actor, @Args('input') input: SetMunicipalityBudgetInput): Promise<MunicipalityBudgetType> {
    return this.planning.setBudget(actor, input);
  }

  @Roles('PROJECTLEIDER')
  @Query(() => RouteDemandType, { description: 'De routeschatting van de regio tegen de werkelijke vraag (inburgeraars per route volgens hun PIP).' })
  routeDemand(@CurrentActor() actor: Actor): Promise<RouteDemandType> {
    return this.planning.routeDemand(actor);
  }

  @Roles('PROJECTLEIDER')
  @Mutation(() => RouteDemandType, { description: 'Stel de routeschatting van de regio in: hele percentages voor B1-route, Z-route en Onderwijsroute, samen 100.' })
  setRouteEstimate(@CurrentActor() actor: Actor, @Args('input') input: SetRouteEstimateInput): Promise<RouteDemandType> {
    return this.planning.setRouteEstimate(actor, input);
  }
}
