import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { readSessionToken } from '../auth/session-cookie';
import type { RequestContext } from '../auth/request-context';
import type { SessionService } from '../auth/session.service';
import { formatGraphqlError } from '../common/format-graphql-error';
import { logger } from '../common/logger';
import { createLoaders } from './loaders';

// Caps on what one request may ask for: depth, cost, aliases, tokens; no field suggestions in production.
const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  costLimit: { maxCost: 5000 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
  blockFieldSuggestion: { enabled: process.env.NODE_ENV === 'production' },
});

export function graphqlOptions(db: DataSource, sessions: SessionService): ApolloDriverConfig {
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    playground: false,
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      {
        // Operation name, duration and user only: variables may hold personal data.
        async requestDidStart({ contextValue }) {
          const started = Date.now();
          return {
            async willSendResponse({ operationName, errors }) {
              const actor = (contextValue as RequestContext).actor;
              logger.info({ operation: operationName, ms: Date.now() - started, userId: actor?.userId, errors: errors?.length ?? 0 }, 'graphql');
            },
          };
        },
      },
    ],
    formatError: formatGraphqlError,
    context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
      const actor = await sessions.actorForToken(readSessionToken(req));
      return { req, res, actor, loaders: createLoaders(db) };
    },
  };
}
