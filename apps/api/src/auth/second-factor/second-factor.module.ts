import { Module, type Type } from '@nestjs/common';
import { SessionModule } from '../session.module';
import { UsersService } from '../users.service';
import { SecondFactorResolver } from './second-factor.resolver';
import { SecondFactorService } from './second-factor.service';
import { PasskeyResolver } from './passkey.resolver';
import { PasskeyService } from './passkey.service';

export const SECOND_FACTOR_RESOLVERS: Type[] = [SecondFactorResolver, PasskeyResolver];

/** The second factor (authenticator app and recovery codes, passkeys), the password change and the login's second step. */
@Module({ imports: [SessionModule], providers: [SecondFactorService, PasskeyService, UsersService, ...SECOND_FACTOR_RESOLVERS] })
export class SecondFactorModule {}
