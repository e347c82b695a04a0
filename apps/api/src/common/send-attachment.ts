import type { FastifyReply } from 'fastify';

/** A generated file for download (a report, an invoice, an access request). */
export interface AttachmentFile {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** Sends a file as a download that no shared cache keeps: these files hold an organisation's or a client's data. */
export function sendAttachment(reply: FastifyReply, file: AttachmentFile): void {
  reply.header('Content-Type', file.contentType);
  reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  reply.header('Cache-Control', 'private, no-store');
  void reply.send(file.content);
}
