import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, Public, readSessionToken, writeSessionCookie } from '../auth';
import { APP_CONFIG, AppConfig } from '../config';
import { requestLogger } from '../common';
import { SsoConnectionsService } from './sso-connections.service';
import { SsoLoginFailed, SsoLoginService, type SsoFailure } from './sso-login.service';

/** Binds a login at the identity provider to the browser that started it; Lax, because the provider sends the browser back. */
export const SSO_STATE_COOKIE = 'ir_sso_state';
const CALLBACK_PATH = '/api/sso/callback';
/** The portal's login page and the word it shows a Dutch message for (LoginPage.tsx). */
const LOGIN_PAGE = '/inloggen';
const FAILURE_WORD: Record<SsoFailure, string> = {
  'unknown-user': 'onbekend',
  expired: 'verlopen',
  failed: 'mislukt',
  cancelled: 'afgebroken',
  'no-organisation': 'geen-organisatie',
};

/** The API's own address as the browser sees it (behind a loopback proxy: its forwarded protocol and host). */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}`;
}

/** Single sign-on in the browser: start at the identity provider, come back at the callback, log out there too. */
@Controller('api/sso')
export class SsoController {
  constructor(
    private readonly connections: SsoConnectionsService,
    private readonly logins: SsoLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return !this.config.development;
  }

  private fail(res: FastifyReply, reason: SsoFailure): void {
    res.header('Cache-Control', 'no-store');
    void res.redirect(`${LOGIN_PAGE}?sso=${FAILURE_WORD[reason]}`, 303);
  }

  /** `?organisatie=<id>` (the choice on the login page) or `?email=<address>` (its domain picks the organisation). */
  @Public()
  @Get('start')
  async start(@Query('organisatie') organisationId: unknown, @Query('email') email: unknown, @Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const byEmail = typeof email === 'string' && email.trim() !== '' ? email.trim().slice(0, 254) : null;
    const connection = typeof organisationId === 'string' && organisationId !== ''
      ? await this.connections.forOrganisation(organisationId)
      : byEmail ? await this.connections.forEmail(byEmail) : null;
    if (!connection) return this.fail(res, 'no-organisation');
    try {
      const { url, state } = await this.logins.start(connection, originOf(req) + CALLBACK_PATH, byEmail, requestLogger(req));
      res.setCookie(SSO_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: CALLBACK_PATH, maxAge: 10 * 60 });
      res.header('Cache-Control', 'no-store');
      void res.redirect(url, 303);
    } catch (error) {
      if (error instanceof SsoLoginFailed) return this.fail(res, error.reason);
      throw error;
    }
  }

  /** Where the identity provider sends the browser back: on success the session cookie (as with a password) and the portal. */
  @Public()
  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const current = new URL(req.url, originOf(req));
    res.clearCookie(SSO_STATE_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: CALLBACK_PATH });
    try {
      const { token, expiresAt } = await this.logins.finish(current, readCookie(req, SSO_STATE_COOKIE), requestLogger(req));
      writeSessionCookie(res, token, expiresAt, this.secure);
      res.header('Cache-Control', 'no-store');
      void res.redirect('/', 303);
    } catch (error) {
      if (error instanceof SsoLoginFailed) return this.fail(res, error.reason);
      requestLogger(req).error({ err: error }, 'single sign-on: callback mislukt');
      return this.fail(res, 'failed');
    }
  }

  /** The public key of an organisation's private_key_jwt, for its identity provider (jwks_uri); public keys are no secret. */
  @Public()
  @Get(':organisationId/jwks.json')
  async jwks(@Param('organisationId') organisationId: string, @Res() res: FastifyReply): Promise<void> {
    const jwks = await this.connections.publicJwks(organisationId);
    if (!jwks) throw new NotFoundException('Deze organisatie logt niet in met een ondertekende verklaring (private_key_jwt).');
    res.header('Cache-Control', 'public, max-age=300');
    void res.type('application/jwk-set+json').send(JSON.stringify(jwks));
  }

  /**
   * Ends this browser's session (any session, also one from a password) and answers where to go next: the identity
   * provider's logout page when the session began there and it offers one, else null.
   */
  @Public()
  @Post('logout')
  @HttpCode(200)
  async logout(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const redirectUrl = await this.logins.logout(readSessionToken(req), originOf(req) + LOGIN_PAGE, requestLogger(req));
    clearSessionCookie(res, this.secure);
    res.header('Cache-Control', 'no-store');
    void res.send({ redirectUrl });
  }
}

function readCookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}
