import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { daysSince, formatMomentDateNl } from '../format';
import type { WaitingSummary } from './capacity-summary';

/** The first thing on the page: who waits for a seat, where, and the longest waiting time; visible from the first day. */
export function WaitingAlert({ summary }: { summary: WaitingSummary }) {
  const { t } = useTranslation();
  if (summary.waiting === 0) {
    return (
      <Alert type="info" className="portal-waiting-alert">
        <Paragraph>{t('procurement.capacity.nobodyWaiting')}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="warning" className="portal-waiting-alert">
      <Paragraph>
        <strong>{t('procurement.capacity.waitingTotal', { count: summary.waiting })}</strong>{' '}
        {summary.longestSince && <WaitingSince since={summary.longestSince} />}
      </Paragraph>
      <UnorderedList>
        {summary.lots.map((lot) => (
          <UnorderedListItem key={lot.lotId}>
            {t('procurement.capacity.waitingAtLot', { lot: lot.lotName, count: lot.waiting, free: String(lot.free) })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

export function WaitingSince({ since }: { since: string }) {
  const { t } = useTranslation();
  const days = daysSince(since);
  return (
    <>
      {t('procurement.capacity.longestSince', { date: formatMomentDateNl(since) })}{' '}
      ({days === 0 ? t('procurement.capacity.sinceToday') : t('procurement.capacity.days', { count: days })})
    </>
  );
}
