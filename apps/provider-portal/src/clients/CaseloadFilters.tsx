import { ACTIVE_PLACEMENT_STATUSES } from '@inburgering/domain';
import type { ActivePlacementStatus, CaseloadSort, DeadlineStatus } from '@inburgering/contracts';
import { Button } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/form-fields';

/** The deadline filters the caseload offers, with the i18n key of each option's label. */
const DEADLINE_FILTER_LABELS = { OVERDUE: 'caseload.deadlineOverdue', DUE_SOON: 'caseload.deadlineDueSoon' } as const satisfies Partial<Record<DeadlineStatus, string>>;
export const DEADLINE_FILTERS = Object.keys(DEADLINE_FILTER_LABELS) as readonly (keyof typeof DEADLINE_FILTER_LABELS)[];

export interface CaseloadFilter {
  deadlineStatus: DeadlineStatus | '';
  placementStatus: ActivePlacementStatus | '';
  sort: CaseloadSort;
  /** A shared service's consultant: only the clients of this municipality ('' = all its municipalities). */
  municipalityId?: string;
}

export const PLACEMENT_FILTERS: readonly ActivePlacementStatus[] = ['NONE', ...ACTIVE_PLACEMENT_STATUSES] as ActivePlacementStatus[];

/** Filter the caseload on deadline and placement status, and sort by urgency; applied on submit. */
export function CaseloadFilters({ filter, onChange, municipalities = [] }: {
  filter: CaseloadFilter;
  onChange: (filter: CaseloadFilter) => void;
  /** The municipalities a shared service works for; empty for a municipality's own consultant (no municipality filter). */
  municipalities?: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(value);
  };
  return (
    <form className="portal-filters" aria-label={t('caseload.filters')} onSubmit={submit}>
      {municipalities.length > 0 && (
        <SelectField id="filter-municipality" label={t('sharedService.municipality')} value={value.municipalityId ?? ''}
          onChange={(e) => setValue({ ...value, municipalityId: e.target.value })}
          options={[{ value: '', label: t('sharedService.allMunicipalities') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]} />
      )}
      <SelectField id="filter-deadline" label={t('caseload.deadlineStatus')} value={value.deadlineStatus}
        onChange={(e) => setValue({ ...value, deadlineStatus: e.target.value as CaseloadFilter['deadlineStatus'] })}
        options={[{ value: '', label: t('caseload.deadlineAny') }, ...DEADLINE_FILTERS.map((s) => ({ value: s, label: t(DEADLINE_FILTER_LABELS[s]) }))]} />
      <SelectField id="filter-placement" label={t('caseload.placementStatus')} value={value.placementStatus}
        onChange={(e) => setValue({ ...value, placementStatus: e.target.value as CaseloadFilter['placementStatus'] })}
        options={[{ value: '', label: t('caseload.placementAny') }, ...PLACEMENT_FILTERS.map((s) => ({ value: s, label: t(`placementStatus.${s}`) }))]} />
      <SelectField id="filter-sort" label={t('caseload.sort')} value={value.sort} onChange={(e) => setValue({ ...value, sort: e.target.value as CaseloadSort })}
        options={[{ value: 'NAME', label: t('caseload.sortName') }, { value: 'URGENCY', label: t('caseload.sortUrgency') }]} />
      <Button appearance="secondary-action-button" type="submit">{t('caseload.apply')}</Button>
    </form>
  );
}
