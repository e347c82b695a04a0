import type { UserRoleName } from './user-roles';

// Who may hold which role, and what an administrator may hand out (issue 14, "Beheer van organisaties en gebruikers").

type OrganisationKindName = 'REGION' | 'MUNICIPALITY' | 'PROVIDER' | 'SHARED_SERVICE';

/**
 * The roles an account of an organisation kind may have: a region has its projectleider and functioneel beheerder, a
 * municipality its consultants and financial officers, a shared service its consultants, a provider its staff and
 * teachers (issue 14; the roles themselves: issue 11 for the financial officer, the presence list for the teacher).
 */
export function rolesForOrganisationKind(kind: OrganisationKindName): readonly UserRoleName[] {
  switch (kind) {
    case 'REGION':
      return ['PROJECTLEIDER', 'ADMIN'];
    case 'MUNICIPALITY':
      return ['CONSULTANT', 'FINANCIAL_OFFICER'];
    case 'SHARED_SERVICE':
      return ['CONSULTANT'];
    case 'PROVIDER':
      return ['PROVIDER_USER', 'TEACHER'];
  }
}

/**
 * The roles an administrator may give: the region's functioneel beheerder any role the organisation kind allows; a
 * provider's own administrator (a PROVIDER_USER marked "beheert gebruikers") only staff and teachers of its own
 * provider (issue 14: "A provider's own administrator manages its teachers and staff").
 */
export function assignableRoles(administrator: 'REGION_ADMIN' | 'PROVIDER_ADMIN', kind: OrganisationKindName): readonly UserRoleName[] {
  if (administrator === 'PROVIDER_ADMIN') return kind === 'PROVIDER' ? ['PROVIDER_USER', 'TEACHER'] : [];
  return rolesForOrganisationKind(kind);
}

/** CBS municipality code: "GM" and four digits (CBS, Gemeentelijke indeling), e.g. GM0202 for Arnhem. */
export const CBS_MUNICIPALITY_CODE = /^GM\d{4}$/;

/** Organisatie-identificatienummer: 20 digits (Logius, OIN-stelsel). */
export const OIN_PATTERN = /^\d{20}$/;

/** KvK number: 8 digits (Handelsregisterwet, KvK-nummer). */
export const KVK_NUMBER_PATTERN = /^\d{8}$/;

/** An invitation link stays valid this many days (policy of this platform: long enough for a holiday, short enough to be safe). */
export const INVITATION_VALID_DAYS = 7;

/** The minimum length of a password an invitee chooses (NCSC, "Wachtwoordbeleid": length over complexity). */
export const MIN_PASSWORD_LENGTH = 12;
