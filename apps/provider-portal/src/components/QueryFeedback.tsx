import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { refusedInputMessage, type GraphqlRequestError } from '../graphql/graphql-error';

interface QueryFeedbackProps {
  loading: boolean;
  error: GraphqlRequestError | null;
  hasData: boolean;
  onRetry: () => void;
}

/**
 * Loading text on the first load, and the API's Dutch error message with a retry button. Input the API refused (mostly
 * an edited link: an id that is no id) shows what was wrong with it: a page has no fields to mark, and retrying the same
 * input cannot help.
 */
export function QueryFeedback({ loading, error, hasData, onRetry }: QueryFeedbackProps) {
  const { t } = useTranslation();
  if (error && error.code !== 'UNAUTHENTICATED') {
    const refused = refusedInputMessage(error);
    return (
      <Alert type="error">
        <Paragraph>
          <strong>{t('errors.loadFailed')}</strong> {refused ?? error.message}
        </Paragraph>
        {refused === null && (
          <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Alert>
    );
  }
  if (loading && !hasData) {
    return (
      <Paragraph role="status" className="portal-muted">
        {t('app.loading')}
      </Paragraph>
    );
  }
  return null;
}
