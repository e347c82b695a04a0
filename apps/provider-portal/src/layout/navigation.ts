import type { Role } from '@inburgering/contracts';
import { ACCOUNT_PAGES, type AccountNavLabelKey } from '../account/account-pages';
import { ADMIN_PAGES, type AdminNavLabelKey } from '../administration/admin-pages';
import { DUO_PAGES, type DuoNavLabelKey } from '../duo/duo-pages';
import { FIGURES_PAGES, type FiguresNavLabelKey } from '../figures/figures-pages';
import { HOURS_PAGES, type HoursNavLabelKey } from '../hours/hours-pages';
import { INVOICE_PAGES, type InvoiceNavLabelKey } from '../invoices/invoice-pages';
import { MAP_PAGES, type MapNavLabelKey } from '../map-cafeteria/map-pages';
import { PLACEMENT_PAGES, type PlacementNavLabelKey } from '../placements/placement-pages';
import { PRESENCE_PAGES, type PresenceNavLabelKey } from '../presence/presence-pages';
import { PROCUREMENT_PAGES, type ProcurementNavLabelKey } from '../procurement/procurement-pages';
import { RETENTION_PAGES, type RetentionNavLabelKey } from '../retention/retention-pages';
import { SSO_PAGES, type SsoNavLabelKey } from '../sso/sso-pages';

// Which pages each role may open; the menu, the start page and the route guards all read this one table.
export type NavLabelKey = 'nav.providerLots' | 'nav.clients' | ProcurementNavLabelKey | HoursNavLabelKey | PlacementNavLabelKey | InvoiceNavLabelKey | PresenceNavLabelKey | DuoNavLabelKey | FiguresNavLabelKey | MapNavLabelKey | RetentionNavLabelKey | AccountNavLabelKey | SsoNavLabelKey | AdminNavLabelKey;

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
  // The functioneel beheerder's own pages (issue 14) come first: its start page is Beheer, not the projectleider's.
  ...ADMIN_PAGES,
  // The region's pages (capacity first: the projectleider's start page, then lots, contracts, review) and the provider's contracts.
  ...PROCUREMENT_PAGES,
  ...HOURS_PAGES,
  ...PLACEMENT_PAGES,
  ...INVOICE_PAGES,
  ...PRESENCE_PAGES,
  ...DUO_PAGES,
  ...FIGURES_PAGES,
  ...MAP_PAGES,
  ...RETENTION_PAGES,
  ...ACCOUNT_PAGES,
  ...SSO_PAGES,
];

export const LOGIN_PATH = '/inloggen';

/** The groups of a long menu (issue 15: eleven items on two lines are hard to scan). */
export type NavGroupKey = 'contracts' | 'clients' | 'hours' | 'money' | 'more' | 'admin';
const NAV_GROUP_OF: Partial<Record<NavLabelKey, NavGroupKey>> = {
  'nav.providerLots': 'contracts',
  'procurementNav.myContracts': 'contracts',
  'procurementNav.startMoments': 'contracts',
  'procurementNav.quality': 'contracts',
  'procurementNav.capacity': 'contracts',
  'procurementNav.lots': 'contracts',
  'procurementNav.contracts': 'contracts',
  'procurementNav.review': 'contracts',
  'procurementNav.regionSetup': 'contracts',
  'nav.clients': 'clients',
  'placementNav.inbox': 'clients',
  'placementNav.placed': 'clients',
  'hoursNav.signals': 'clients',
  'hoursNav.rules': 'clients',
  'duoNav.refused': 'clients',
  'mapParts.nav': 'clients',
  'duoNav.link': 'more',
  'retentionNav.policy': 'clients',
  'hoursNav.grid': 'hours',
  'presenceNav.groups': 'hours',
  'hoursNav.import': 'hours',
  'hoursNav.months': 'hours',
  'hoursNav.approval': 'hours',
  'presenceNav.lessons': 'hours',
  'invoicesNav.provider': 'money',
  'invoicesNav.municipality': 'money',
  'invoicesNav.region': 'money',
  'figuresNav.dashboard': 'money',
  'adminNav.organisations': 'admin',
  'adminNav.users': 'admin',
  'adminNav.history': 'admin',
  'ssoNav.settings': 'admin',
};
/** Up to this many items the menu is one flat row; a longer one is grouped. */
export const FLAT_MENU_MAX = 7;

export type MenuEntry =
  | { kind: 'link'; page: PortalPage }
  | { kind: 'group'; key: NavGroupKey; pages: PortalPage[] };

/**
 * The role's menu: its visible pages, flat when they fit on one line, otherwise in groups (in the order their first
 * page comes, so the start page's group is first); a group of one page is that page's own link.
 */
export function menuForRole(role: Role): MenuEntry[] {
  const pages = pagesForRole(role).filter((page) => !page.hidden);
  if (pages.length <= FLAT_MENU_MAX) return pages.map((page) => ({ kind: 'link', page }));
  const groups = new Map<NavGroupKey, PortalPage[]>();
  for (const page of pages) {
    const key = NAV_GROUP_OF[page.labelKey] ?? 'more';
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  return [...groups].map(([key, grouped]) => (grouped.length === 1 ? { kind: 'link', page: grouped[0] } : { kind: 'group', key, pages: grouped }));
}

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
