// Errors the API answers with: a stable code and a Dutch message a civil servant understands.

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  readonly fields: FieldError[] = [];
}

export class ValidationAppError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: FieldError[], message = 'De invoer is niet juist. Controleer de gemarkeerde velden.') {
    super(message);
  }
}

export class UnauthenticatedAppError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'U bent niet ingelogd. Log in om verder te gaan.') {
    super(message);
  }
}

export class ForbiddenAppError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'U heeft geen toegang tot deze gegevens.') {
    super(message);
  }
}

export class NotFoundAppError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(message = 'Deze gegevens bestaan niet of u heeft er geen toegang toe.') {
    super(message);
  }
}

export class ConflictAppError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, readonly fields: FieldError[] = []) {
    super(message);
  }
}

/** Throws a validation error when a domain check found violations. */
export function throwIfViolations(violations: { field: string; message: string; code?: string }[]): void {
  if (violations.length > 0) throw new ValidationAppError(violations.map((v) => ({ field: v.field, message: v.message, code: v.code })));
}

export class TooManyRequestsAppError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(readonly retryAfterSeconds: number, message: string) {
    super(message);
  }
}
