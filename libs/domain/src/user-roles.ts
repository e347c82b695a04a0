/**
 * The roles of the platform's users: a provider's employee, a municipality's consultant, the region's projectleider
 * and the region's functional administrator. The API's `Role` enum and the access rules are built from this list.
 */
export const USER_ROLES = ['PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER', 'ADMIN'] as const;
export type UserRoleName = (typeof USER_ROLES)[number];
