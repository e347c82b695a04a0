import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { PROCUREMENT_PATHS } from '../procurement-pages';
import type { LotCreatedState } from './CreateLotPage';

/** Above the region's lots table: the confirmation of a lot just created, and the way to create one. */
export function RegionLotsActions() {
  const { t } = useTranslation();
  const state = useLocation().state as LotCreatedState | null;
  return (
    <>
      {state?.createdLot && (
        <Alert type="ok">
          <Paragraph role="status">{t('procurement.lotForm.created', { name: state.createdLot })}</Paragraph>
        </Alert>
      )}
      <Paragraph className="portal-page-actions">
        <RouterLink to={PROCUREMENT_PATHS.newLot} className="utrecht-button-link utrecht-button-link--primary-action">{t('procurement.lotForm.newLot')}</RouterLink>
      </Paragraph>
    </>
  );
}
