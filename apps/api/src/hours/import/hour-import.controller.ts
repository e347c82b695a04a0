import { Controller, Get, Headers, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../../auth';
import { RequirePortalHeaderGuard } from '../../procurement';
import type { Actor } from '../../tenancy';
import { HourImportService } from './hour-import.service';
import { FileUploadErrorFilter, readUpload, sendAttachment } from '../../common';
import { MAX_IMPORT_FILE_BYTES } from './import-limits';
import { csvTemplate, xlsxTemplate } from './import-template';
import type { ImportBatchType } from './import.types';

/**
 * Hours files over plain HTTP (Apollo has no uploads). The session cookie authenticates; X-Requested-With cannot be set
 * by a cross-site form. The Idempotency-Key header names one submission: sending it again returns the same batch.
 */
@Controller('api/hours')
@UseFilters(
  new FileUploadErrorFilter({
    maxBytes: MAX_IMPORT_FILE_BYTES,
    tooLargeCode: 'FILE_TOO_LARGE',
    tooLargeHint: 'Splits het bestand, bijvoorbeeld per maand.',
    accepted: 'één CSV- of XLSX-bestand',
    endpoint: 'hours import endpoint',
  }),
)
export class HourImportController {
  constructor(private readonly importService: HourImportService) {}

  @Roles('PROVIDER_USER')
  @Post('imports')
  @UseGuards(RequirePortalHeaderGuard)
  async upload(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Headers('idempotency-key') idempotencyKey: string | undefined): Promise<ImportBatchType> {
    const { file, fields } = await readUpload(req, { maxBytes: MAX_IMPORT_FILE_BYTES, fields: 5 });
    return this.importService.upload(actor, file, fields.mode, idempotencyKey);
  }

  @Roles('PROVIDER_USER')
  @Get('import-template')
  async template(@Query('format') format: string | undefined, @Res() res: FastifyReply): Promise<void> {
    const xlsx = format === 'xlsx';
    const content = xlsx ? await xlsxTemplate() : csvTemplate();
    sendAttachment(res, {
      contentType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      filename: `urensjabloon.${xlsx ? 'xlsx' : 'csv'}`,
      content,
    });
  }
}
