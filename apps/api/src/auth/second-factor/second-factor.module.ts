import { Module, type Type } from '@nestjs/common';
import { SessionModule } from '../session.module';
import { UsersService } from '../users.service';
import { SecondFactorResolver } from './second-factor.resolver';
import { SecondFactorService } from './second-factor.service';

export const SECOND_FACTOR_RESOLVERS: Type[] = [SecondFactorResolver];

/** The second factor (authenticator app and recovery codes), the password change and the login's second step. */
@Module({ imports: [SessionModule], providers: [SecondFactorService, UsersService, ...SECOND_FACTOR_RESOLVERS] })
export class SecondFactorModule {}
