import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { AccessModule } from '../access/access.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DEADLINE_JOBS } from '../deadlines/deadline-scan.jobs';
import { HOURS_JOB_HANDLERS } from '../hours/hours.providers';
import { JOB_HANDLERS } from '../jobs/job-handler';
import { QueueModule } from '../jobs/queue.module';
import { PLACEMENT_JOB_HANDLERS } from '../placements/placements.providers';
import { PROCUREMENT_JOB_HANDLERS } from '../procurement/procurement.providers';

/** Every job handler class; the registry refuses to boot when one job has none or two. */
const HANDLER_CLASSES = [...DEADLINE_JOBS, ...PROCUREMENT_JOB_HANDLERS, ...PLACEMENT_JOB_HANDLERS, ...HOURS_JOB_HANDLERS];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AccessModule, QueueModule],
      providers: [
        ...HANDLER_CLASSES,
        { provide: JOB_HANDLERS, inject: HANDLER_CLASSES, useFactory: (...handlers: unknown[]) => handlers },
      ],
    };
  }
}
