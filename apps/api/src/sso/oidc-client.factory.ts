import { Inject, Injectable } from '@nestjs/common';
import type { webcrypto } from 'node:crypto';
import * as oidc from 'openid-client';
import { APP_CONFIG, AppConfig } from '../config';
import { logger } from '../common';
import type { SsoConnectionEntity } from '../database';
import { SecretBox } from './secret-box';
import { signingCryptoKey } from './signing-key';

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
    const key = `${connection.issuerUrl}|${connection.clientId}|${connection.clientAuthentication}|${connection.clientSecretEncrypted}|${connection.signingKeyId ?? ''}`;
    const cached = this.cache.get(connection.id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const configuration = this.discover(connection);
    this.cache.set(connection.id, { key, at: Date.now(), configuration });
    configuration.catch(() => this.cache.delete(connection.id));
    return configuration;
  }

  /** Null when the identity provider answers with a usable configuration; otherwise which field is wrong and why, in Dutch. */
  async probe(connection: SsoConnectionEntity): Promise<{ field: string; message: string } | null> {
    try {
      const configuration = await this.discover(connection);
      const metadata = configuration.serverMetadata();
      if (!metadata.authorization_endpoint || !metadata.token_endpoint) return { field: 'issuerUrl', message: 'De identity provider noemt geen autorisatie- of tokenadres.' };
      const methods = metadata.token_endpoint_auth_methods_supported;
      if (connection.clientAuthentication === 'PRIVATE_KEY_JWT' && methods && !methods.includes('private_key_jwt')) {
        return { field: 'clientAuthentication', message: 'Deze identity provider ondersteunt geen ondertekende verklaring (private_key_jwt). Kies het clientgeheim.' };
      }
      return null;
    } catch (error) {
      logger.warn({ err: error, issuer: connection.issuerUrl }, 'identity provider niet bereikbaar of ongeldig');
      return { field: 'issuerUrl', message: `De identity provider op ${connection.issuerUrl} antwoordt niet met een geldige OpenID Connect-configuratie. Controleer de issuer-URL.` };
    }
  }

  private async discover(connection: SsoConnectionEntity): Promise<oidc.Configuration> {
    const issuer = new URL(connection.issuerUrl);
    // Plain http is only accepted for a loopback issuer in development (checked when the admin saves the connection).
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    return oidc.discovery(issuer, connection.clientId, undefined, await this.clientAuthentication(connection), { execute, timeout: 10 });
  }

  private async clientAuthentication(connection: SsoConnectionEntity): Promise<oidc.ClientAuth> {
    if (connection.clientAuthentication !== 'PRIVATE_KEY_JWT') return oidc.ClientSecretBasic(this.box.open(connection.clientSecretEncrypted));
    if (!connection.signingKeyEncrypted || !connection.signingKeyId) throw new Error('private_key_jwt connection without a signing key');
    const key = await signingCryptoKey(JSON.parse(this.box.open(connection.signingKeyEncrypted)) as webcrypto.JsonWebKey);
    return oidc.PrivateKeyJwt({ key, kid: connection.signingKeyId });
  }
}
