/**
 * The roles of the platform's users: a provider's employee, a municipality's consultant, the region's projectleider
 * the region's functional administrator, a provider's teacher (docent: only the groups and lessons they teach), and a
 * municipality's financial officer (financieel medewerker: only the invoices the municipality pays, never client
 * pages or BSNs; issue 11). The API's `Role` enum and the access rules are built from this list.
 */
export const USER_ROLES = ['PROVIDER_USER', 'CONSULTANT', 'PROJECTLEIDER', 'ADMIN', 'TEACHER', 'FINANCIAL_OFFICER'] as const;
export type UserRoleName = (typeof USER_ROLES)[number];
