import { Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES } from '@inburgering/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { FileUploadErrorFilter, readUpload } from '../common';
import { DocumentsService } from './documents.service';
import { RequirePortalHeaderGuard } from './require-portal-header.guard';
import type { StoredDocumentType } from './quality.types';

/**
 * Evidence documents over plain HTTP (GraphQL has no uploads here). The session cookie authenticates; the custom
 * header cannot be sent by a cross-site form, so a form on another site cannot upload in the user's name.
 */
@Controller('documents')
@UseFilters(new FileUploadErrorFilter({ maxBytes: DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES, tooLargeCode: 'DOCUMENT_TOO_LARGE', accepted: 'één PDF-, PNG- of JPEG-bestand', endpoint: 'document endpoint' }))
export class DocumentsController {
  constructor(private readonly documentsService: DocumentsService) {}

  @Roles('PROVIDER_USER')
  @Post()
  @UseGuards(RequirePortalHeaderGuard)
  async upload(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<StoredDocumentType> {
    const { file } = await readUpload(req, { maxBytes: DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES, fields: 5 });
    return this.documentsService.store(actor, file);
  }

  @Roles('PROVIDER_USER', 'PROJECTLEIDER', 'ADMIN')
  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    const document = await this.documentsService.read(actor, id);
    res.header('Content-Type', document.mimeType);
    res.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`);
    res.header('Cache-Control', 'private, no-store');
    void res.send(document.content);
  }
}
