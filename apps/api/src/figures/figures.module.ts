import { Module, type Type } from '@nestjs/common';
import { FiguresResolver } from './figures.resolver';
import { FiguresCache } from './figures-cache';
import { FiguresService } from './figures.service';
import { OutcomesService } from './outcomes.service';
import { ContractReportService } from './reports/contract-report.service';
import { PlanningResolver } from './planning.resolver';
import { PlanningService } from './planning.service';
import { FIGURE_JOB_HANDLERS } from './reports/quarterly-report.jobs';
import { QuarterlyReportsController } from './reports/quarterly-reports.controller';
import { QuarterlyReportsResolver } from './reports/quarterly-reports.resolver';
import { QuarterlyReportsService } from './reports/quarterly-reports.service';

export const FIGURE_RESOLVERS: Type[] = [FiguresResolver, QuarterlyReportsResolver, PlanningResolver];
export { FIGURE_JOB_HANDLERS };

/** Contract management figures (intake, hours, results, KPIs, money per contract, lot and region), client outcomes and quarterly reports. */
@Module({
  controllers: [QuarterlyReportsController],
  providers: [FiguresService, FiguresCache, OutcomesService, QuarterlyReportsService, ContractReportService, PlanningService, ...FIGURE_RESOLVERS, ...FIGURE_JOB_HANDLERS],
  exports: [...FIGURE_JOB_HANDLERS, ContractReportService],
})
export class FiguresModule {}
