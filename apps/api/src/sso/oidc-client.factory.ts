import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG, AppConfig } from '../config';
import { logger } from '../common';
import type { SsoConnectionEntity } from '../database';
import { SecretBox } from './secret-box';

/** How long a discovered configuration (endpoints, keys) is reused before the identity provider is asked again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** openid-client configurations per connection: discovered once, changed settings discover anew. */
@Injectable()
export class OidcClientFactory {
  private readonly box: SecretBox;
  private readonly cache = new Map<string, { key: string; at: number; configuration: Promise<oidc.Configuration> }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = new SecretBox(config.bsnKey);
  }

  seal(secret: string): string {
    return this.box.seal(secret);
  }

  /** The client of a connection; the identity provider's discovery document is fetched and checked (issuer must match). */
  configuration(connection: SsoConnectionEntity): Promise<oidc.Configuration> {
    const key = `${connection.issuerUrl}|${connection.clientId}|${connection.clientSecretEncrypted}`;
    const cached = this.cache.get(connection.id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const configuration = this.discover(connection);
    this.cache.set(connection.id, { key, at: Date.now(), configuration });
    configuration.catch(() => this.cache.delete(connection.id));
    return configuration;
  }

  /** Null when the identity provider answers with a usable configuration; otherwise why not, in Dutch. */
  async probe(connection: SsoConnectionEntity): Promise<string | null> {
    try {
      const configuration = await this.discover(connection);
      const metadata = configuration.serverMetadata();
      if (!metadata.authorization_endpoint || !metadata.token_endpoint) return 'De identity provider noemt geen autorisatie- of tokenadres.';
      return null;
    } catch (error) {
      logger.warn({ err: error, issuer: connection.issuerUrl }, 'identity provider niet bereikbaar of ongeldig');
      return `De identity provider op ${connection.issuerUrl} antwoordt niet met een geldige OpenID Connect-configuratie. Controleer de issuer-URL.`;
    }
  }

  private discover(connection: SsoConnectionEntity): Promise<oidc.Configuration> {
    const issuer = new URL(connection.issuerUrl);
    const secret = this.box.open(connection.clientSecretEncrypted);
    // Plain http is only accepted for a loopback issuer in development (checked when the admin saves the connection).
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    return oidc.discovery(issuer, connection.clientId, undefined, oidc.ClientSecretBasic(secret), { execute, timeout: 10 });
  }
}
