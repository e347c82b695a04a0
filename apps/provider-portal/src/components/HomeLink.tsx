import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** "Naar de startpagina": the way on from a page that has nothing to show (not found, failed to render). */
export function HomeLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link to="/" className="utrecht-link utrecht-link--html-a">
        {t('notFound.home')}
      </Link>
    </Paragraph>
  );
}
