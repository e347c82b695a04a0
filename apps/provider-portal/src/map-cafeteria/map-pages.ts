import type { Role } from '@inburgering/contracts';

// The pages of the MAP parts slice (appended to layout/navigation.ts): the catalogue and the offering party's participants.
export type MapNavLabelKey = 'mapParts.nav';

export const MAP_PATHS = { parts: '/map-onderdelen' } as const;

export const MAP_PAGES: readonly { path: string; labelKey: MapNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: MAP_PATHS.parts, labelKey: 'mapParts.nav', roles: ['PROVIDER_USER'] },
];
