// The hours slice (issue 5): what it adds to the API and the worker.
import type { Type } from '@nestjs/common';
import { AbsenceRulesResolver } from './absence/absence-rules.resolver';
import { AbsenceRulesService } from './absence/absence-rules.service';
import { CheckAbsenceJob } from './absence/check-absence.job';
import { HourCorrectionsService } from './hour-corrections.service';
import { HourGridService } from './hour-grid.service';
import { HourPeriodClientsResolver } from './hour-period-clients.resolver';
import { HourPeriodClientsService } from './hour-period-clients.service';
import { HourPeriodsResolver } from './hour-periods.resolver';
import { HourPeriodsService } from './hour-periods.service';
import { HoursResolver } from './hours.resolver';
import { HourImportController } from './import/hour-import.controller';
import { HourImportJob } from './import/hour-import.job';
import { HourImportService } from './import/hour-import.service';
import { HourImportsResolver } from './import/hour-imports.resolver';

export const HOURS_RESOLVERS: Type[] = [HoursResolver, HourPeriodsResolver, HourImportsResolver, AbsenceRulesResolver, HourPeriodClientsResolver];
export const HOURS_SERVICES: Type[] = [HourGridService, HourCorrectionsService, HourPeriodsService, HourImportService, AbsenceRulesService, HourPeriodClientsService];
export const HOURS_JOB_HANDLERS: Type[] = [HourImportJob, CheckAbsenceJob];
export const HOURS_CONTROLLERS: Type[] = [HourImportController];
