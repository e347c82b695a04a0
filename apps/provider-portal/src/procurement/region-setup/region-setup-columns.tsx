import type { RegionSetupQuery } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { StatusBadge } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from '../../components/data-table/DataTable';
import { KEURMERK_BADGE, municipalityName, type SetupProvider } from './region-setup-form';

type Setup = RegionSetupQuery['regionSetup'];
export type SetupMunicipality = Setup['municipalities'][number];
export type SetupSubRegion = Setup['subRegions'][number];

export function municipalityColumns(t: TFunction): DataTableColumn<SetupMunicipality>[] {
  return [
    { id: 'name', header: t('procurement.regionSetup.municipality'), text: (row) => municipalityName(row.name) },
    { id: 'cbsCode', header: t('procurement.regionSetup.cbsCode'), text: (row) => row.cbsCode ?? '–' },
  ];
}

export function subRegionColumns(t: TFunction): DataTableColumn<SetupSubRegion>[] {
  return [
    { id: 'name', header: t('procurement.regionSetup.subRegion'), text: (row) => row.name },
    {
      id: 'municipalities',
      header: t('procurement.regionSetup.municipalities'),
      text: (row) => row.municipalities.map((m) => municipalityName(m.name)).sort((a, b) => a.localeCompare(b, 'nl')).join(', '),
      sortable: false,
    },
  ];
}

/** Providers with kind, KvK, keurmerk (number, valid until and a status badge), DUO number and taalschakel. */
export function providerColumns(t: TFunction): DataTableColumn<SetupProvider>[] {
  const statusText = (row: SetupProvider) => t(`procurement.regionSetup.keurmerkStatus.${row.keurmerkStatus}`);
  return [
    { id: 'name', header: t('procurement.regionSetup.provider'), text: (row) => row.name },
    { id: 'kind', header: t('procurement.regionSetup.kind'), text: (row) => (row.providerKind ? t(`procurement.regionSetup.kinds.${row.providerKind}`) : '–') },
    { id: 'kvkNumber', header: t('procurement.regionSetup.kvkNumber'), text: (row) => row.kvkNumber ?? '–' },
    { id: 'keurmerkNumber', header: t('procurement.regionSetup.keurmerkNumber'), text: (row) => row.keurmerkNumber ?? '–' },
    {
      id: 'keurmerkValidUntil',
      header: t('procurement.regionSetup.keurmerkValidUntil'),
      text: (row) => (row.keurmerkValidUntil ? formatDateNl(row.keurmerkValidUntil) : '–'),
      sortValue: (row) => row.keurmerkValidUntil ?? undefined,
      render: (row) => (row.keurmerkValidUntil ? <time dateTime={row.keurmerkValidUntil}>{formatDateNl(row.keurmerkValidUntil)}</time> : '–'),
    },
    {
      id: 'keurmerkStatus',
      header: t('procurement.regionSetup.keurmerkStatusColumn'),
      text: statusText,
      render: (row) => <StatusBadge status={KEURMERK_BADGE[row.keurmerkStatus]}>{statusText(row)}</StatusBadge>,
    },
    { id: 'duo', header: t('procurement.regionSetup.duoInstitutionNumber'), text: (row) => row.duoInstitutionNumber ?? '–' },
    {
      id: 'taalschakel',
      header: t('procurement.regionSetup.taalschakel'),
      text: (row) => (row.isTaalschakelInstitution ? t('procurement.regionSetup.yes') : t('procurement.regionSetup.no')),
    },
  ];
}
