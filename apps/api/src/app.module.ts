import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AccessGuard } from './auth/access.guard';
import { AuthResolver } from './auth/auth.resolver';
import { SessionModule } from './auth/session.module';
import { SessionService } from './auth/session.service';
import { UsersService } from './auth/users.service';
import { ClientsResolver } from './clients/clients.resolver';
import { ClientsService } from './clients/clients.service';
import { AppErrorFilter } from './common/app-error.filter';
import { appValidationPipe } from './common/validation-pipe';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DEADLINE_RESOLVERS, DEADLINE_SERVICES } from './deadlines/deadlines.providers';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { HOURS_CONTROLLERS, HOURS_RESOLVERS, HOURS_SERVICES } from './hours/hours.providers';
import { QueueModule } from './jobs/queue.module';
import { LotsResolver } from './lots/lots.resolver';
import { LotsService } from './lots/lots.service';
import { PLACEMENT_RESOLVERS, PLACEMENT_SERVICES } from './placements/placements.providers';
import { PROCUREMENT_CONTROLLERS, PROCUREMENT_RESOLVERS, PROCUREMENT_SERVICES } from './procurement/procurement.providers';
import { SignalsResolver } from './signals/signals.resolver';
import { SignalsService } from './signals/signals.service';

/** Every resolver of the API; the schema emitter builds the committed schema from this list. */
export const RESOLVERS = [AuthResolver, LotsResolver, ClientsResolver, SignalsResolver, ...PROCUREMENT_RESOLVERS, ...PLACEMENT_RESOLVERS, ...HOURS_RESOLVERS, ...DEADLINE_RESOLVERS];

const SERVICES = [UsersService, LotsService, ClientsService, SignalsService, ...PROCUREMENT_SERVICES, ...PLACEMENT_SERVICES, ...HOURS_SERVICES, ...DEADLINE_SERVICES];

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
          inject: [getDataSourceToken(), SessionService, APP_CONFIG],
          useFactory: (db: DataSource, sessions: SessionService, appConfig: AppConfig) => graphqlOptions(db, sessions, appConfig),
          imports: [SessionModule],
        }),
      ],
      controllers: [HealthController, ...PROCUREMENT_CONTROLLERS, ...HOURS_CONTROLLERS],
      providers: [
        ...SERVICES,
        ...RESOLVERS,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useValue: appValidationPipe },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
