import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, TooManyRequestsAppError } from './app-errors';
import { dutchCoercionReason } from './coercion-messages';
import type { LogContext } from './log-context';
import { logger } from './logger';
import { databaseErrorCode } from './safe-error';

const INTERNAL_MESSAGE = 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';
const BAD_INPUT_MESSAGE = 'De invoer is niet juist. Controleer de gemarkeerde velden.';

/**
 * PostgreSQL's "the value is not valid for this type" family: malformed text for a type (22P02), a NUL byte or a bad
 * encoding (22021), an impossible date or time (22007, 22008) and a number out of range (22003). Input validation
 * refuses these first; when one still gets through it is the caller's input, not our fault.
 */
const INPUT_SQLSTATES: Record<string, string> = {
  '22P02': 'Een van de waarden heeft niet de juiste vorm.',
  '22021': 'Een van de teksten bevat een teken dat niet is toegestaan.',
  '22007': 'Een van de datums of tijden is ongeldig.',
  '22008': 'Een van de datums of tijden valt buiten het geldige bereik.',
  '22003': 'Een van de getallen is te groot of te klein.',
  '22001': 'Een van de teksten is te lang.',
};

// `Variable "$input" got invalid value … at "input.email"; <reason>`: the field is the part after `at`, else the variable.
// The value itself may hold `; ` or ` at "…"` (hostile input): the path is the last ` at "…"; ` of the message.
const VARIABLE_ERROR = /^Variable "\$([^"]+)" (?:got invalid value|of required type|of non-null type)/;
const AT_PATH = /[\s\S]* at "([^"]+)"; [\s\S]*$/;

function variableField(message: string): string | null {
  const variable = VARIABLE_ERROR.exec(message)?.[1] ?? (message.startsWith('Variable "$') ? (/^Variable "\$([^"]+)"/.exec(message)?.[1] ?? null) : null);
  if (!variable) return null;
  return AT_PATH.exec(message)?.[1] ?? variable;
}

/** The refused field and why, in Dutch: a custom scalar's own message, else graphql-js's reason put in Dutch. */
function refusedField(message: string, original: unknown): { field: string; message: string } | null {
  const field = variableField(message);
  if (!field) return null;
  if (original instanceof GraphQLError && original.extensions?.code === 'BAD_USER_INPUT' && !/[A-Z][a-z]+ cannot represent/.test(original.message)) {
    return { field, message: original.message };
  }
  const reason = dutchCoercionReason(original instanceof GraphQLError ? original.message : message);
  if (!reason) return { field, message: 'Deze waarde heeft niet het juiste type of ontbreekt.' };
  return { field: reason.subField ? `${field}.${reason.subField}` : field, message: reason.message };
}

const requestOfError = new WeakMap<object, LogContext>();

/** Ties a request's errors to its log context before they are formatted, so the lines written for them carry its ids. */
export function rememberErrorContext(errors: readonly object[], context: LogContext | undefined): void {
  if (context) for (const error of errors) requestOfError.set(error, context);
}

const contextOf = (error: unknown): LogContext | undefined => (typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined);

// Known errors keep their code, Dutch message and field list; anything else is logged (without its values) and hidden.
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof AppError) {
    const extensions: Record<string, unknown> = { code: original.code, fields: original.fields };
    if (original instanceof TooManyRequestsAppError) extensions.retryAfterSeconds = original.retryAfterSeconds;
    return { message: original.message, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  // graphql-armor's limits (depth, cost, aliases, directives) and the parser's token limit answer in English; say it in Dutch.
  if (/(Cost|depth|Aliases|Token|Directives) limit|contains more th(?:an|at) \d+ tokens/i.test(formatted.message)) {
    return { message: 'De aanvraag is te groot of te diep genest. Vraag minder gegevens tegelijk op.', extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  // A malformed id or another refused argument value, written in the query text itself.
  if (original instanceof GraphQLError && original.extensions?.code === 'BAD_USER_INPUT' && code !== 'BAD_USER_INPUT') {
    return { message: BAD_INPUT_MESSAGE, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'argument', message: original.message }] } };
  }
  if (/^Too many errors processing variables/.test(formatted.message)) {
    return { message: 'De aanvraag bevat te veel ongeldige waarden. Controleer de invoer.', extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }
  // A wrong value written in the query text itself (`limit: "veel"`): graphql-js's reason in Dutch, without the value.
  const literal = code === 'GRAPHQL_VALIDATION_FAILED' ? dutchCoercionReason(formatted.message) : null;
  if (literal) {
    return { message: `Ongeldige aanvraag: ${literal.subField ? `veld "${literal.subField}": ` : ''}${literal.message}`, extensions: { code } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return { message: `Ongeldige aanvraag: ${formatted.message}`, extensions: { code } };
  }
  if (code === 'BAD_USER_INPUT') {
    const field = refusedField(formatted.message, original);
    return { message: BAD_INPUT_MESSAGE, path: formatted.path, extensions: { code, fields: field ? [field] : [] } };
  }
  const sqlState = databaseErrorCode(original);
  if (sqlState && INPUT_SQLSTATES[sqlState]) {
    logger.warn({ ...contextOf(error), err: original, path: formatted.path }, 'database weigerde invoer die de validatie had moeten tegenhouden');
    return { message: INPUT_SQLSTATES[sqlState], path: formatted.path, extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }
  logger.error({ ...contextOf(error), err: original, path: formatted.path }, 'unexpected error in GraphQL resolver');
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
