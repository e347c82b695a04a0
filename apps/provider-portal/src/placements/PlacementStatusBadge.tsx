import type { ActivePlacementStatus, PlacementStatus } from '@inburgering/contracts';
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

const BADGE: Record<PlacementStatus | ActivePlacementStatus, 'safe' | 'warning' | 'danger' | 'neutral' | 'success'> = {
  NONE: 'neutral',
  WAITING: 'warning',
  REQUESTED: 'warning',
  ACCEPTED: 'success',
  STARTED: 'safe',
  ENDED: 'neutral',
  REJECTED: 'danger',
  WITHDRAWN: 'neutral',
};

export function PlacementStatusBadge({ status }: { status: PlacementStatus | ActivePlacementStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={BADGE[status]}>{t(`placementStatus.${status}`)}</StatusBadge>;
}
