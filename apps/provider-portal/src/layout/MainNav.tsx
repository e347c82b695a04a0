import type { Role } from '@inburgering/contracts';
import { NavBar, NavList } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { menuForRole, type NavGroupKey, type PortalPage } from './navigation';

function PageLink({ page }: { page: PortalPage }) {
  const { t } = useTranslation();
  return (
    // `end`: "Uren" is not also current on "Uren importeren" (/uren/import).
    <NavLink to={page.path} end className="utrecht-link utrecht-link--html-a utrecht-nav-list__link portal-nav__link">
      {t(page.labelKey)}
    </NavLink>
  );
}

/**
 * The role's menu; NavLink marks the current page with aria-current="page". A long menu is grouped as a disclosure
 * menu (a button per group with aria-expanded, its links beneath): Escape, a click elsewhere or leaving the menu
 * with Tab closes the group, and going to a page closes it too.
 */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState<NavGroupKey | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const entries = menuForRole(role);
  const grouped = entries.some((entry) => entry.kind === 'group');

  useEffect(() => setOpen(null), [pathname]);
  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: MouseEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, key: NavGroupKey) {
    if (event.key !== 'Escape' || open !== key) return;
    setOpen(null);
    document.getElementById(`portal-nav-toggle-${key}`)?.focus();
  }

  return (
    <NavBar aria-label={t('nav.label')} className={`portal-nav${grouped ? ' portal-nav--grouped' : ''}`} ref={navRef}
      onBlur={(event) => {
        if (!navRef.current?.contains(event.relatedTarget as Node | null)) setOpen(null);
      }}>
      <NavList>
        {entries.map((entry) => {
          if (entry.kind === 'link') {
            return <li key={entry.page.path} className="utrecht-nav-list__item"><PageLink page={entry.page} /></li>;
          }
          const current = entry.pages.some((page) => page.path === pathname);
          const expanded = open === entry.key;
          return (
            <li key={entry.key} className="utrecht-nav-list__item portal-nav__group" onKeyDown={(event) => onKeyDown(event, entry.key)}>
              <button type="button" id={`portal-nav-toggle-${entry.key}`} aria-expanded={expanded} aria-controls={`portal-nav-group-${entry.key}`}
                className={`portal-nav__toggle${current ? ' portal-nav__toggle--current' : ''}`} onClick={() => setOpen(expanded ? null : entry.key)}>
                {t(`nav.groups.${entry.key}`)}
              </button>
              <ul id={`portal-nav-group-${entry.key}`} className="portal-nav__submenu" hidden={!expanded}>
                {entry.pages.map((page) => <li key={page.path}><PageLink page={page} /></li>)}
              </ul>
            </li>
          );
        })}
      </NavList>
    </NavBar>
  );
}
