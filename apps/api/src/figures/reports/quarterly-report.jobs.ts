import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../clock';
import type { FinalFailureCause, JobHandler, JobPayloads } from '../../jobs';
import { QuarterlyReportsService } from './quarterly-reports.service';

/** Generates one report's XLSX and PDF; a report already ready is left alone (idempotent over redeliveries). */
@Injectable()
export class GenerateQuarterlyReportJob implements JobHandler<'figures.generate-report'> {
  readonly jobName = 'figures.generate-report' as const;

  constructor(private readonly reports: QuarterlyReportsService) {}

  jobKey(payload: JobPayloads['figures.generate-report']): string {
    return `figures.generate-report:${payload.reportId}`;
  }

  async handle(payload: JobPayloads['figures.generate-report'], manager: EntityManager): Promise<void> {
    await this.reports.generate(payload.reportId, manager);
  }

  async onFinalFailure(payload: JobPayloads['figures.generate-report'], _cause: FinalFailureCause): Promise<void> {
    await this.reports.markFailed(payload.reportId);
  }
}

/** The first day of each quarter: the past quarter's reports for every region and lot. */
@Injectable()
export class ScheduleQuarterlyReportsJob implements JobHandler<'figures.schedule-quarterly-reports'> {
  readonly jobName = 'figures.schedule-quarterly-reports' as const;

  constructor(private readonly reports: QuarterlyReportsService, private readonly clock: Clock) {}

  /** Once per run date, however often the scheduler or a retry delivers it. */
  jobKey(payload: JobPayloads['figures.schedule-quarterly-reports']): string {
    return `figures.schedule-quarterly-reports:${payload.runDate ?? this.clock.today()}`;
  }

  async handle(payload: JobPayloads['figures.schedule-quarterly-reports'], manager: EntityManager): Promise<void> {
    await this.reports.scheduleQuarter(payload.runDate, manager);
  }
}

export const FIGURE_JOB_HANDLERS = [GenerateQuarterlyReportJob, ScheduleQuarterlyReportsJob];
