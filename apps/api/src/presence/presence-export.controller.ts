import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth';
import { FileUploadErrorFilter, sendAttachment } from '../common';
import type { Actor } from '../tenancy';
import { PresenceExportService } from './presence-export.service';

/** The auditor's export of a group's presence lists over a period, as XLSX or PDF (plain HTTP: a file download). */
@Controller('api/presence')
// Refusals answer as JSON with the status of their code (403, 404, 400), like the other file endpoints.
@UseFilters(new FileUploadErrorFilter({ maxBytes: 0, tooLargeCode: 'TOO_LARGE', accepted: 'een groep en een periode', endpoint: 'presence export endpoint' }))
export class PresenceExportController {
  constructor(private readonly exportService: PresenceExportService) {}

  @Roles('PROVIDER_USER', 'TEACHER')
  @Get('export.xlsx')
  async xlsx(@CurrentActor() actor: Actor, @Query('groupId') groupId: string | undefined, @Query('from') from: string | undefined,
    @Query('to') to: string | undefined, @Res() res: FastifyReply): Promise<void> {
    const content = await this.exportService.xlsx(actor, groupId, from, to);
    sendAttachment(res, { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `presentielijsten-${from}-${to}.xlsx`, content });
  }

  @Roles('PROVIDER_USER', 'TEACHER')
  @Get('export.pdf')
  async pdf(@CurrentActor() actor: Actor, @Query('groupId') groupId: string | undefined, @Query('from') from: string | undefined,
    @Query('to') to: string | undefined, @Res() res: FastifyReply): Promise<void> {
    const content = await this.exportService.pdf(actor, groupId, from, to);
    sendAttachment(res, { contentType: 'application/pdf', filename: `presentielijsten-${from}-${to}.pdf`, content });
  }
}
