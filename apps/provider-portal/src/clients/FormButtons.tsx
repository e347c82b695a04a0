import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Submit and cancel of an action form. */
export function FormButtons({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('clientActions.saving') : submitLabel}</Button>
      <Button appearance="secondary-action-button" type="button" onClick={onCancel}>{t('clientActions.cancel')}</Button>
    </ButtonGroup>
  );
}
