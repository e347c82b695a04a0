import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { HourPeriodsService, MAX_HOUR_PERIOD_PAGE } from './hour-periods.service';
import { HourPeriodPageType, HourPeriodStatusGql, HourPeriodType, RejectHourPeriodInput, SubmitHourPeriodInput } from './hour.types';

@Resolver()
export class HourPeriodsResolver {
  constructor(private readonly periodsService: HourPeriodsService) {}

  @Roles('PROVIDER_USER', 'CONSULTANT')
  @Query(() => HourPeriodPageType, {
    description: `Eén pagina urenmaanden van de afgelopen 12 maanden (hoogstens ${MAX_HOUR_PERIOD_PAGE}, nieuwste eerst), met het totaal: voor een aanbieder per gemeente, voor een gemeente per aanbieder.`,
  })
  hourPeriodPage(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => HourPeriodStatusGql, nullable: true }) status: HourPeriodStatusGql | null,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<HourPeriodPageType> {
    return this.periodsService.list(actor, status, limit, offset);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => HourPeriodType, { description: 'Dien de uren van een maand in bij de gemeente; daarna zijn ze niet meer te wijzigen tot de gemeente beslist.' })
  submitHourPeriod(@CurrentActor() actor: Actor, @Args('input') input: SubmitHourPeriodInput): Promise<HourPeriodType> {
    return this.periodsService.submit(actor, input);
  }

  @Roles('CONSULTANT')
  @Mutation(() => HourPeriodType, { description: 'Keur een ingediende maand goed; de uren liggen daarna vast en wijzigen alleen nog met een correctie.' })
  approveHourPeriod(@CurrentActor() actor: Actor, @Args('periodId', { type: () => ID }) periodId: string): Promise<HourPeriodType> {
    return this.periodsService.approve(actor, periodId);
  }

  @Roles('CONSULTANT')
  @Mutation(() => HourPeriodType, { description: 'Wijs een ingediende maand af met een reden; de aanbieder kan de uren dan weer wijzigen.' })
  rejectHourPeriod(@CurrentActor() actor: Actor, @Args('input') input: RejectHourPeriodInput): Promise<HourPeriodType> {
    return this.periodsService.reject(actor, input);
  }
}
