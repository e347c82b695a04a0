import type { Role } from '@inburgering/contracts';

// The pages of the presence list in the role menu (appended to layout/navigation.ts). The teacher's start page comes first.
export type PresenceNavLabelKey = `presenceNav.${'lessons' | 'lesson' | 'groups' | 'audit'}`;

export const PRESENCE_PATHS = { lessons: '/lessen', lesson: '/les', groups: '/groepen', audit: '/groepen/verantwoording' } as const;

export const PRESENCE_PAGES: readonly { path: string; labelKey: PresenceNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: PRESENCE_PATHS.lessons, labelKey: 'presenceNav.lessons', roles: ['TEACHER'] },
  { path: PRESENCE_PATHS.lesson, labelKey: 'presenceNav.lesson', roles: ['TEACHER', 'PROVIDER_USER'], hidden: true },
  { path: PRESENCE_PATHS.groups, labelKey: 'presenceNav.groups', roles: ['PROVIDER_USER'] },
  { path: PRESENCE_PATHS.audit, labelKey: 'presenceNav.audit', roles: ['PROVIDER_USER'], hidden: true },
];
