import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { AccessModule } from './access';
import { ADMINISTRATION_RESOLVERS, AdministrationModule } from './administration';
import { AccessGuard, AUTH_RESOLVERS, AuthModule, SessionModule, SessionService } from './auth';
import { CLIENT_RESOLVERS, ClientsModule } from './clients';
import { AppErrorFilter, appValidationPipe, FrameworkErrorFilter, UnexpectedErrorFilter } from './common';
import { APP_CONFIG, type AppConfig, ConfigModule } from './config';
import { DatabaseModule } from './database';
import { DeadlinesModule, DEADLINE_RESOLVERS } from './deadlines';
import { DuoModule, DUO_RESOLVERS } from './duo';
import { FIGURE_RESOLVERS, FiguresModule } from './figures';
import { graphqlOptions } from './graphql-options';
import { HealthModule } from './health';
import { HoursModule, HOURS_RESOLVERS } from './hours';
import { INVOICE_RESOLVERS, InvoicesModule } from './invoices';
import { MAP_CAFETERIA_RESOLVERS, MapCafeteriaModule } from './map-cafeteria';
import { QueueModule } from './jobs';
import { ObservabilityModule } from './observability';
import { LOT_RESOLVERS, LotsModule } from './lots';
import { PlacementsModule, PLACEMENT_RESOLVERS } from './placements';
import { PresenceModule, PRESENCE_RESOLVERS } from './presence';
import { ProcurementModule, PROCUREMENT_RESOLVERS } from './procurement';
import { RESULT_RESOLVERS, ResultsModule } from './results';
import { RETENTION_RESOLVERS, RetentionModule } from './retention';
import { SIGNAL_RESOLVERS, SignalsModule } from './signals';
import { SSO_RESOLVERS, SsoModule } from './sso';

/** Every resolver of the API; the schema emitter builds the committed schema from this list. */
export const RESOLVERS: Type[] = [
  ...AUTH_RESOLVERS,
  ...LOT_RESOLVERS,
  ...CLIENT_RESOLVERS,
  ...SIGNAL_RESOLVERS,
  ...PROCUREMENT_RESOLVERS,
  ...PLACEMENT_RESOLVERS,
  ...HOURS_RESOLVERS,
  ...RESULT_RESOLVERS,
  ...DEADLINE_RESOLVERS,
  ...INVOICE_RESOLVERS,
  ...DUO_RESOLVERS,
  ...PRESENCE_RESOLVERS,
  ...FIGURE_RESOLVERS,
  ...MAP_CAFETERIA_RESOLVERS,
  ...RETENTION_RESOLVERS,
  ...SSO_RESOLVERS,
  ...ADMINISTRATION_RESOLVERS,
];

/** One module per feature folder; this root module only wires them to the infrastructure. */
const FEATURE_MODULES = [AuthModule, HealthModule, LotsModule, ClientsModule, SignalsModule, ProcurementModule, PlacementsModule, HoursModule, ResultsModule, DeadlinesModule, InvoicesModule, DuoModule, PresenceModule, FiguresModule, MapCafeteriaModule, RetentionModule, SsoModule, AdministrationModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AccessModule,
        QueueModule,
        SessionModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [SessionService, APP_CONFIG],
          useFactory: (sessions: SessionService, appConfig: AppConfig) => graphqlOptions(sessions, appConfig),
          imports: [SessionModule],
        }),
        ...FEATURE_MODULES,
        ObservabilityModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useValue: appValidationPipe },
        // Nest asks the global filters last to first: the catch-all for defects in HTTP routes comes first, so last.
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
        { provide: APP_FILTER, useClass: AppErrorFilter },
        { provide: APP_FILTER, useClass: FrameworkErrorFilter },
      ],
    };
  }
}
