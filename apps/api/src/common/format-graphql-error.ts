import type { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-errors';
import { logger } from './logger';

const INTERNAL_MESSAGE = 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';

// Known errors keep their code, Dutch message and field list; anything else is logged and hidden.
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, fields: original.fields },
    };
  }
  const code = formatted.extensions?.code;
  // graphql-armor's limits (depth, cost, aliases, tokens, directives) answer in English; say it in Dutch.
  if (/(Cost|depth|Aliases|Token|Directives) limit/i.test(formatted.message)) {
    return { message: 'De aanvraag is te groot of te diep genest. Vraag minder gegevens tegelijk op.', extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return { message: `Ongeldige aanvraag: ${formatted.message}`, extensions: { code } };
  }
  if (code === 'BAD_USER_INPUT') {
    return { message: 'De invoer is niet juist.', path: formatted.path, extensions: { code, fields: [] } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL resolver');
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
