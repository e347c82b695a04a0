import { describe, expect, it } from '@jest/globals';
import { canOpen, FLAT_MENU_MAX, homePathForRole, menuForRole, pagesForRole, pathAfterLogin, type MenuEntry } from './navigation';

describe('navigation per role', () => {
  it('gives every role its own start page', () => {
    expect(homePathForRole('PROVIDER_USER')).toBe('/mijn-percelen');
    expect(homePathForRole('CONSULTANT')).toBe('/inburgeraars');
    expect(homePathForRole('PROJECTLEIDER')).toBe('/capaciteit');
    expect(homePathForRole('ADMIN')).toBe('/beheer/organisaties');
    expect(homePathForRole('FINANCIAL_OFFICER')).toBe('/facturen/beoordelen');
  });

  it('gives a municipality\'s financial officer only the invoices to approve, no client pages', () => {
    expect(pagesForRole('FINANCIAL_OFFICER').filter((page) => !page.hidden).map((page) => page.labelKey)).toEqual(['invoicesNav.municipality']);
    // Every role reaches its own sessions from the header.
    for (const role of ['FINANCIAL_OFFICER', 'TEACHER', 'PROVIDER_USER'] as const) expect(canOpen(role, '/sessies')).toBe(true);
    for (const path of ['/inburgeraars', '/uren/goedkeuren', '/verzuim', '/capaciteit', '/facturen']) expect(canOpen('FINANCIAL_OFFICER', path)).toBe(false);
  });

  it('gives the functioneel beheerder its own Beheer group first, the region setup it keeps, and no client or signal pages (issue 14)', () => {
    const menu = menuForRole('ADMIN');
    expect(menu[0]).toEqual({ kind: 'group', key: 'admin', pages: expect.any(Array) });
    expect((menu[0] as Extract<MenuEntry, { kind: 'group' }>).pages.map((page) => page.path)).toEqual(['/beheer/organisaties', '/beheer/gebruikers', '/beheer/geschiedenis', '/beheer/inloggen']);
    for (const path of ['/inburgeraars', '/verzuim', '/signalen']) expect(canOpen('ADMIN', path)).toBe(false);
    // A provider's administrator opens the users page from the header; it is not in a provider's menu.
    expect(canOpen('PROVIDER_USER', '/beheer/gebruikers')).toBe(true);
    expect(menuForRole('PROVIDER_USER').some((entry) => entry.kind === 'link' && entry.page.path === '/beheer/gebruikers')).toBe(false);
    expect(homePathForRole('PROVIDER_USER')).toBe('/mijn-percelen');
  });

  it('shows a provider only its own lots, never the clients', () => {
    const labels = pagesForRole('PROVIDER_USER').map((page) => page.labelKey);
    expect(labels[0]).toBe('nav.providerLots');
    expect(labels).not.toContain('nav.clients');
    expect(labels).not.toContain('nav.regionLots');
    expect(canOpen('PROVIDER_USER', '/inburgeraars')).toBe(false);
  });

  it('returns to the requested page after login only when the role may open it', () => {
    expect(pathAfterLogin('CONSULTANT', '/inburgeraars?zoek=Ali&vanaf=50')).toBe('/inburgeraars?zoek=Ali&vanaf=50');
    expect(pathAfterLogin('CONSULTANT', '/percelen')).toBe('/inburgeraars');
    expect(pathAfterLogin('ADMIN', undefined)).toBe('/beheer/organisaties');
  });

  it('gives the projectleider capacity, lots, contracts, the review queue, the region setup, invoicing per contract and the figures; the form pages stay out of the menu', () => {
    const menu = pagesForRole('PROJECTLEIDER').filter((page) => !page.hidden).map((page) => page.labelKey);
    expect(menu).toEqual(['procurementNav.capacity', 'procurementNav.lots', 'procurementNav.contracts', 'procurementNav.review', 'procurementNav.regionSetup', 'invoicesNav.region', 'figuresNav.dashboard']);
    expect(pagesForRole('ADMIN').some((page) => page.labelKey === 'procurementNav.regionSetup')).toBe(true);
    expect(canOpen('CONSULTANT', '/regio-inrichting')).toBe(false);
    expect(canOpen('PROJECTLEIDER', '/percelen/nieuw')).toBe(true);
    expect(canOpen('PROJECTLEIDER', '/contract/wijzigen?id=1')).toBe(true);
    expect(canOpen('PROVIDER_USER', '/contract/wijzigen?id=1')).toBe(false);
  });

  it('lets a consultant see the capacity of its lots, and a provider its contracts, start moments and quality requirements', () => {
    expect(canOpen('CONSULTANT', '/capaciteit')).toBe(true);
    expect(canOpen('CONSULTANT', '/percelen')).toBe(false);
    const provider = pagesForRole('PROVIDER_USER').map((page) => page.labelKey);
    expect(provider).toEqual(expect.arrayContaining(['procurementNav.myContracts', 'procurementNav.startMoments', 'procurementNav.quality']));
    expect(canOpen('PROVIDER_USER', '/kwaliteit/beoordelen')).toBe(false);
  });

  it('groups a provider\'s long menu, its lots first, and keeps a short menu flat', () => {
    const shape = (entries: MenuEntry[]) => entries.map((e) => (e.kind === 'link' ? e.page.labelKey : `${e.key}: ${e.pages.map((p) => p.labelKey).join(', ')}`));
    expect(shape(menuForRole('PROVIDER_USER'))).toEqual([
      'contracts: nav.providerLots, procurementNav.myContracts, procurementNav.startMoments, procurementNav.quality',
      'hours: hoursNav.grid, hoursNav.import, hoursNav.months, presenceNav.groups',
      'clients: hoursNav.signals, placementNav.inbox, placementNav.placed, mapParts.nav',
      'money: invoicesNav.provider, figuresNav.dashboard',
    ]);
    expect(menuForRole('CONSULTANT')[0]).toMatchObject({ kind: 'group', key: 'clients' });
    const paths = (pages: { path: string }[]) => pages.map((p) => p.path).sort();
    expect(paths(menuForRole('CONSULTANT').flatMap((e) => (e.kind === 'link' ? [e.page] : e.pages)))).toEqual(paths(pagesForRole('CONSULTANT').filter((p) => !p.hidden)));
    expect(pagesForRole('PROJECTLEIDER').filter((p) => !p.hidden).length).toBeLessThanOrEqual(FLAT_MENU_MAX);
    expect(menuForRole('PROJECTLEIDER').every((e) => e.kind === 'link')).toBe(true);
  });
});
