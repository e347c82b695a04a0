import { Inject } from '@nestjs/common';
import { USER_ROLES } from '@inburgering/domain';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../config';
import { TooManyRequestsAppError } from '../common';
import type { RequestContext } from '../graphql';
import { actingFor, type Actor } from '../tenancy';
import { CurrentActor } from './current-actor.decorator';
import { LoginInput, MeType, UserSessionType } from './auth.types';
import { Public, Roles } from './roles.decorator';
import { clearSessionCookie, readSessionToken, writeSessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Resolver(() => MeType)
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The session cookie is `Secure` everywhere except explicit local development over plain http. */
  private get secureCookie(): boolean {
    return !this.config.development;
  }

  @Public()
  @Query(() => MeType, { nullable: true, description: 'De ingelogde gebruiker, of null.' })
  me(@Context() ctx: RequestContext): Promise<MeType | null> {
    return ctx.actor ? this.users.me(ctx.actor) : Promise.resolve(null);
  }

  @Public()
  @Mutation(() => MeType, { description: 'Inloggen; zet een httpOnly-sessiecookie.' })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<MeType> {
    const login = await this.sessions.login(input.email, input.password, ctx.req.ip ?? 'onbekend').catch((error: unknown) => {
      if (error instanceof TooManyRequestsAppError) ctx.res.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    const { token, expiresAt, actor } = login;
    writeSessionCookie(ctx.res, token, expiresAt, this.secureCookie);
    return this.users.me(actingFor(actor, null));
  }

  @Roles(...USER_ROLES)
  @Query(() => [UserSessionType], { description: 'De eigen sessies die nog niet verlopen zijn (ingelogde browsers en apparaten), nieuwste eerst.' })
  async mySessions(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<UserSessionType[]> {
    const sessions = await this.sessions.sessionsOf(actor.userId, readSessionToken(ctx.req));
    return sessions.map((s) => Object.assign(new UserSessionType(), s));
  }

  @Roles(...USER_ROLES)
  @Mutation(() => Boolean, { description: 'Overal uitloggen: beëindigt alle eigen sessies, in elke browser en op elk apparaat, ook deze.' })
  async logoutEverywhere(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<boolean> {
    await this.sessions.revokeAllOf(actor.userId);
    clearSessionCookie(ctx.res, this.secureCookie);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Uitloggen; beëindigt de sessie.' })
  async logout(@Context() ctx: RequestContext): Promise<boolean> {
    await this.sessions.logout(readSessionToken(ctx.req));
    clearSessionCookie(ctx.res, this.secureCookie);
    return true;
  }
}
