import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { emailDomainOf, isValidEmailDomain, ssoClientSecretRequired } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { APP_CONFIG, AppConfig } from '../config';
import { ConflictAppError, ValidationAppError, logger } from '../common';
import { OrganisationEntity, SsoConnectionEntity } from '../database';
import type { Actor } from '../tenancy';
import { OidcClientFactory } from './oidc-client.factory';
import { newSigningKey } from './signing-key';
import type { SaveSsoConnectionInput, SsoConnectionType, SsoLoginOptionType, SsoOrganisationType } from './sso.types';

const ORGANISATION_ORDER: Record<string, number> = { REGION: 0, MUNICIPALITY: 1, SHARED_SERVICE: 2, PROVIDER: 3 };

export function toConnectionType(c: SsoConnectionEntity): SsoConnectionType {
  return {
    kind: c.kind,
    issuerUrl: c.issuerUrl,
    clientId: c.clientId,
    hasClientSecret: c.clientSecretEncrypted !== '',
    clientAuthentication: c.clientAuthentication,
    jwksPath: c.clientAuthentication === 'PRIVATE_KEY_JWT' && c.signingPublicJwk ? jwksPathOf(c.organisationId) : null,
    emailDomains: c.emailDomains,
    emailMatching: c.emailMatching,
    enabled: c.enabled,
    updatedAt: c.updatedAt,
  };
}

/** Where an identity provider reads the public key of an organisation's private_key_jwt (sso.controller.ts answers it). */
export function jwksPathOf(organisationId: string): string {
  return `/api/sso/${organisationId}/jwks.json`;
}

/** The per-organisation single sign-on settings: set by the region's admin, read by the login. */
@Injectable()
export class SsoConnectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly clients: OidcClientFactory,
  ) {}

  /** The organisations whose login the admin sets (region, municipalities, shared services, providers), with their settings. */
  async organisations(actor: Actor): Promise<SsoOrganisationType[]> {
    const candidates = await this.db.getRepository(OrganisationEntity).find({ select: { id: true, name: true, kind: true } });
    const allowed = await this.access.allowed(actor, 'loginOrganisation', candidates.map((o) => o.id));
    const own = candidates.filter((o) => allowed.has(o.id));
    const connections = own.length === 0 ? [] : await this.db.getRepository(SsoConnectionEntity).createQueryBuilder('c')
      .where('c.organisation_id IN (:...ids)', { ids: own.map((o) => o.id) })
      .getMany();
    const byOrganisation = new Map(connections.map((c) => [c.organisationId, c]));
    return own
      .sort((a, b) => (ORGANISATION_ORDER[a.kind] ?? 9) - (ORGANISATION_ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name, 'nl'))
      .map((o) => {
        const connection = byOrganisation.get(o.id);
        return { id: o.id, name: o.name, organisationKind: o.kind, connection: connection ? toConnectionType(connection) : null };
      });
  }

  /** Creates or changes an organisation's settings; the identity provider must answer with a matching configuration. */
  async save(actor: Actor, input: SaveSsoConnectionInput): Promise<SsoOrganisationType> {
    const organisationId = await this.access.requireOne(actor, 'loginOrganisation', input.organisationId);
    const repository = this.db.getRepository(SsoConnectionEntity);
    const existing = await repository.findOne({ where: { organisationId } });
    const errors: { field: string; message: string }[] = [];
    const issuerUrl = input.issuerUrl.trim().replace(/\/+$/, '');
    const issuerProblem = this.issuerProblem(issuerUrl);
    if (issuerProblem) errors.push({ field: 'issuerUrl', message: issuerProblem });
    const domains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))];
    const wrong = domains.filter((d) => !isValidEmailDomain(d));
    if (domains.length === 0) errors.push({ field: 'emailDomains', message: 'Vul ten minste één e-maildomein in.' });
    else if (wrong.length > 0) errors.push({ field: 'emailDomains', message: `Geen geldig e-maildomein: ${wrong.join(', ')}. Vul alleen het deel na de @ in, bijvoorbeeld arnhem.nl.` });
    const secret = input.clientSecret?.trim() ?? '';
    const authentication = input.clientAuthentication ?? 'CLIENT_SECRET';
    if (ssoClientSecretRequired(authentication, (existing?.clientSecretEncrypted ?? '') !== '', secret !== '')) errors.push({ field: 'clientSecret', message: 'Vul het clientgeheim in.' });
    if (errors.length > 0) throw new ValidationAppError(errors);

    const taken = await repository.createQueryBuilder('c')
      .innerJoinAndSelect('c.organisation', 'o')
      .where('c.organisation_id <> :organisationId', { organisationId })
      .andWhere('c.email_domains && CAST(:domains AS text[])', { domains })
      .getOne();
    if (taken) {
      const domain = domains.find((d) => taken.emailDomains.includes(d));
      throw new ConflictAppError('Een e-maildomein hoort al bij een andere organisatie.', [
        { field: 'emailDomains', message: `${domain} hoort al bij ${taken.organisation?.name}; een domein kiest bij het inloggen één organisatie.` },
      ]);
    }

    const sealed = secret !== '' ? this.clients.seal(secret) : (existing?.clientSecretEncrypted ?? '');
    // The signing key is made once and kept (the identity provider caches the JWKS); switching back keeps it for later.
    const fresh = authentication === 'PRIVATE_KEY_JWT' && !existing?.signingKeyEncrypted ? newSigningKey() : null;
    const signing = fresh
      ? { signingKeyEncrypted: this.clients.seal(JSON.stringify(fresh.privateJwk)), signingKeyId: fresh.kid, signingPublicJwk: fresh.publicJwk }
      : { signingKeyEncrypted: existing?.signingKeyEncrypted ?? null, signingKeyId: existing?.signingKeyId ?? null, signingPublicJwk: existing?.signingPublicJwk ?? null };
    const candidate = { ...existing, organisationId, kind: input.kind, issuerUrl, clientId: input.clientId.trim(), clientSecretEncrypted: sealed, clientAuthentication: authentication, ...signing, emailDomains: domains, emailMatching: input.emailMatching, enabled: input.enabled } as SsoConnectionEntity;
    if (input.enabled) {
      const problem = await this.clients.probe(candidate);
      if (problem) throw new ValidationAppError([{ field: problem.field, message: problem.message }]);
    }
    await repository.upsert({ organisationId, kind: candidate.kind, issuerUrl, clientId: candidate.clientId, clientSecretEncrypted: sealed, clientAuthentication: authentication, ...signing, emailDomains: domains, emailMatching: candidate.emailMatching, enabled: candidate.enabled, updatedByUserId: actor.userId }, { conflictPaths: ['organisationId'] });
    logger.info({ organisationId, kind: input.kind, enabled: input.enabled, clientAuthentication: authentication, secretChanged: secret !== '', signingKeyMade: fresh !== null }, 'inloginstelling (single sign-on) opgeslagen');
    const saved = (await this.organisations(actor)).find((o) => o.id === organisationId);
    if (!saved) throw new Error('saved SSO connection not visible');
    return saved;
  }

  /** The organisations on the login page's choice: those with single sign-on switched on, by name. */
  async loginOptions(): Promise<SsoLoginOptionType[]> {
    const rows = await this.db.getRepository(SsoConnectionEntity).createQueryBuilder('c')
      .innerJoin(OrganisationEntity, 'o', 'o.id = c.organisation_id')
      .select(['c.organisation_id AS "organisationId"', 'o.name AS name', 'c.kind AS kind'])
      .where('c.enabled')
      .orderBy('o.name')
      .getRawMany<SsoLoginOptionType>();
    return rows;
  }

  /** The public JWKS of an organisation's private_key_jwt, or null when it has none (public keys only: anyone may read them). */
  async publicJwks(organisationId: string): Promise<{ keys: Record<string, string>[] } | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organisationId)) return null;
    const connection = await this.db.getRepository(SsoConnectionEntity).findOne({ where: { organisationId, clientAuthentication: 'PRIVATE_KEY_JWT' } });
    return connection?.signingPublicJwk ? { keys: [connection.signingPublicJwk] } : null;
  }

  /** The switched-on connection of an organisation, or null. */
  async forOrganisation(organisationId: string): Promise<SsoConnectionEntity | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organisationId)) return null;
    return this.db.getRepository(SsoConnectionEntity).findOne({ where: { organisationId, enabled: true } });
  }

  /** The switched-on connection whose e-mail domains hold this address, or null. */
  async forEmail(email: string): Promise<SsoConnectionEntity | null> {
    const domain = emailDomainOf(email);
    if (!domain) return null;
    return this.db.getRepository(SsoConnectionEntity).createQueryBuilder('c')
      .where('c.enabled')
      .andWhere(':domain = ANY(c.email_domains)', { domain })
      .getOne();
  }

  /** Plain http only for an identity provider on this machine during local development (the test harness). */
  private issuerProblem(issuerUrl: string): string | null {
    let url: URL;
    try {
      url = new URL(issuerUrl);
    } catch {
      return 'Vul een volledige URL in, bijvoorbeeld https://login.arnhem.nl.';
    }
    if (url.search || url.hash || url.username || url.password) return 'De issuer-URL heeft geen zoekdeel, anker of inloggegevens.';
    if (url.protocol === 'https:') return null;
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol === 'http:' && loopback && this.config.development) return null;
    return 'De issuer-URL moet met https:// beginnen.';
  }
}
