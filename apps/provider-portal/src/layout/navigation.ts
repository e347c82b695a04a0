import type { Role } from '@inburgering/contracts';
import { DUO_PAGES, type DuoNavLabelKey } from '../duo/duo-pages';
import { FIGURES_PAGES, type FiguresNavLabelKey } from '../figures/figures-pages';
import { HOURS_PAGES, type HoursNavLabelKey } from '../hours/hours-pages';
import { INVOICE_PAGES, type InvoiceNavLabelKey } from '../invoices/invoice-pages';
import { MAP_PAGES, type MapNavLabelKey } from '../map-cafeteria/map-pages';
import { PLACEMENT_PAGES, type PlacementNavLabelKey } from '../placements/placement-pages';
import { PRESENCE_PAGES, type PresenceNavLabelKey } from '../presence/presence-pages';
import { PROCUREMENT_PAGES, type ProcurementNavLabelKey } from '../procurement/procurement-pages';

// Which pages each role may open; the menu, the start page and the route guards all read this one table.
export type NavLabelKey = 'nav.providerLots' | 'nav.clients' | ProcurementNavLabelKey | HoursNavLabelKey | PlacementNavLabelKey | InvoiceNavLabelKey | PresenceNavLabelKey | DuoNavLabelKey | FiguresNavLabelKey | MapNavLabelKey;

export interface PortalPage {
  path: string;
  labelKey: NavLabelKey;
  roles: readonly Role[];
  /** Reachable from another page (a client page), not listed in the menu. */
  hidden?: boolean;
}

export const PORTAL_PAGES: readonly PortalPage[] = [
  { path: '/mijn-percelen', labelKey: 'nav.providerLots', roles: ['PROVIDER_USER'] },
  { path: '/inburgeraars', labelKey: 'nav.clients', roles: ['CONSULTANT'] },
  // The region's pages (capacity first: the projectleider's start page, then lots, contracts, review) and the provider's contracts.
  ...PROCUREMENT_PAGES,
  ...HOURS_PAGES,
  ...PLACEMENT_PAGES,
  ...INVOICE_PAGES,
  ...PRESENCE_PAGES,
  ...DUO_PAGES,
  ...FIGURES_PAGES,
  ...MAP_PAGES,
];

export const LOGIN_PATH = '/inloggen';

export function pagesForRole(role: Role): PortalPage[] {
  return PORTAL_PAGES.filter((page) => page.roles.includes(role));
}

/** The first page of a role's menu: where a user lands after logging in. */
export function homePathForRole(role: Role): string {
  return pagesForRole(role)[0]?.path ?? '/';
}

/** Whether the role may open a path; a query string or hash does not matter. */
export function canOpen(role: Role, path: string): boolean {
  const pathname = path.split(/[?#]/)[0];
  return pagesForRole(role).some((page) => page.path === pathname);
}

/** After login: back to the page the user asked for when that page is theirs, otherwise their start page. */
export function pathAfterLogin(role: Role, requested: string | undefined): string {
  return requested && canOpen(role, requested) ? requested : homePathForRole(role);
}
