import type { Role } from '@inburgering/contracts';
import { NavBar, NavList } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { pagesForRole } from './navigation';

/** The role's menu; NavLink marks the current page with aria-current="page". */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <NavBar aria-label={t('nav.label')} className="portal-nav">
      <NavList>
        {pagesForRole(role).filter((page) => !page.hidden).map((page) => (
          <li key={page.path} className="utrecht-nav-list__item">
            {/* `end`: "Uren" is not also current on "Uren importeren" (/uren/import). */}
            <NavLink to={page.path} end className="utrecht-link utrecht-link--html-a utrecht-nav-list__link portal-nav__link">
              {t(page.labelKey)}
            </NavLink>
          </li>
        ))}
      </NavList>
    </NavBar>
  );
}
