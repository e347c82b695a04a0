import type { PlacementDetailFragment } from '@inburgering/contracts';
import { allowedPlacementTransitions, formatDateNl, PLACEMENT_STATUSES, placementEndReasonLabel } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { ScrollRegion } from '../components/data-table/ScrollRegion';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { PlacementStatusBadge } from './PlacementStatusBadge';

const COLUMNS = ['lot', 'provider', 'status', 'startDate', 'location', 'group'] as const;
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
      {/* On a phone each placement is a card of labelled lines, as in DataTable's stacksOnPhone (same classes and roles);
          the box is named of its own (the section is "Plaatsingen"). */}
      <div className="portal-data-table--stacks">
        <ScrollRegion label={t('clientPage.placementsTable')} stacks>
          <table className="utrecht-table" role="table">
            <caption className="utrecht-table__caption">{t('clientPage.placements')}</caption>
            <thead className="utrecht-table__header" role="rowgroup">
              <tr className="utrecht-table__row" role="row">
                {COLUMNS.map((key) => (
                  <th key={key} scope="col" className="utrecht-table__header-cell" role="columnheader">{t(`clientPage.${key}`)}</th>
                ))}
                <th scope="col" className="utrecht-table__header-cell" role="columnheader"><span className="portal-visually-hidden">{t('clientPage.withdraw')}</span></th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body" role="rowgroup">
              {placements.map((p) => (
                <tr key={p.id} className="utrecht-table__row" role="row" data-testid="placement-row">
                  <th scope="row" className="utrecht-table__header-cell" role="rowheader" data-label={t('clientPage.lot')}>
                    <span className="portal-data-table__value">{p.kind === 'INSTROOMKLAS' ? t('instroomklas.lot') : p.lot?.name ?? t('requestPlacement.individualLot')}</span>
                  </th>
                  <LabelledCell label={t('clientPage.provider')}>{p.provider.name}</LabelledCell>
                  <LabelledCell label={t('clientPage.status')}>
                    <PlacementStatusBadge status={p.status} />
                    {p.queuePosition !== null && <div>{t('clientPage.queuePosition', { position: String(p.queuePosition) })}</div>}
                    {p.rejectionReason && <div>{t('clientPage.rejectionReason', { reason: p.rejectionReason })}</div>}
                    {p.endReason && <div>{t('clientPage.endReason', { reason: placementEndReasonLabel(p.endReason) })}</div>}
                  </LabelledCell>
                  <LabelledCell label={t('clientPage.startDate')} testId="placement-start-date">{p.startDate ? formatDateNl(p.startDate) : none}</LabelledCell>
                  <LabelledCell label={t('clientPage.location')}>{p.location ?? p.startMoment?.location ?? none}</LabelledCell>
                  <LabelledCell label={t('clientPage.group')}>{p.groupName ?? none}</LabelledCell>
                  {/* The button names itself: no label beside it in the card. */}
                  <td className="utrecht-table__cell" role="cell">
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
        </ScrollRegion>
      </div>
    </>
  );
}

/** A cell with its column's name for the card's label on a phone, its content one grid item beside that label. */
function LabelledCell({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <td className="utrecht-table__cell" role="cell" data-label={label} data-testid={testId}>
      <div className="portal-data-table__value">{children}</div>
    </td>
  );
}
