import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../auth';
import { CalendarDateScalar } from '../graphql';
import type { Actor } from '../tenancy';
import { HourCorrectionsService } from './hour-corrections.service';
import { HourGridService, MAX_HOUR_WEEK_PAGE } from './hour-grid.service';
import {
  CopyPreviousWeekInput, CorrectHourEntryInput, HourCategoryGql, HourEntryType, HourWeekType, SaveHourEntriesInput, SaveHourEntriesResultType,
} from './hour.types';

@Resolver()
export class HoursResolver {
  constructor(
    private readonly gridService: HourGridService,
    private readonly correctionsService: HourCorrectionsService,
  ) {}

  @Roles('PROVIDER_USER')
  @Query(() => HourWeekType, { description: 'Eén pagina van de urenweek van de aanbieder (met het totaal): inburgeraars per groep, maandag tot en met vrijdag, en zaterdag en zondag als de aanbieder dan lesgeeft.' })
  hourWeek(
    @CurrentActor() actor: Actor,
    @Args('weekStart', { type: () => CalendarDateScalar, description: 'Een dag in de week.' }) weekStart: string,
    @Args('groupName', { type: () => String, nullable: true }) groupName: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: `Rijen per pagina, hoogstens ${MAX_HOUR_WEEK_PAGE}.` }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<HourWeekType> {
    return this.gridService.week(actor, weekStart, groupName, limit, offset);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => SaveHourEntriesResultType, { description: 'Sla gewijzigde cellen op, alles of niets; een cel die intussen door een ander is gewijzigd geeft een conflict.' })
  saveHourEntries(@CurrentActor() actor: Actor, @Args('input') input: SaveHourEntriesInput): Promise<SaveHourEntriesResultType> {
    return this.gridService.save(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => Int, { description: 'Neem de geplande uren van vorige week over in de lege cellen van deze week (aanwezig = gepland); geeft het aantal nieuwe cellen.' })
  copyPreviousHourWeek(@CurrentActor() actor: Actor, @Args('input') input: CopyPreviousWeekInput): Promise<number> {
    return this.gridService.copyPreviousWeek(actor, input);
  }

  @Roles('PROVIDER_USER')
  @Mutation(() => HourEntryType, { description: 'Corrigeer uren van een goedgekeurde maand: een nieuwe registratie met reden die naar de oude verwijst.' })
  correctHourEntry(@CurrentActor() actor: Actor, @Args('input') input: CorrectHourEntryInput): Promise<HourEntryType> {
    return this.correctionsService.correct(actor, input);
  }

  @Roles('PROVIDER_USER', 'CONSULTANT')
  @Query(() => [HourEntryType], { description: 'Alle versies van één dag en categorie: de oorspronkelijke registratie en de correcties met hun reden.' })
  hourEntryHistory(
    @CurrentActor() actor: Actor,
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('date', { type: () => CalendarDateScalar }) date: string,
    @Args('category', { type: () => HourCategoryGql }) category: HourCategoryGql,
  ): Promise<HourEntryType[]> {
    return this.correctionsService.history(actor, placementId, date, category);
  }
}
