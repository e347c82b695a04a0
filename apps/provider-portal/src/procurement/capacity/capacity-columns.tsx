import { formatDateNl, formatPercentNl } from '@inburgering/domain';
import { StatusBadge } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from '../../components/data-table/DataTable';
import { daysSince, formatMomentDateNl } from '../format';
import type { CapacityOverview } from './capacity-summary';

type LotRow = CapacityOverview['lots'][number];
type SubjectRow = CapacityOverview['subjects'][number];
type MomentRow = CapacityOverview['startMoments'][number];
type DemandRow = CapacityOverview['waitingByMunicipality'][number];

interface Counts {
  seats: number;
  taken: number;
  free: number;
  waiting: number;
}

const count = <Row,>(id: string, header: string, value: (row: Row) => number): DataTableColumn<Row> => ({
  id, header, text: (row) => String(value(row)), sortValue: value, numeric: true,
});

/** Seats, taken, free and waiting; a waiting count above 0 is a warning badge, so it stands out in the table. */
function countColumns<Row extends Counts>(t: TFunction): DataTableColumn<Row>[] {
  return [
    count<Row>('seats', t('procurement.capacity.seats'), (row) => row.seats),
    count<Row>('taken', t('procurement.capacity.taken'), (row) => row.taken),
    count<Row>('free', t('procurement.capacity.free'), (row) => row.free),
    {
      ...count<Row>('waiting', t('procurement.capacity.waiting'), (row) => row.waiting),
      render: (row) => (row.waiting > 0 ? <StatusBadge status="warning">{t('procurement.capacity.waitingBadge', { count: row.waiting })}</StatusBadge> : '0'),
    },
  ];
}

const waitingSinceText = (t: TFunction, since: string | null | undefined): string =>
  since ? `${formatMomentDateNl(since)} (${t('procurement.capacity.days', { count: daysSince(since) })})` : '–';

const occupancy = <Row extends { occupancyPercent?: number | null }>(t: TFunction): DataTableColumn<Row> => ({
  id: 'occupancy',
  header: t('procurement.capacity.occupancy'),
  text: (row) => (row.occupancyPercent === null || row.occupancyPercent === undefined ? '–' : formatPercentNl(row.occupancyPercent, 0)),
  sortValue: (row) => row.occupancyPercent,
  numeric: true,
});

export function lotCapacityColumns(t: TFunction): DataTableColumn<LotRow>[] {
  return [
    { id: 'lot', header: t('procurement.capacity.lot'), text: (row) => row.lotName },
    { id: 'subject', header: t('procurement.capacity.subject'), text: (row) => row.subjectLabel },
    ...countColumns<LotRow>(t),
    count<LotRow>('shortage', t('procurement.capacity.shortage'), (row) => row.shortage),
    occupancy<LotRow>(t),
    { id: 'since', header: t('procurement.capacity.waitingSince'), text: (row) => waitingSinceText(t, row.waitingSince), sortValue: (row) => row.waitingSince },
  ];
}

export function subjectCapacityColumns(t: TFunction): DataTableColumn<SubjectRow>[] {
  return [
    { id: 'subject', header: t('procurement.capacity.subject'), text: (row) => row.subjectLabel },
    ...countColumns<SubjectRow>(t),
    count<SubjectRow>('shortage', t('procurement.capacity.shortage'), (row) => row.shortage),
    occupancy<SubjectRow>(t),
  ];
}

export function startMomentCapacityColumns(t: TFunction): DataTableColumn<MomentRow>[] {
  return [
    { id: 'startsOn', header: t('procurement.capacity.startsOn'), text: (row) => formatDateNl(row.startsOn), sortValue: (row) => row.startsOn },
    { id: 'lot', header: t('procurement.capacity.lot'), text: (row) => row.lotName },
    { id: 'provider', header: t('procurement.capacity.provider'), text: (row) => row.providerName },
    { id: 'location', header: t('procurement.capacity.location'), text: (row) => row.location },
    { id: 'daypart', header: t('procurement.capacity.daypart'), text: (row) => row.daypartLabel },
    ...countColumns<MomentRow>(t),
  ];
}

export function demandColumns(t: TFunction, lotNames: ReadonlyMap<string, string>): DataTableColumn<DemandRow>[] {
  return [
    { id: 'municipality', header: t('procurement.capacity.municipality'), text: (row) => row.municipalityName.replace(/^Gemeente\s+/i, '') },
    { id: 'lot', header: t('procurement.capacity.lot'), text: (row) => lotNames.get(row.lotId) ?? '' },
    {
      ...count<DemandRow>('waiting', t('procurement.capacity.waiting'), (row) => row.waiting),
      render: (row) => <StatusBadge status="warning">{t('procurement.capacity.waitingBadge', { count: row.waiting })}</StatusBadge>,
    },
    { id: 'since', header: t('procurement.capacity.waitingSince'), text: (row) => waitingSinceText(t, row.waitingSince), sortValue: (row) => row.waitingSince },
  ];
}
