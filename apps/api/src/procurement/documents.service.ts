import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkEvidenceDocument, detectEvidenceDocumentType } from '@inburgering/domain';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { throwIfViolations, type UploadedFile, ValidationAppError } from '../common';
import { StoredDocumentEntity } from '../database';
import { type Actor, providerScopeOf } from '../tenancy';
import { StoredDocumentType } from './quality.types';


export interface DocumentContent {
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
function cleanFilename(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'document').slice(0, 200);
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Stores an evidence document owned by the actor's provider; the type is taken from the content, never from the name. */
  async store(actor: Actor, file: UploadedFile | undefined): Promise<StoredDocumentType> {
    const providerId = providerScopeOf(actor);
    if (!file) throw new ValidationAppError([{ field: 'file', code: 'DOCUMENT_REQUIRED', message: 'Kies een bestand om te uploaden.' }]);
    const mimeType = detectEvidenceDocumentType(file.buffer);
    throwIfViolations(checkEvidenceDocument({ sizeBytes: file.size, detectedType: mimeType }));
    const filename = cleanFilename(file.originalname);
    const inserted = await this.db.getRepository(StoredDocumentEntity).insert({
      organisationId: providerId, filename, mimeType: mimeType ?? 'application/octet-stream', sizeBytes: file.size, sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer, uploadedByUserId: actor.userId,
    });
    const id = (inserted.identifiers[0] as Pick<StoredDocumentEntity, 'id'>).id;
    return Object.assign(new StoredDocumentType(), { id, filename, mimeType, sizeBytes: file.size });
  }

  /**
   * A document for its owner, or for the region whose contract's evidence refers to it; any other id (another
   * organisation's, unknown or malformed) answers the same NOT_FOUND.
   */
  async read(actor: Actor, documentId: string): Promise<DocumentContent> {
    await this.access.requireOne(actor, 'document', documentId);
    const document = await this.db.getRepository(StoredDocumentEntity).findOne({
      select: { id: true, filename: true, mimeType: true, content: true }, where: { id: documentId },
    });
    if (!document) throw this.access.notFound('document');
    return { filename: document.filename, mimeType: document.mimeType, content: document.content };
  }
}
