import {
  MunicipalityBudgetsDocument, RouteDemandDocument, SetMunicipalityBudgetDocument, SetRouteEstimateDocument, type MunicipalityBudgetItemFragment,
} from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatPercentNl } from '@inburgering/domain';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../auth/session-context';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import { parseEuroToCents } from '../procurement/form/money';
import { moneyText } from './figure-rows';
import { ESTIMATE_ROUTE_LABELS, pointsText, routeDemandChartData, routeDemandSummary, type RouteDemandRow } from './planning-rows';

const RouteDemandChart = lazy(() => import('./RouteDemandChart'));

type Budget = MunicipalityBudgetItemFragment;

/** Budgets per municipality (projectleider and consultant) and the route estimate against demand (projectleider). */
export function PlanningSections({ user }: { user: CurrentUser }) {
  return (
    <>
      <BudgetSection />
      {user.role === 'PROJECTLEIDER' && <RouteEstimateSection />}
    </>
  );
}

function BudgetSection() {
  const { t } = useTranslation();
  const thisYear = Number(calendarDateInAmsterdam(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading, refetch } = useGraphqlQuery(MunicipalityBudgetsDocument, { year });
  const columns = useMemo((): DataTableColumn<Budget>[] => [
    { id: 'municipality', header: t('planning.municipality'), text: (b) => b.municipalityName },
    { id: 'budget', header: t('planning.budget'), text: (b) => (b.amountCents === null ? t('planning.notSet') : moneyText(b.amountCents)), sortValue: (b) => b.amountCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'realised', header: t('planning.realised'), text: (b) => moneyText(b.spend.realisedCents), sortValue: (b) => b.spend.realisedCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'committed', header: t('planning.committed'), text: (b) => moneyText(b.spend.committedCents), sortValue: (b) => b.spend.committedCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'used', header: t('planning.used'), text: (b) => (b.spend.ceilingUsedPercent === null ? '–' : formatPercentNl(b.spend.ceilingUsedPercent)), sortValue: (b) => b.spend.ceilingUsedPercent, numeric: true },
    { id: 'forecast', header: t('planning.forecast'), text: (b) => moneyText(b.spend.forecastAtEndCents), sortValue: (b) => b.spend.forecastAtEndCents, numeric: true, xlsx: 'EURO_CENTS' },
  ], [t]);
  return (
    <section aria-labelledby="planning-budget-title" className="portal-figures">
      <Heading2 id="planning-budget-title">{t('planning.budgetTitle')}</Heading2>
      <Paragraph>{t('planning.budgetIntro')}</Paragraph>
      <SelectField id="planning-year" label={t('planning.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))} />
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <>
          <DataTable caption={t('planning.budgetCaption', { year })} columns={columns} rows={data.municipalityBudgets} rowKey={(b) => b.municipalityId}
            rowHeader="municipality" exportFileName={`budget-${year}`} emptyMessage={t('figures.empty')} />
          <BudgetForm year={year} budgets={data.municipalityBudgets} onSaved={refetch} />
        </>
      )}
    </section>
  );
}

function BudgetForm({ year, budgets, onSaved }: { year: number; budgets: readonly Budget[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [municipalityId, setMunicipalityId] = useState(budgets.length === 1 ? budgets[0].municipalityId : '');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const amountCents = parseEuroToCents(amount);
    const local: [string, string][] = [];
    if (!municipalityId) local.push(['municipalityId', t('planning.chooseMunicipality')]);
    if (amountCents === null) local.push(['amountCents', t('planning.amountInvalid')]);
    if (local.length > 0 || amountCents === null) return setErrors(localErrors('budget', local));
    setBusy(true);
    try {
      const { setMunicipalityBudget } = await graphqlRequest(SetMunicipalityBudgetDocument, { input: { municipalityId, year, amountCents } });
      setErrors(NO_ERRORS);
      setAmount('');
      setSaved(t('planning.budgetSaved', { municipality: setMunicipalityBudget.municipalityName, year }));
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'budget', ['municipalityId', 'amountCents']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="portal-form" onSubmit={submit} noValidate aria-labelledby="planning-budget-form-title">
      <Heading3 id="planning-budget-form-title">{t('planning.setBudget')}</Heading3>
      <ErrorSummary errors={errors.summary} />
      <SelectField id="budget-municipalityId" label={t('planning.municipality')} value={municipalityId} onChange={(e) => setMunicipalityId(e.target.value)}
        errorMessage={errors.byField.municipalityId}
        options={[...(budgets.length === 1 ? [] : [{ value: '', label: t('registerClient.choose') }]), ...budgets.map((b) => ({ value: b.municipalityId, label: b.municipalityName }))]} />
      <TextField id="budget-amountCents" label={t('planning.amount')} description={t('planning.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)}
        errorMessage={errors.byField.amountCents} inputMode="decimal" autoComplete="off" />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('planning.saving') : t('planning.save')}</Button>
      <Paragraph role="status">{saved ?? ''}</Paragraph>
    </form>
  );
}

function RouteEstimateSection() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(RouteDemandDocument, {});
  const columns = useMemo((): DataTableColumn<RouteDemandRow>[] => [
    { id: 'route', header: t('planning.route'), text: (r) => ESTIMATE_ROUTE_LABELS[r.route] },
    { id: 'estimated', header: t('planning.estimated'), text: (r) => (r.estimatedPercent === null ? '–' : `${r.estimatedPercent}%`), sortValue: (r) => r.estimatedPercent, numeric: true },
    { id: 'expected', header: t('planning.expected'), text: (r) => (r.expectedClients === null ? '–' : String(r.expectedClients)), sortValue: (r) => r.expectedClients, numeric: true },
    { id: 'actualClients', header: t('planning.actualClients'), text: (r) => String(r.actualClients), sortValue: (r) => r.actualClients, numeric: true },
    { id: 'actual', header: t('planning.actual'), text: (r) => (r.actualPercent === null ? '–' : formatPercentNl(r.actualPercent)), sortValue: (r) => r.actualPercent, numeric: true },
    { id: 'difference', header: t('planning.difference'), text: (r) => pointsText(r.differencePoints), sortValue: (r) => r.differencePoints, numeric: true },
  ], [t]);
  return (
    <section aria-labelledby="planning-estimate-title" className="portal-figures">
      <Heading2 id="planning-estimate-title">{t('planning.estimateTitle')}</Heading2>
      <Paragraph>{t('planning.estimateIntro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <>
          <Paragraph className="portal-figures__summary" data-testid="route-demand-summary">{routeDemandSummary(data.routeDemand)}</Paragraph>
          <Suspense fallback={<Paragraph>{t('planning.chartLoading')}</Paragraph>}>
            <RouteDemandChart data={routeDemandChartData(data.routeDemand)} labels={{ estimated: t('planning.estimated'), actual: t('planning.actual') }} />
          </Suspense>
          <DataTable caption={t('planning.estimateCaption')} columns={columns} rows={data.routeDemand.rows} rowKey={(r) => r.route} rowHeader="route"
            exportFileName="routeschatting" emptyMessage={t('figures.empty')} />
          <EstimateForm estimate={data.routeDemand.estimate} onSaved={refetch} />
        </>
      )}
    </section>
  );
}

const PERCENT_FIELDS = ['b1Percent', 'zPercent', 'onderwijsPercent'] as const;
type PercentField = (typeof PERCENT_FIELDS)[number];

function EstimateForm({ estimate, onSaved }: { estimate: Record<PercentField, number> | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<PercentField, string>>(() => ({
    b1Percent: estimate ? String(estimate.b1Percent) : '', zPercent: estimate ? String(estimate.zPercent) : '', onderwijsPercent: estimate ? String(estimate.onderwijsPercent) : '',
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const parsed = (value: string) => (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 100 ? Number(value) : null);
  const sum = PERCENT_FIELDS.reduce((total, field) => total + (parsed(values[field]) ?? 0), 0);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    // Whole percentages are checked here; that they add up to 100 the API says (in the same summary, linked to the field).
    const invalid: [string, string][] = PERCENT_FIELDS.filter((f) => parsed(values[f]) === null).map((f) => [f, t('planning.percentInvalid')]);
    if (invalid.length > 0) return setErrors(localErrors('estimate', invalid));
    setBusy(true);
    try {
      await graphqlRequest(SetRouteEstimateDocument, { input: { b1Percent: Number(values.b1Percent), zPercent: Number(values.zPercent), onderwijsPercent: Number(values.onderwijsPercent) } });
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'estimate', PERCENT_FIELDS));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="portal-form" onSubmit={submit} noValidate aria-labelledby="planning-estimate-form-title">
      <Heading3 id="planning-estimate-form-title">{t('planning.editEstimate')}</Heading3>
      <ErrorSummary errors={errors.summary} />
      {PERCENT_FIELDS.map((field) => (
        <TextField key={field} id={`estimate-${field}`} label={t(`planning.${field}`)} value={values[field]} inputMode="numeric" autoComplete="off"
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} errorMessage={errors.byField[field]} />
      ))}
      <Paragraph aria-live="polite">{t('planning.sum', { sum })}</Paragraph>
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('planning.saving') : t('planning.save')}</Button>
      <Paragraph role="status">{saved ? t('planning.estimateSaved') : ''}</Paragraph>
    </form>
  );
}
