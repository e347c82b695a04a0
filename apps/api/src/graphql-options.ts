import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actingMunicipalityOf, readSessionToken, type SessionService } from './auth';
import { actingFor, actorInRequest } from './tenancy';
import { type RequestContext, withUuidIds } from './graphql';
import { formatGraphqlError, logContextOf, rememberEnumValues, rememberErrorContext } from './common';
import type { AppConfig } from './config';

const MAX_TOKENS = 2000;

// Caps on what one request may ask for: depth, cost, aliases, directives; "did you mean" suggestions only in development.
// The token cap is graphql-js's own parse option: armor's token plugin re-parses inside a hook and turns every syntax
// error into an HTTP 500, where the parser answers a clean 400 (GRAPHQL_PARSE_FAILED).
function armorFor(config: AppConfig): ApolloArmor {
  return new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !config.development },
  });
}

export function graphqlOptions(sessions: SessionService, config: AppConfig): ApolloDriverConfig {
  const protection = armorFor(config).protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Introspection shows the whole API surface; only explicit local development gets it.
    introspection: config.development === true,
    parseOptions: { maxTokens: MAX_TOKENS },
    // The enums are remembered so a refused value's message can list the allowed ones.
    transformSchema: (schema) => rememberEnumValues(withUuidIds(schema)),
    includeStacktraceInErrorResponses: false,
    playground: false,
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      // Apollo's cache-control plugin ran a hook on every resolved field (a twentieth of a caseload page's CPU) to compute
      // a policy no type sets (no @cacheControl hints): its answer was always `no-store`, which willSendResponse sets below.
      ApolloServerPluginCacheControlDisabled(),
      {
        // Operation name, user and error count only (variables may hold personal data), on the request's one log line
        // (observability/request-log, written when the response ends): a second line per request cost a tenth of the API's CPU.
        async requestDidStart() {
          return {
            // Before formatting: the lines formatGraphqlError writes for unexpected errors carry the request's ids.
            async didEncounterErrors({ errors, contextValue }) {
              rememberErrorContext(errors, logContextOf((contextValue as Partial<RequestContext>).req));
            },
            async willSendResponse({ operationName, errors, contextValue, response }) {
              // Answers hold personal data: never stored by a browser or a proxy (what the cache-control plugin answered).
              if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
              const log = logContextOf((contextValue as Partial<RequestContext>).req);
              if (!log) return;
              log.operation = operationName ?? undefined;
              log.userId = (contextValue as RequestContext).actor?.userId;
              log.graphqlErrors = errors?.length ?? 0;
            },
          };
        },
      },
    ],
    formatError: formatGraphqlError,
    // Fastify's integration calls the context with the request and the reply.
    context: async (req: FastifyRequest, res: FastifyReply): Promise<RequestContext> => {
      const token = readSessionToken(req);
      const found = token ? sessions.actorOfRequestToken(token) : null;
      const actor = found instanceof Promise ? await found : found;
      return { req, res, actor: actor && actorInRequest(actingFor(actor, actingMunicipalityOf(req)), req) };
    },
  };
}
