import type { Response } from 'express';

/** A generated file for download (a report, an invoice, an access request). */
export interface AttachmentFile {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** Sends a file as a download that no shared cache keeps: these files hold an organisation's or a client's data. */
export function sendAttachment(res: Response, file: AttachmentFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(file.content);
}
