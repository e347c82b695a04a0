import { Inject } from '@nestjs/common';
import { USER_ROLES } from '@inburgering/domain';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { TooManyRequestsAppError, UnauthenticatedAppError } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import type { RequestContext } from '../../graphql';
import { actingFor, type Actor } from '../../tenancy';
import { MeType } from '../auth.types';
import { CurrentActor } from '../current-actor.decorator';
import { Public, Roles } from '../roles.decorator';
import { readSessionToken, writeSessionCookie } from '../session-cookie';
import { SessionService } from '../session.service';
import { UsersService } from '../users.service';
import { PasskeyService } from './passkey.service';
import type { NewSession, Requester } from './second-factor.service';
import { FinishPasskeyRegistrationInput, LoginStepGql, PasskeyLoginInput, PasskeyOptionsType, RemovePasskeyInput } from './second-factor.types';

/** The origin the portal's request came from (the Origin header of its fetch), else this server's own address. */
function requestOrigin(ctx: RequestContext): string {
  const origin = ctx.req.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  return `${ctx.req.protocol}://${ctx.req.headers.host ?? 'localhost'}`;
}

/** Passkeys (WebAuthn) of the own account, and the login's second step with one. */
@Resolver()
export class PasskeyResolver {
  constructor(
    private readonly passkeys: PasskeyService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private setSession(ctx: RequestContext, session: NewSession): void {
    writeSessionCookie(ctx.res, session.token, session.expiresAt, !this.config.development);
  }

  private requester(ctx: RequestContext): Requester {
    return { actor: ctx.actor, token: readSessionToken(ctx.req) };
  }

  // Public at the guard: a session that must first enrol (SECOND_FACTOR=required) is no actor; the service checks the stage.
  @Public()
  @Mutation(() => PasskeyOptionsType, { description: 'Een passkey toevoegen, stap 1: de opties voor de browser (de uitdaging blijft bij deze sessie, 5 minuten geldig). Ook tijdens het verplicht instellen van een tweede stap.' })
  async startPasskeyRegistration(@Context() ctx: RequestContext): Promise<PasskeyOptionsType> {
    return Object.assign(new PasskeyOptionsType(), { optionsJson: await this.passkeys.startRegistration(this.requester(ctx), requestOrigin(ctx)) });
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Een passkey toevoegen, stap 2: het antwoord van de browser; beëindigt alle andere sessies (deze browser is daarna volledig ingelogd).' })
  async finishPasskeyRegistration(@Args('input') input: FinishPasskeyRegistrationInput, @Context() ctx: RequestContext): Promise<boolean> {
    this.setSession(ctx, await this.passkeys.finishRegistration(this.requester(ctx), input.name, input.responseJson));
    return true;
  }

  @Roles(...USER_ROLES)
  @Mutation(() => LoginStepGql, { description: 'Een eigen passkey verwijderen (met het wachtwoord); beëindigt alle sessies. Geeft de stap van de nieuwe sessie van deze browser.' })
  async removePasskey(@CurrentActor() actor: Actor, @Args('input') input: RemovePasskeyInput, @Context() ctx: RequestContext): Promise<LoginStepGql> {
    const session = await this.passkeys.remove(actor, input.id, input.password, ctx.req.ip ?? 'onbekend').catch((error: unknown) => {
      if (error instanceof TooManyRequestsAppError) ctx.res.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    this.setSession(ctx, session);
    return session.stage;
  }

  @Public()
  @Mutation(() => PasskeyOptionsType, { description: 'Inloggen, stap 2 met een passkey: de opties voor de browser.' })
  async startPasskeyLogin(@Context() ctx: RequestContext): Promise<PasskeyOptionsType> {
    return Object.assign(new PasskeyOptionsType(), { optionsJson: await this.passkeys.startLogin(readSessionToken(ctx.req), requestOrigin(ctx)) });
  }

  @Public()
  @Mutation(() => MeType, { description: 'Inloggen, stap 2 met een passkey: het ondertekende antwoord van de browser.' })
  async verifyPasskeyLogin(@Args('input') input: PasskeyLoginInput, @Context() ctx: RequestContext): Promise<MeType> {
    const session = await this.passkeys.verifyLogin(readSessionToken(ctx.req), input.responseJson, ctx.req.ip ?? 'onbekend').catch((error: unknown) => {
      if (error instanceof TooManyRequestsAppError) ctx.res.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    this.setSession(ctx, session);
    const actor = await this.sessions.actorForToken(session.token);
    if (!actor) throw new UnauthenticatedAppError();
    return this.users.me(actingFor(actor, null));
  }
}
