// The public face of common/: other folders import only what is exported here.
export { AppErrorFilter } from './app-error.filter';
export { ConflictAppError, ForbiddenAppError, NotFoundAppError, TooManyRequestsAppError, UnauthenticatedAppError, ValidationAppError, throwIfViolations } from './app-errors';
export { BSN_CRYPTO, BsnCrypto } from './bsn-crypto';
export { FileUploadErrorFilter } from './file-upload-error.filter';
export { formatGraphqlError } from './format-graphql-error';
export { rememberEnumValues } from './coercion-messages';
export { currentLogContext, type LogContext, runWithLogContext } from './log-context';
export { logger, requestLineLogger } from './logger';
export { exitIfStillStopping } from './shutdown-backstop';
export { NestPinoLogger } from './nest-logger';
export { databaseErrorCode, scrubText } from './safe-error';
export { securityHeaders } from './security-headers';
export { appValidationPipe } from './validation-pipe';
export { IsFilledText, IsSingleLineText } from './text-validators';
export { requirePage } from './paging';
export { openTaggedPdf, type TaggedPdf } from './tagged-pdf';
export { readUpload, type Upload, type UploadedFile } from './read-upload';
export { sendAttachment, type AttachmentFile } from './send-attachment';
