import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../../auth';
import { FileUploadErrorFilter, sendAttachment } from '../../common';
import type { Actor } from '../../tenancy';
import { QuarterlyReportsService } from './quarterly-reports.service';


/** A quarterly report's files over plain HTTP (the session cookie authenticates); access through the AccessService. */
@Controller('api/reports')
@UseFilters(new FileUploadErrorFilter({ maxBytes: 0, tooLargeCode: 'FILE_TOO_LARGE', accepted: 'geen bestand', endpoint: 'quarterly report files endpoint' }))
export class QuarterlyReportsController {
  constructor(private readonly reports: QuarterlyReportsService) {}

  @Roles('PROJECTLEIDER')
  @Get(':id/xlsx')
  async xlsx(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, await this.reports.file(actor, id, 'xlsx'));
  }

  @Roles('PROJECTLEIDER')
  @Get(':id/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, await this.reports.file(actor, id, 'pdf'));
  }
}
