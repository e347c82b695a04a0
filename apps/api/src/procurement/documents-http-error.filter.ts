import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES } from '@inburgering/domain';
import type { Response } from 'express';
import { AppError } from '../common/app-errors';
import { logger } from '../common/logger';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

const MAX_MB = DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES / (1024 * 1024);

/** Answers the document endpoints like the GraphQL API: a JSON body with a code, a Dutch message and field errors. */
@Catch()
export class DocumentsHttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AppError) {
      res.status(STATUS_OF_CODE[error.code] ?? HttpStatus.BAD_REQUEST).json({ code: error.code, message: error.message, fields: error.fields });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        const message = `Het bestand is te groot; het mag maximaal ${MAX_MB} MB zijn.`;
        res.status(status).json({ code: 'DOCUMENT_TOO_LARGE', message, fields: [{ field: 'file', code: 'DOCUMENT_TOO_LARGE', message }] });
        return;
      }
      if (status < 500) {
        const message = 'Het bestand kon niet worden ontvangen. Kies één PDF-, PNG- of JPEG-bestand en probeer het opnieuw.';
        res.status(status).json({ code: 'BAD_REQUEST', message, fields: [{ field: 'file', message }] });
        return;
      }
    }
    logger.error({ err: error }, 'unexpected error in document endpoint');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
  }
}
