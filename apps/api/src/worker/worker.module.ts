import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DEADLINE_JOBS } from '../deadlines/deadline-scan.jobs';
import { JOB_HANDLERS } from '../jobs/job-handler';
import { QueueModule } from '../jobs/queue.module';

/** Every job handler class; the registry refuses to boot when one job has none or two. */
const HANDLER_CLASSES = [...DEADLINE_JOBS];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule],
      providers: [
        ...HANDLER_CLASSES,
        { provide: JOB_HANDLERS, inject: HANDLER_CLASSES, useFactory: (...handlers: unknown[]) => handlers },
      ],
    };
  }
}
