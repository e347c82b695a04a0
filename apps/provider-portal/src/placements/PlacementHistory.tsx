import type { PlacementDetailFragment } from '@inburgering/contracts';
import { allowedPlacementTransitions, formatDateNl, PLACEMENT_STATUSES, placementEndReasonLabel } from '@inburgering/domain';
import { Paragraph, TableContainer } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { PlacementStatusBadge } from './PlacementStatusBadge';

const WITHDRAWABLE = new Set(PLACEMENT_STATUSES.filter((status) => allowedPlacementTransitions(status).includes('WITHDRAWN')));

/** The client's placements, newest first, with the accepted start date and what happened; running requests can be withdrawn. */
export function PlacementHistory({ placements, onWithdraw }: { placements: readonly PlacementDetailFragment[]; onWithdraw: (p: PlacementDetailFragment) => Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (placements.length === 0) return <Paragraph>{t('clientPage.noPlacements')}</Paragraph>;
  const none = t('clientPage.none');
  return (
    <>
      {error && <Paragraph role="alert">{error}</Paragraph>}
      {/* On a phone the table scrolls in its own box (focusable, with a name of its own: the section is "Plaatsingen"). */}
      <TableContainer tabIndex={0} role="region" aria-label={t('clientPage.placementsTable')}>
        <table className="utrecht-table">
          <caption className="utrecht-table__caption">{t('clientPage.placements')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {['lot', 'provider', 'status', 'startDate', 'location', 'group'].map((key) => (
                <th key={key} scope="col" className="utrecht-table__header-cell">{t(`clientPage.${key as 'lot'}`)}</th>
              ))}
              <th scope="col" className="utrecht-table__header-cell"><span className="portal-visually-hidden">{t('clientPage.withdraw')}</span></th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {placements.map((p) => (
              <tr key={p.id} className="utrecht-table__row" data-testid="placement-row">
                <th scope="row" className="utrecht-table__header-cell">{p.kind === 'INSTROOMKLAS' ? t('instroomklas.lot') : p.lot?.name ?? t('requestPlacement.individualLot')}</th>
                <td className="utrecht-table__cell">{p.provider.name}</td>
                <td className="utrecht-table__cell">
                  <PlacementStatusBadge status={p.status} />
                  {p.queuePosition !== null && <div>{t('clientPage.queuePosition', { position: String(p.queuePosition) })}</div>}
                  {p.rejectionReason && <div>{t('clientPage.rejectionReason', { reason: p.rejectionReason })}</div>}
                  {p.endReason && <div>{t('clientPage.endReason', { reason: placementEndReasonLabel(p.endReason) })}</div>}
                </td>
                <td className="utrecht-table__cell" data-testid="placement-start-date">{p.startDate ? formatDateNl(p.startDate) : none}</td>
                <td className="utrecht-table__cell">{p.location ?? p.startMoment?.location ?? none}</td>
                <td className="utrecht-table__cell">{p.groupName ?? none}</td>
                <td className="utrecht-table__cell">
                  {WITHDRAWABLE.has(p.status) && (
                    <ConfirmButton question={t('clientPage.withdrawQuestion', { provider: p.provider.name })} confirmText={t('clientPage.withdrawConfirm')}
                      onConfirm={() => void onWithdraw(p).catch((err: unknown) => setError(err instanceof GraphqlRequestError ? err.message : String(err)))}>
                      {t('clientPage.withdraw')}
                    </ConfirmButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </>
  );
}
