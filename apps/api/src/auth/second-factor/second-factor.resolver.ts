import { Inject } from '@nestjs/common';
import { USER_ROLES } from '@inburgering/domain';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { TooManyRequestsAppError, UnauthenticatedAppError } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import type { RequestContext } from '../../graphql';
import { actingFor, type Actor } from '../../tenancy';
import { MeType } from '../auth.types';
import { CurrentActor } from '../current-actor.decorator';
import { Public, Roles } from '../roles.decorator';
import { clearSessionCookie, readSessionToken, writeSessionCookie } from '../session-cookie';
import { SessionService } from '../session.service';
import { UsersService } from '../users.service';
import { SecondFactorService, type NewSession } from './second-factor.service';
import { ChangePasswordInput, LoginStepGql, RecoveryCodesType, RemoveTotpInput, SecondFactorCodeInput, SecondFactorStatusType, TotpEnrolmentType } from './second-factor.types';

const addressOf = (ctx: RequestContext) => ctx.req.ip ?? 'onbekend';

/** Passes a throttle refusal's wait on as Retry-After, like the login. */
function withRetryAfter<T>(ctx: RequestContext, promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof TooManyRequestsAppError) ctx.res.header('Retry-After', String(error.retryAfterSeconds));
    throw error;
  });
}

/**
 * The second factor and the password of the own account, and the login's second step. Enrolment and the second step
 * are public at the guard: a session waiting for them is no actor, so the service checks the session's stage itself.
 */
@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private setSession(ctx: RequestContext, session: NewSession): void {
    writeSessionCookie(ctx.res, session.token, session.expiresAt, !this.config.development);
  }

  private requester(ctx: RequestContext) {
    return { actor: ctx.actor, token: readSessionToken(ctx.req) };
  }

  @Public()
  @Query(() => SecondFactorStatusType, { description: 'De tweede factor van de eigen account, en hoe ver het inloggen van deze sessie is (ook tijdens de tweede stap).' })
  async secondFactorStatus(@Context() ctx: RequestContext): Promise<SecondFactorStatusType> {
    return Object.assign(new SecondFactorStatusType(), await this.secondFactor.status(this.requester(ctx)));
  }

  @Public()
  @Mutation(() => TotpEnrolmentType, { description: 'Een authenticator-app koppelen, stap 1: een nieuw geheim als QR-code en als tekst.' })
  async startTotpEnrolment(@Context() ctx: RequestContext): Promise<TotpEnrolmentType> {
    return Object.assign(new TotpEnrolmentType(), await this.secondFactor.startTotp(this.requester(ctx)));
  }

  @Public()
  @Mutation(() => RecoveryCodesType, { description: 'Een authenticator-app koppelen, stap 2: de eerste code bevestigt; geeft 10 herstelcodes (alleen nu te zien) en beëindigt alle andere sessies.' })
  async confirmTotpEnrolment(@Args('input') input: SecondFactorCodeInput, @Context() ctx: RequestContext): Promise<RecoveryCodesType> {
    const { recoveryCodes, session } = await withRetryAfter(ctx, this.secondFactor.confirmTotp(this.requester(ctx), input.code, addressOf(ctx)));
    this.setSession(ctx, session);
    return Object.assign(new RecoveryCodesType(), { codes: recoveryCodes });
  }

  @Public()
  @Mutation(() => MeType, { description: 'Inloggen, stap 2: de code uit de authenticator-app of een herstelcode.' })
  async verifySecondFactor(@Args('input') input: SecondFactorCodeInput, @Context() ctx: RequestContext): Promise<MeType> {
    const session = await withRetryAfter(ctx, this.secondFactor.verifyLogin(readSessionToken(ctx.req), input.code, addressOf(ctx)));
    this.setSession(ctx, session);
    const actor = await this.sessions.actorForToken(session.token);
    if (!actor) throw new UnauthenticatedAppError();
    return this.users.me(actingFor(actor, null));
  }

  @Roles(...USER_ROLES)
  @Mutation(() => RecoveryCodesType, { description: 'Nieuwe herstelcodes (de oude vervallen); alleen nu te zien.' })
  async regenerateRecoveryCodes(@CurrentActor() actor: Actor): Promise<RecoveryCodesType> {
    return Object.assign(new RecoveryCodesType(), { codes: await this.secondFactor.regenerateRecoveryCodes(actor) });
  }

  @Roles(...USER_ROLES)
  @Mutation(() => LoginStepGql, { description: 'De authenticator-app ontkoppelen (met het wachtwoord); beëindigt alle sessies. Geeft de stap van de nieuwe sessie van deze browser.' })
  async removeTotp(@CurrentActor() actor: Actor, @Args('input') input: RemoveTotpInput, @Context() ctx: RequestContext): Promise<LoginStepGql> {
    const session = await withRetryAfter(ctx, this.secondFactor.removeTotp(actor, input.password, addressOf(ctx)));
    this.setSession(ctx, session);
    return session.stage;
  }

  @Roles(...USER_ROLES)
  @Mutation(() => Boolean, { description: 'Het eigen wachtwoord wijzigen (huidig wachtwoord vereist); beëindigt alle andere sessies.' })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() ctx: RequestContext): Promise<boolean> {
    const session = await withRetryAfter(ctx, this.secondFactor.changePassword(actor, input.currentPassword, input.newPassword, addressOf(ctx)));
    this.setSession(ctx, session);
    return true;
  }

  @Roles('ADMIN')
  @Mutation(() => Boolean, { description: 'Beheer: de tweede factor van een gebruiker van de eigen regio opnieuw instellen (verloren telefoon); gelogd, en alle sessies van die gebruiker eindigen.' })
  async resetSecondFactor(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string, @Context() ctx: RequestContext): Promise<boolean> {
    await this.secondFactor.resetForUser(actor, userId);
    // An admin resetting the own factor ends the own session too.
    if (userId === actor.userId) clearSessionCookie(ctx.res, !this.config.development);
    return true;
  }
}
