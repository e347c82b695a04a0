import { Module, type Type } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { SessionModule } from './session.module';
import { UsersService } from './users.service';
import { SECOND_FACTOR_RESOLVERS, SecondFactorModule } from './second-factor/second-factor.module';

export const AUTH_RESOLVERS: Type[] = [AuthResolver, ...SECOND_FACTOR_RESOLVERS];

/** Logging in and out, and who the current user is. */
@Module({ imports: [SessionModule, SecondFactorModule], providers: [UsersService, AuthResolver] })
export class AuthModule {}
