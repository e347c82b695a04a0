import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-errors';
import { answerDefect } from './unexpected-error.filter';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

export interface FileUploadErrorOptions {
  maxBytes: number;
  /** Stable code for a file over the limit. */
  tooLargeCode: string;
  /** Appended to the Dutch "too large" message, e.g. a tip to split the file. */
  tooLargeHint?: string;
  /** In words, for the message when the upload itself is malformed: "één PDF-, PNG- of JPEG-bestand". */
  accepted: string;
  /** Where it happened, for the error log. */
  endpoint: string;
}

/** Answers upload endpoints like the GraphQL API: JSON with a code, a Dutch message and field errors. */
@Catch()
export class FileUploadErrorFilter implements ExceptionFilter {
  constructor(private readonly options: FileUploadErrorOptions) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof AppError) {
      void res.status(STATUS_OF_CODE[error.code] ?? HttpStatus.BAD_REQUEST).send({ code: error.code, message: error.message, fields: error.fields });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const tooLarge = error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE;
      const megabytes = this.options.maxBytes / (1024 * 1024);
      const message = tooLarge
        ? `Het bestand is te groot; het mag maximaal ${megabytes} MB zijn.${this.options.tooLargeHint ? ` ${this.options.tooLargeHint}` : ''}`
        : `Het bestand kon niet worden ontvangen. Kies ${this.options.accepted} en probeer het opnieuw.`;
      const code = tooLarge ? this.options.tooLargeCode : 'BAD_REQUEST';
      void res.status(error.getStatus()).send({ code, message, fields: [{ field: 'file', code, message }] });
      return;
    }
    answerDefect(error, host, this.options.endpoint);
  }
}
