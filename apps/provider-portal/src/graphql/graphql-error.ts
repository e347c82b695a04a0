// Errors of the API as the portal sees them: a Dutch message, a stable code and optional per-field messages.

export interface FieldError {
  field: string;
  message: string;
}

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NETWORK' | (string & {});

export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/**
 * The API's field messages, once each, for input it refused that the user did not type (mostly an edited link: an id that
 * is no id); null for any other error. A page load has no fields to mark, so "check the marked fields" would not help.
 */
export function refusedInputMessage(error: GraphqlRequestError): string | null {
  if (error.code !== 'BAD_USER_INPUT' || error.fields.length === 0) return null;
  return [...new Set(error.fields.map((field) => field.message))].join(' ');
}

interface RawError {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown };
}

function isFieldError(value: unknown): value is FieldError {
  const candidate = value as FieldError | null;
  return typeof candidate?.field === 'string' && typeof candidate.message === 'string';
}

/** The first GraphQL error of a response as a GraphqlRequestError (the API puts the most relevant one first). */
export function toRequestError(raw: RawError, fallbackMessage: string): GraphqlRequestError {
  const message = typeof raw.message === 'string' && raw.message ? raw.message : fallbackMessage;
  const code = typeof raw.extensions?.code === 'string' ? raw.extensions.code : 'INTERNAL_SERVER_ERROR';
  const fields = Array.isArray(raw.extensions?.fields) ? raw.extensions.fields.filter(isFieldError) : [];
  return new GraphqlRequestError(message, code, fields);
}
