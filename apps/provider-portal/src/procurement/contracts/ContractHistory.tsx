import type { ContractQuery } from '@inburgering/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/data-table/DataTable';
import { formatMomentNl } from '../format';

type Version = ContractQuery['contract']['history'][number];
type Change = Version['changes'][number];

const changeText = (change: Change) => `${change.label}: ${change.from ?? '–'} → ${change.to ?? '–'}`;

/** Who changed what and when, and why: every version of the contract, newest first. */
export function ContractHistory({ history }: { history: readonly Version[] }) {
  const { t } = useTranslation();
  const columns = useMemo((): DataTableColumn<Version>[] => [
    { id: 'version', header: t('procurement.contract.version'), text: (v) => String(v.version), sortValue: (v) => v.version, numeric: true },
    { id: 'changedAt', header: t('procurement.contract.changedAt'), text: (v) => formatMomentNl(v.changedAt), sortValue: (v) => v.changedAt },
    { id: 'changedBy', header: t('procurement.contract.changedBy'), text: (v) => v.changedBy ?? t('procurement.contract.system') },
    {
      id: 'changes', header: t('procurement.contract.changes'), sortable: false, text: (v) => v.changes.map(changeText).join('; '),
      render: (v) => (
        <ul className="portal-plain-list">
          {v.changes.map((change) => <li key={change.field}>{changeText(change)}</li>)}
        </ul>
      ),
    },
    { id: 'reason', header: t('procurement.contract.reason'), text: (v) => v.reason ?? '' },
  ], [t]);
  return (
    <DataTable stacksOnPhone caption={t('procurement.contract.historyCaption')} columns={columns} rows={history} rowKey={(v) => String(v.version)}
      exportFileName={t('procurement.contract.historyExport')} emptyMessage={t('procurement.contract.noHistory')} />
  );
}
