import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from './request-context';
import { LoginInput, MeType } from './auth.types';
import { Public } from './roles.decorator';
import { clearSessionCookie, readSessionToken, writeSessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Resolver(() => MeType)
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => MeType, { nullable: true, description: 'De ingelogde gebruiker, of null.' })
  me(@Context() ctx: RequestContext): Promise<MeType | null> {
    return ctx.actor ? this.users.me(ctx.actor) : Promise.resolve(null);
  }

  @Public()
  @Mutation(() => MeType, { description: 'Inloggen; zet een httpOnly-sessiecookie.' })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<MeType> {
    const { token, expiresAt, actor } = await this.sessions.login(input.email, input.password);
    writeSessionCookie(ctx.res, token, expiresAt);
    return this.users.me(actor);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Uitloggen; beëindigt de sessie.' })
  async logout(@Context() ctx: RequestContext): Promise<boolean> {
    await this.sessions.logout(readSessionToken(ctx.req));
    clearSessionCookie(ctx.res);
    return true;
  }
}
