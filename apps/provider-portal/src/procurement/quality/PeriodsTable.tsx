import { formatDateNl } from '@inburgering/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/data-table/DataTable';
import { formatMomentNl } from '../format';
import { DocumentLink } from './DocumentLink';
import { PeriodStatusBadge } from './PeriodStatusBadge';
import { periodsByDueDate, type EvidencePeriod, type Requirement } from './requirement-status';

/** Every period of a requirement with its status, the latest evidence and the region's review (the reason of a rejection). */
export function PeriodsTable({ requirement }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const columns = useMemo((): DataTableColumn<EvidencePeriod>[] => [
    { id: 'dueOn', header: t('procurement.evidence.dueOn'), text: (p) => formatDateNl(p.dueOn), sortValue: (p) => p.dueOn },
    { id: 'status', header: t('procurement.evidence.status'), text: (p) => p.statusLabel, render: (p) => <PeriodStatusBadge status={p.status} label={p.statusLabel} /> },
    { id: 'value', header: t('procurement.evidence.value'), text: (p) => p.evidence[0]?.value ?? '' },
    { id: 'comment', header: t('procurement.evidence.comment'), text: (p) => p.evidence[0]?.comment ?? '' },
    {
      id: 'document', header: t('procurement.evidence.document'), sortable: false, text: (p) => p.evidence[0]?.document?.filename ?? '',
      render: (p) => (p.evidence[0]?.document ? <DocumentLink document={p.evidence[0].document} /> : ''),
    },
    {
      id: 'submittedAt', header: t('procurement.evidence.submittedAt'), text: (p) => (p.evidence[0] ? formatMomentNl(p.evidence[0].submittedAt) : ''),
      sortValue: (p) => p.evidence[0]?.submittedAt,
    },
    { id: 'reason', header: t('procurement.evidence.reviewReason'), sortable: false, text: (p) => p.evidence[0]?.reviewReason ?? '' },
  ], [t]);
  return (
    <DataTable caption={t('procurement.evidence.periodsCaption')} columns={columns} rows={periodsByDueDate(requirement)} rowKey={(p) => p.dueOn}
      rowHeader="dueOn" emptyMessage={t('procurement.evidence.noPeriods')} stacksOnPhone />
  );
}
