import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../../common/app-errors';
import { logger } from '../../common/logger';

/** Largest hours file accepted (a year of hours of a large provider fits easily). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

/** Answers the hours file endpoints like the GraphQL API: a JSON body with a code, a Dutch message and field errors. */
@Catch()
export class HoursHttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AppError) {
      res.status(STATUS_OF_CODE[error.code] ?? HttpStatus.BAD_REQUEST).json({ code: error.code, message: error.message, fields: error.fields });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const tooLarge = error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE;
      const message = tooLarge
        ? `Het bestand is te groot; het mag maximaal ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB zijn. Splits het bestand, bijvoorbeeld per maand.`
        : 'Het bestand kon niet worden ontvangen. Kies één CSV- of XLSX-bestand en probeer het opnieuw.';
      const code = tooLarge ? 'FILE_TOO_LARGE' : 'BAD_REQUEST';
      res.status(error.getStatus()).json({ code, message, fields: [{ field: 'file', code, message }] });
      return;
    }
    logger.error({ err: error }, 'unexpected error in hours import endpoint');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
  }
}
