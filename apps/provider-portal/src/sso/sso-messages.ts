/** The words the API's /api/sso routes send back to the login page (`/inloggen?sso=…`), each with its Dutch text key. */
export const SSO_FAILURE_KEYS = {
  onbekend: 'sso.failure.unknownUser',
  verlopen: 'sso.failure.expired',
  mislukt: 'sso.failure.failed',
  afgebroken: 'sso.failure.cancelled',
  'geen-organisatie': 'sso.failure.noOrganisation',
} as const;

export type SsoFailureKey = (typeof SSO_FAILURE_KEYS)[keyof typeof SSO_FAILURE_KEYS];

/** The text key for `?sso=…` of the login page's address, or null. */
export function ssoFailureKeyOf(search: string): SsoFailureKey | null {
  const word = new URLSearchParams(search).get('sso');
  return word && Object.prototype.hasOwnProperty.call(SSO_FAILURE_KEYS, word) ? SSO_FAILURE_KEYS[word as keyof typeof SSO_FAILURE_KEYS] : null;
}

/** "arnhem.nl, arnhem.demo.nl" or one per line → the list the API takes. */
export function domainsOf(text: string): string[] {
  return text.split(/[\s,;]+/).map((d) => d.trim()).filter((d) => d !== '');
}
