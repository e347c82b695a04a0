import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '../../auth';
import type { Actor } from '../../tenancy';
import { QuarterlyReportsService } from './quarterly-reports.service';
import { QuarterlyReportType, RequestQuarterlyReportInput } from './report.types';

@Resolver()
export class QuarterlyReportsResolver {
  constructor(private readonly reports: QuarterlyReportsService) {}

  @Roles('PROJECTLEIDER')
  @Query(() => [QuarterlyReportType], { description: 'De kwartaalrapportages van de regio (of van één perceel), nieuwste eerst, met alle versies.' })
  quarterlyReports(@CurrentActor() actor: Actor, @Args('lotId', { type: () => ID, nullable: true }) lotId: string | null): Promise<QuarterlyReportType[]> {
    return this.reports.list(actor, { lotId });
  }

  @Roles('PROJECTLEIDER')
  @Mutation(() => QuarterlyReportType, { description: 'Laat de worker een (nieuwe versie van de) kwartaalrapportage maken voor de regio of een perceel.' })
  requestQuarterlyReport(@CurrentActor() actor: Actor, @Args('input') input: RequestQuarterlyReportInput): Promise<QuarterlyReportType> {
    return this.reports.request(actor, input);
  }
}
