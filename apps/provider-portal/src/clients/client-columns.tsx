import type { ClientsQuery } from '@inburgering/contracts';
import { formatDateNl, routeLabel, targetGroupLabel } from '@inburgering/domain';
import type { TFunction } from 'i18next';
import { Link as RouterLink } from 'react-router-dom';
import { setActingMunicipality } from '../auth/acting-municipality';
import type { DataTableColumn } from '../components/data-table/DataTable';
import { DeadlineBadge, type DeadlineValue } from '../components/DeadlineBadge';
import { deadlineLabelKey } from '../components/deadline-status';
import { clientPath } from '../placements/placement-pages';
import { PlacementStatusBadge } from '../placements/PlacementStatusBadge';

export type ClientRow = ClientsQuery['clients']['items'][number];

function deadlineText(t: TFunction, value: DeadlineValue | null): string {
  if (!value) return t('deadline.notStarted');
  return `${formatDateNl(value.deadline)} (${t(deadlineLabelKey(value.status))})`;
}

/**
 * Columns of the consultant's client list; deadlines show a date with a status badge. A shared service's consultant also
 * sees each client's municipality (`municipalityNames`), and opening a client makes the portal work for its municipality.
 */
export function clientColumns(t: TFunction, municipalityNames?: ReadonlyMap<string, string>): DataTableColumn<ClientRow>[] {
  const none = t('clients.none');
  const municipality: DataTableColumn<ClientRow>[] = municipalityNames
    ? [{ id: 'municipality', header: t('sharedService.municipality'), text: (c) => municipalityNames.get(c.municipalityId) ?? '' }]
    : [];
  return [
    {
      id: 'clientNumber',
      header: t('clients.clientNumber'),
      text: (c) => String(c.clientNumber),
      sortValue: (c) => c.clientNumber,
      numeric: true,
    },
    {
      id: 'name',
      header: t('clients.name'),
      text: (c) => `${c.lastName}, ${c.firstName}`,
      render: (c) => (
        <RouterLink
          to={clientPath(c.id)}
          className="utrecht-link utrecht-link--html-a"
          onClick={municipalityNames ? () => setActingMunicipality(c.municipalityId) : undefined}
        >
          {`${c.lastName}, ${c.firstName}`}
        </RouterLink>
      ),
    },
    ...municipality,
    {
      id: 'dateOfBirth',
      header: t('clients.dateOfBirth'),
      text: (c) => formatDateNl(c.dateOfBirth),
      sortValue: (c) => c.dateOfBirth,
    },
    { id: 'targetGroup', header: t('clients.targetGroup'), text: (c) => targetGroupLabel(c.targetGroup) },
    { id: 'route', header: t('clients.route'), text: (c) => (c.route ? routeLabel(c.route) : none), sortValue: (c) => c.route && routeLabel(c.route) },
    { id: 'level', header: t('clients.level'), text: (c) => c.level ?? none, sortValue: (c) => c.level },
    { id: 'bsn', header: t('clients.bsn'), text: (c) => c.bsnMasked, sortable: false },
    {
      id: 'pipDeadline',
      header: t('clients.pipDeadline'),
      text: (c) => deadlineText(t, c.deadlines.pip),
      sortValue: (c) => c.deadlines.pip.deadline,
      render: (c) => <DeadlineBadge value={c.deadlines.pip} />,
    },
    {
      id: 'integrationTerm',
      header: t('clients.integrationTerm'),
      text: (c) => deadlineText(t, c.deadlines.integrationTerm),
      sortValue: (c) => c.deadlines.integrationTerm?.deadline,
      render: (c) => <DeadlineBadge value={c.deadlines.integrationTerm} />,
    },
    {
      id: 'placement',
      header: t('caseload.placement'),
      text: (c) => t(`placementStatus.${c.placementStatus}`),
      render: (c) => <PlacementStatusBadge status={c.placementStatus} />,
    },
    {
      id: 'nextDeadline',
      header: t('caseload.nextDeadline'),
      text: (c) => (c.deadlines.mostUrgent ? `${t(`deadlineKind.${c.deadlines.mostUrgent.kind}`)}: ${deadlineText(t, c.deadlines.mostUrgent)}` : t('caseload.noDeadline')),
      sortValue: (c) => c.deadlines.mostUrgent?.deadline,
      render: (c) =>
        c.deadlines.mostUrgent ? (
          <span className="portal-next-deadline">
            <span>{t(`deadlineKind.${c.deadlines.mostUrgent.kind}`)}:</span> <DeadlineBadge value={c.deadlines.mostUrgent} />
          </span>
        ) : (
          <span className="portal-muted">{t('caseload.noDeadline')}</span>
        ),
    },
  ];
}
