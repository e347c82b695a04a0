import type { ClientDetailQuery } from '@inburgering/contracts';
import { ROUTES, formatDateNl, routeLabel, type Route } from '@inburgering/domain';
import { Heading2 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

type HistoryEntry = ClientDetailQuery['client']['history'][number];

const isRoute = (value: string | null): value is Route => (ROUTES as readonly (string | null)[]).includes(value);
const routeName = (value: string | null) => (isRoute(value) ? routeLabel(value) : (value ?? ''));

/** Route switches (with their written reason) and moves, newest first. */
export function ClientHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <Heading2 id="history-heading">{t('clientPage.history')}</Heading2>
      <ul data-testid="client-history">
        {history.map((h) => (
          <li key={h.id}>
            {h.kind === 'ROUTE_SWITCH'
              ? t('clientPage.historyRouteSwitch', { date: formatDateNl(h.effectiveOn), from: routeName(h.fromValue), to: routeName(h.toValue), reason: h.reason ?? '' })
              : t('clientPage.historyMoved', { date: formatDateNl(h.effectiveOn), from: h.fromValue ?? '', to: h.toValue ?? '' })}
          </li>
        ))}
      </ul>
    </section>
  );
}
