import { Body, Controller, Get, Headers, Post, Query, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../auth';
import { RequirePortalHeaderGuard } from '../../procurement';
import type { Actor } from '../../tenancy';
import { HourImportService, type UploadedHoursFile } from './hour-import.service';
import { FileUploadErrorFilter } from '../../common';
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5 } }))
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedHoursFile | undefined,
    @Body('mode') mode: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<ImportBatchType> {
    return this.importService.upload(actor, file, mode, idempotencyKey);
  }

  @Roles('PROVIDER_USER')
  @Get('import-template')
  async template(@Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const xlsx = format === 'xlsx';
    const content = xlsx ? await xlsxTemplate() : csvTemplate();
    res.setHeader('Content-Type', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="urensjabloon.${xlsx ? 'xlsx' : 'csv'}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(content);
  }
}
