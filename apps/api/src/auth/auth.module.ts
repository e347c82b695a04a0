import { Module, type Type } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { SessionModule } from './session.module';
import { UsersService } from './users.service';

export const AUTH_RESOLVERS: Type[] = [AuthResolver];

/** Logging in and out, and who the current user is. */
@Module({ imports: [SessionModule], providers: [UsersService, ...AUTH_RESOLVERS] })
export class AuthModule {}
