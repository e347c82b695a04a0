import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth';
import { FileUploadErrorFilter, sendAttachment } from '../common';
import type { Actor } from '../tenancy';
import { InvoiceDocumentsService } from './invoice-documents.service';


/** Downloads over plain HTTP: the e-invoice (UBL), the PDF, and the municipality's export of a month. The session cookie authenticates. */
@Controller('api/invoices')
// Answers like the other file endpoints: JSON with a code, a Dutch message and field errors (these routes take no uploads).
@UseFilters(new FileUploadErrorFilter({ maxBytes: 0, tooLargeCode: 'FILE_TOO_LARGE', accepted: 'geen bestand', endpoint: 'invoice files endpoint' }))
export class InvoicesController {
  constructor(private readonly documents: InvoiceDocumentsService) {}

  @Roles('CONSULTANT', 'FINANCIAL_OFFICER')
  @Get('export')
  async export(@CurrentActor() actor: Actor, @Query('month') month: string | undefined, @Query('format') format: string | undefined, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, await this.documents.export(actor, month, format));
  }

  @Roles('PROVIDER_USER', 'CONSULTANT', 'FINANCIAL_OFFICER', 'PROJECTLEIDER')
  @Get(':id/ubl')
  async ubl(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, await this.documents.ubl(actor, id));
  }

  @Roles('PROVIDER_USER', 'CONSULTANT', 'FINANCIAL_OFFICER', 'PROJECTLEIDER')
  @Get(':id/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    sendAttachment(res, await this.documents.pdf(actor, id));
  }
}
