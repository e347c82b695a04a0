import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** One uploaded file, read into memory (the files are small and checked whole: type from content, hash). */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface Upload {
  /** The part named `file`, if one was sent. */
  file: UploadedFile | undefined;
  /** The form's text fields (e.g. the import's `mode`). */
  fields: Record<string, string>;
}

/**
 * Reads a multipart form with at most one file (field `file`) and a few text fields. A file over `maxBytes` answers
 * 413, anything else malformed (not multipart, a second file, another file field, too many fields) 400: the upload
 * endpoints' FileUploadErrorFilter turns both into a Dutch message on the field `file`.
 */
export async function readUpload(request: FastifyRequest, limits: { maxBytes: number; fields: number }): Promise<Upload> {
  if (!request.isMultipart()) throw new BadRequestException('Geen multipart-formulier.');
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes, files: 1, fields: limits.fields } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        // Refused without reading it into memory: its bytes are discarded as they come.
        part.file.resume();
        throw new BadRequestException(`Onverwacht bestandsveld ${part.fieldname}.`);
      }
      const buffer = await part.toBuffer();
      file = { originalname: part.filename, size: buffer.length, buffer };
    }
  } catch (error) {
    if (error instanceof BadRequestException) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new PayloadTooLargeException();
    throw new BadRequestException('Het formulier kon niet worden gelezen.');
  }
  return { file, fields };
}
