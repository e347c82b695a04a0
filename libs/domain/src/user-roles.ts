/**
 * The roles of the platform's users: a provider's employee, a municipality's consultant, the region's projectleider
 * the region's functional administrator, and a provider's teacher (docent: only the groups and lessons they teach). The API's `Role` enum and the access rules are built from this list.
 */
export const USER_ROLES = ['PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER', 'ADMIN', 'TEACHER'] as const;
export type UserRoleName = (typeof USER_ROLES)[number];
