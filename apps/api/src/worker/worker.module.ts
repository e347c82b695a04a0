import { DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '../config';
import { AccessModule } from '../access';
import { ADMINISTRATION_JOB_HANDLERS, AdministrationJobsModule } from '../administration';
import { DatabaseModule } from '../database';
import { DEADLINE_JOBS, DeadlinesModule } from '../deadlines';
import { DUO_JOB_HANDLERS, DuoModule } from '../duo';
import { FIGURE_JOB_HANDLERS, FiguresModule } from '../figures';
import { HoursModule, HOURS_JOB_HANDLERS } from '../hours';
import { HousekeepingModule, HOUSEKEEPING_JOB_HANDLERS } from '../housekeeping';
import { RetentionModule, RETENTION_JOB_HANDLERS } from '../retention';
import { PlacementsModule, PLACEMENT_JOB_HANDLERS } from '../placements';
import { ProcurementModule, PROCUREMENT_JOB_HANDLERS } from '../procurement';
import { JOB_HANDLERS, QueueModule } from '../jobs';

/** Every job handler class; the registry refuses to boot when one job has none or two. */
const HANDLER_CLASSES = [...DEADLINE_JOBS, ...PROCUREMENT_JOB_HANDLERS, ...PLACEMENT_JOB_HANDLERS, ...HOURS_JOB_HANDLERS, ...DUO_JOB_HANDLERS, ...FIGURE_JOB_HANDLERS, ...HOUSEKEEPING_JOB_HANDLERS, ...RETENTION_JOB_HANDLERS, ...ADMINISTRATION_JOB_HANDLERS];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AccessModule, QueueModule, DeadlinesModule, ProcurementModule, PlacementsModule, HoursModule, DuoModule, FiguresModule, HousekeepingModule, RetentionModule, AdministrationJobsModule],
      providers: [
        { provide: JOB_HANDLERS, inject: HANDLER_CLASSES, useFactory: (...handlers: unknown[]) => handlers },
      ],
    };
  }
}
