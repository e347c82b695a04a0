import { formatDateNl } from '@inburgering/domain';
import type { TFunction } from 'i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { DataTableColumn } from '../../components/data-table/DataTable';
import { submitEvidencePath } from '../procurement-pages';
import { PeriodStatusBadge } from './PeriodStatusBadge';
import type { RequirementSummary } from './requirement-status';

const dueText = (t: TFunction, requirement: RequirementSummary): string => {
  const period = requirement.overviewPeriod;
  return period ? t('procurement.quality.dueStatus', { status: period.statusLabel, date: formatDateNl(period.dueOn) }) : '–';
};

/** The latest review reason of the period shown, so "Afgekeurd" always comes with the why. */
const reviewReason = (requirement: RequirementSummary): string => requirement.overviewPeriod?.evidence[0]?.reviewReason ?? '';

/** Requirements with what is due and its status; for the provider each title links to its evidence page. */
export function requirementColumns(t: TFunction, linkToEvidence: boolean): DataTableColumn<RequirementSummary>[] {
  return [
    {
      id: 'title',
      header: t('procurement.quality.requirement'),
      text: (row) => row.title,
      render: linkToEvidence ? (row) => <RouterLink to={submitEvidencePath(row.id)} className="utrecht-link utrecht-link--html-a">{row.title}</RouterLink> : undefined,
    },
    { id: 'type', header: t('procurement.quality.type'), text: (row) => row.typeLabel },
    { id: 'lot', header: t('procurement.quality.lot'), text: (row) => row.lotName },
    { id: 'norm', header: t('procurement.quality.norm'), text: (row) => row.norm },
    { id: 'period', header: t('procurement.quality.period'), text: (row) => row.periodLabel },
    {
      id: 'due',
      header: t('procurement.quality.due'),
      text: (row) => dueText(t, row),
      sortValue: (row) => row.overviewPeriod?.dueOn,
      render: (row) => {
        const period = row.overviewPeriod;
        if (!period) return '–';
        return (
          <span className="portal-deadline">
            <time dateTime={period.dueOn}>{formatDateNl(period.dueOn)}</time>
            <PeriodStatusBadge status={period.status} label={period.statusLabel} />
          </span>
        );
      },
    },
    { id: 'reason', header: t('procurement.quality.reviewReason'), text: reviewReason, sortable: false },
  ];
}
