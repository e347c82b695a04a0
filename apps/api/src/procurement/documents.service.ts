import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkEvidenceDocument, detectEvidenceDocumentType } from '@inburgering/domain';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { NotFoundAppError, throwIfViolations, ValidationAppError } from '../common/app-errors';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { StoredDocumentType } from './quality.types';

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedDocument {
  originalname: string;
  size: number;
  buffer: Buffer;
}

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores an evidence document owned by the actor's provider; the type is taken from the content, never from the name. */
  async store(actor: Actor, file: UploadedDocument | undefined): Promise<StoredDocumentType> {
    const providerId = providerScopeOf(actor);
    if (!file) throw new ValidationAppError([{ field: 'file', code: 'DOCUMENT_REQUIRED', message: 'Kies een bestand om te uploaden.' }]);
    const mimeType = detectEvidenceDocumentType(file.buffer);
    throwIfViolations(checkEvidenceDocument({ sizeBytes: file.size, detectedType: mimeType }));
    const filename = cleanFilename(file.originalname);
    const [{ id }] = await this.db.query(
      `INSERT INTO stored_document (organisation_id, filename, mime_type, size_bytes, sha256, content, uploaded_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [providerId, filename, mimeType, file.size, createHash('sha256').update(file.buffer).digest('hex'), file.buffer, actor.userId],
    );
    return Object.assign(new StoredDocumentType(), { id, filename, mimeType, sizeBytes: file.size });
  }

  /** A document for its owner, or for the region whose contract's evidence refers to it. */
  async read(actor: Actor, documentId: string): Promise<DocumentContent> {
    const scope = tenantScopeOf(actor);
    const visible = scope.kind === 'PROVIDER'
      ? `d.organisation_id = $2`
      : scope.kind === 'REGION'
        ? `EXISTS (SELECT 1 FROM quality_evidence e JOIN quality_requirement q ON q.id = e.requirement_id JOIN contract c ON c.id = q.contract_id
                    JOIN lot l ON l.id = c.lot_id WHERE e.document_id = d.id AND l.region_id = $2)`
        : 'false AND $2::uuid IS NULL';
    const key = scope.kind === 'PROVIDER' ? scope.providerId : scope.kind === 'REGION' ? scope.regionId : null;
    const [row] = /^[0-9a-f-]{36}$/i.test(documentId)
      ? await this.db.query(`SELECT d.filename, d.mime_type, d.content FROM stored_document d WHERE d.id = $1 AND ${visible}`, [documentId, key])
      : [];
    if (!row) throw new NotFoundAppError('Dit document bestaat niet of u heeft er geen toegang toe.');
    return { filename: row.filename, mimeType: row.mime_type, content: row.content };
  }
}
