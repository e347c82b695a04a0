import type { ContractFieldsFragment } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import type { TFunction } from 'i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { DataTableColumn } from '../../components/data-table/DataTable';
import { formatOptionalEuroCents } from '../format';
import { contractPath } from '../procurement-pages';

export type ContractsVariant = 'region' | 'provider';

/** The contracts table; the region also sees the provider, a provider only its own contracts. */
export function contractColumns(t: TFunction, variant: ContractsVariant): DataTableColumn<ContractFieldsFragment>[] {
  const columns: (DataTableColumn<ContractFieldsFragment> | false)[] = [
    {
      id: 'lot', header: t('procurement.contracts.lot'), text: (c) => c.lotName,
      render: (c) => <RouterLink to={contractPath(c.id)} className="utrecht-link utrecht-link--html-a">{c.lotName}</RouterLink>,
    },
    variant === 'region' && { id: 'provider', header: t('procurement.contracts.provider'), text: (c) => c.providerName },
    { id: 'subject', header: t('procurement.contracts.subject'), text: (c) => c.subjectLabel },
    { id: 'status', header: t('procurement.contracts.status'), text: (c) => c.statusLabel },
    {
      id: 'period', header: t('procurement.contracts.period'), sortValue: (c) => c.startDate,
      text: (c) => `${formatDateNl(c.startDate)} ${t('lots.until')} ${formatDateNl(c.endDate)}`,
    },
    { id: 'ceiling', header: t('procurement.contracts.ceiling'), text: (c) => formatOptionalEuroCents(c.ceilingCents), sortValue: (c) => c.ceilingCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'price', header: t('procurement.contracts.priceModel'), text: (c) => c.priceModel?.label ?? '–' },
  ];
  return columns.filter((column): column is DataTableColumn<ContractFieldsFragment> => column !== false);
}
