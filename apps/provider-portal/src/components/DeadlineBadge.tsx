import type { DeadlineStatus } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { badgeStatusFor, deadlineLabelKey } from './deadline-status';

export interface DeadlineValue {
  deadline: string;
  status: DeadlineStatus;
}

/** A deadline as 'd-M-yyyy' with its status badge (Op tijd, Binnenkort, Verlopen, Gehaald). */
export function DeadlineBadge({ value }: { value: DeadlineValue | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="portal-muted">{t('deadline.notStarted')}</span>;
  return (
    <span className="portal-deadline">
      <time dateTime={value.deadline}>{formatDateNl(value.deadline)}</time>
      <StatusBadge status={badgeStatusFor(value.status)}>{t(deadlineLabelKey(value.status))}</StatusBadge>
    </span>
  );
}
