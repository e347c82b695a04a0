import { Controller, Get, Param, Post, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES } from '@inburgering/domain';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth';
import type { Actor } from '../tenancy';
import { FileUploadErrorFilter } from '../common';
import { DocumentsService, type UploadedDocument } from './documents.service';
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedDocument | undefined): Promise<StoredDocumentType> {
    return this.documentsService.store(actor, file);
  }

  @Roles('PROVIDER_USER', 'PROJECTLEIDER', 'ADMIN')
  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const document = await this.documentsService.read(actor, id);
    res.setHeader('Content-Type', document.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(document.content);
  }
}
