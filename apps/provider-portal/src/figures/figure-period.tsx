// The period selector of the figures ("Periode"): kept in the URL (?periode=2026-K3) so a link shares it.
import { calendarDateInAmsterdam, figurePeriodOfKey, figurePeriodOptions, formatDateNl } from '@inburgering/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { SelectField } from '../components/form-fields';

export const PERIOD_PARAM = 'periode';

/** The period of the URL, as the figures queries' variables (both null: the whole term). */
export function useFigurePeriod(): { key: string; variables: { periodFrom: string | null; periodTo: string | null }; setKey: (key: string) => void } {
  const [params, setParams] = useSearchParams();
  const asked = params.get(PERIOD_PARAM) ?? '';
  const period = figurePeriodOfKey(asked);
  const setKey = (key: string) => setParams((previous) => {
    const next = new URLSearchParams(previous);
    if (key) next.set(PERIOD_PARAM, key);
    else next.delete(PERIOD_PARAM);
    return next;
  }, { replace: true });
  return { key: period ? asked : '', variables: { periodFrom: period?.from ?? null, periodTo: period?.to ?? null }, setKey };
}

/** The options on `today`, with the URL's own period added when a shared link names an older one. */
export function periodSelectOptions(today: string, key: string): { value: string; label: string }[] {
  const options = figurePeriodOptions(today).map((o) => ({ value: o.key, label: o.label }));
  if (key && !options.some((o) => o.value === key)) options.push({ value: key, label: /^\d{4}$/.test(key) ? key : key.replace('-', ' ') });
  return options;
}

/** "Periode" with the whole term, this year and the recent quarters; a native select, so the keyboard works as everywhere. */
export function FigurePeriodField({ id }: { id: string }) {
  const { t } = useTranslation();
  const { key, variables, setKey } = useFigurePeriod();
  const today = calendarDateInAmsterdam(new Date());
  const description = variables.periodFrom && variables.periodTo
    ? t('figures.periodRange', { from: formatDateNl(variables.periodFrom), to: formatDateNl(variables.periodTo) })
    : t('figures.periodAll');
  return (
    <SelectField id={id} label={t('figures.period')} description={description} value={key} onChange={(e) => setKey(e.target.value)}
      options={periodSelectOptions(today, key)} />
  );
}
