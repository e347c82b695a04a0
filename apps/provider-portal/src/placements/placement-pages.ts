import type { Role } from '@inburgering/contracts';

// The pages of the placements slice (appended to layout/navigation.ts). Pages for one client are not in the menu.
export type PlacementNavLabelKey = `placementNav.${'newClient' | 'client' | 'request' | 'inbox' | 'placed'}`;

export const PLACEMENT_PATHS = {
  newClient: '/inburgeraars/nieuw',
  client: '/inburgeraar',
  request: '/inburgeraar/aanmelden',
  inbox: '/aanmeldingen',
  placed: '/mijn-inburgeraars',
} as const;

export const PLACEMENT_PAGES: readonly { path: string; labelKey: PlacementNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: PLACEMENT_PATHS.inbox, labelKey: 'placementNav.inbox', roles: ['PROVIDER_USER'] },
  { path: PLACEMENT_PATHS.placed, labelKey: 'placementNav.placed', roles: ['PROVIDER_USER'] },
  { path: PLACEMENT_PATHS.newClient, labelKey: 'placementNav.newClient', roles: ['CONSULTANT'], hidden: true },
  { path: PLACEMENT_PATHS.client, labelKey: 'placementNav.client', roles: ['CONSULTANT'], hidden: true },
  { path: PLACEMENT_PATHS.request, labelKey: 'placementNav.request', roles: ['CONSULTANT'], hidden: true },
];

/** The client page of one client (the id travels in the query string, so the route table stays flat). */
export const clientPath = (clientId: string) => `${PLACEMENT_PATHS.client}?id=${encodeURIComponent(clientId)}`;
export const requestPath = (clientId: string) => `${PLACEMENT_PATHS.request}?id=${encodeURIComponent(clientId)}`;
