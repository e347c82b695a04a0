import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { HomeLink } from '../components/HomeLink';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <HomeLink />
    </>
  );
}
