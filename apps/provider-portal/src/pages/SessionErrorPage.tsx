import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

/** Shown when even the session check failed (API down): the message and a way to try again. */
export function SessionErrorPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('app.name')}</PageHeading>
      <Alert type="error">
        <Paragraph>{message}</Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      </Alert>
    </>
  );
}
