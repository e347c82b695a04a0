import { Heading1 } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The h1 of a page, which also sets the document title. It can take focus (tabIndex -1): after a route
 * change the app shell moves focus here, so screen readers announce the new page.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} - ${t('app.titleSuffix')}`;
  }, [children, t]);
  return (
    <Heading1 tabIndex={-1} className="portal-page-heading">
      {children}
    </Heading1>
  );
}
