import type { Role } from '@inburgering/contracts';

// The municipality's retention page (issue 14, AVG storage limitation) in the role menu (appended to layout/navigation.ts).
export type RetentionNavLabelKey = 'retentionNav.policy';

export const RETENTION_PATHS = { policy: '/bewaartermijnen' } as const;

export const RETENTION_PAGES: readonly { path: string; labelKey: RetentionNavLabelKey; roles: readonly Role[] }[] = [
  { path: RETENTION_PATHS.policy, labelKey: 'retentionNav.policy', roles: ['CONSULTANT'] },
];
