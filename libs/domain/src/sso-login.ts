// Single sign-on (issue 14): which identity provider answers for an organisation and which of its answers may match an
// account. Policy, not law: "an account is only ever one the admin created" (issue 14, Logging in).

/** OIDC: a municipality's own identity provider; EHERKENNING: an eHerkenning broker for providers (OpenID Connect too). */
export const SSO_CONNECTION_KINDS = ['OIDC', 'EHERKENNING'] as const;
export type SsoConnectionKindName = (typeof SSO_CONNECTION_KINDS)[number];

/** VERIFIED: an e-mail address counts only with `email_verified: true`; TRUSTED: the provider manages the addresses itself (no such claim). */
export const SSO_EMAIL_MATCHINGS = ['VERIFIED', 'TRUSTED'] as const;
export type SsoEmailMatchingName = (typeof SSO_EMAIL_MATCHINGS)[number];

/**
 * How the platform proves itself at the token endpoint: CLIENT_SECRET (client_secret_basic) or PRIVATE_KEY_JWT, an assertion
 * signed with a key only the platform holds, its public half published as JWKS (OpenID Connect Core 9; the usual way for
 * eHerkenning brokers, which do not hand out shared secrets).
 */
export const SSO_CLIENT_AUTHENTICATIONS = ['CLIENT_SECRET', 'PRIVATE_KEY_JWT'] as const;
export type SsoClientAuthenticationName = (typeof SSO_CLIENT_AUTHENTICATIONS)[number];

/** Whether saving a connection still needs a client secret: only for CLIENT_SECRET, and only when none is stored yet. */
export function ssoClientSecretRequired(authentication: SsoClientAuthenticationName, secretStored: boolean, secretGiven: boolean): boolean {
  return authentication === 'CLIENT_SECRET' && !secretStored && !secretGiven;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An e-mail domain as the admin may list it: lower case, at least one dot, no `@` (policy: issue 14, SSO configuration). */
export function isValidEmailDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

/** The lower-cased domain of an e-mail address, or null when it is not one. */
export function emailDomainOf(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.trim().slice(at + 1).toLowerCase();
  return isValidEmailDomain(domain) ? domain : null;
}

/**
 * The e-mail address an identity provider's answer may be matched by, or null: only inside the organisation's listed
 * domains, and (unless the organisation trusts its provider's addresses) only when the provider says it verified it
 * (policy: issue 14, "matched by a stable subject or e-mail, never created from the identity provider's say alone").
 */
export function ssoMatchableEmail(claims: { email?: unknown; email_verified?: unknown }, matching: SsoEmailMatchingName, domains: readonly string[]): string | null {
  if (typeof claims.email !== 'string') return null;
  const domain = emailDomainOf(claims.email);
  if (!domain || !domains.includes(domain)) return null;
  if (matching === 'VERIFIED' && claims.email_verified !== true) return null;
  return claims.email.trim().toLowerCase();
}
