import {
  RetentionOverviewDocument, RetentionRunsDocument, SaveRetentionPolicyDocument, type RetentionKind, type RetentionOverviewQuery, type RetentionRunsQuery,
} from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import { clientPath } from '../placements/placement-pages';

type Overview = RetentionOverviewQuery['retentionOverview'];
type Due = Overview['due'][number];
type Run = RetentionRunsQuery['retentionRunPage']['items'][number];
const RUN_PAGE_SIZE = 30;
const EXPORT_PAGE_SIZE = 200;
const YEAR_FIELDS = ['freeTextYears', 'duoExchangeYears', 'identityYears'] as const;
type YearField = (typeof YEAR_FIELDS)[number];

/** The municipality's retention periods, what the next nightly run removes, and what the earlier runs did (issue 14). */
export function RetentionPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(RetentionOverviewDocument, {});
  // The runs are paged (one a night: every one stays reachable); the page is in the address as `vanaf`.
  const [params, setParams] = useSearchParams();
  const runOffset = Math.max(0, Number.parseInt(params.get('vanaf') ?? '0', 10) || 0);
  const runs = useGraphqlQuery(RetentionRunsDocument, { limit: RUN_PAGE_SIZE, offset: runOffset });
  const exportAllRuns = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(RetentionRunsDocument, { limit, offset: from })).retentionRunPage, EXPORT_PAGE_SIZE),
    [],
  );
  const goToRuns = (next: number) => {
    const changed = new URLSearchParams(params);
    if (next > 0) changed.set('vanaf', String(next));
    else changed.delete('vanaf');
    setParams(changed);
  };
  const overview = data?.retentionOverview;
  const kindText = (kinds: readonly RetentionKind[]) => kinds.map((k) => t(`retention.kind.${k}`)).join(', ');
  const dueColumns: DataTableColumn<Due>[] = [
    { id: 'clientNumber', header: t('retention.clientNumber'), text: (d) => String(d.clientNumber), sortValue: (d) => d.clientNumber, sortable: true,
      render: (d) => <RouterLink to={clientPath(d.clientId)}>{d.clientNumber}</RouterLink> },
    { id: 'endDate', header: t('retention.endDate'), text: (d) => formatDateNl(d.endDate), sortValue: (d) => d.endDate, sortable: true },
    { id: 'kinds', header: t('retention.kinds'), text: (d) => kindText(d.kinds) },
  ];
  const runColumns: DataTableColumn<Run>[] = [
    { id: 'runDate', header: t('retention.runDate'), text: (r) => formatDateNl(r.runDate), sortValue: (r) => r.runDate, sortable: true },
    { id: 'mode', header: t('retention.mode'), text: (r) => t(r.mode === 'APPLIED' ? 'retention.applied' : 'retention.previewed') },
    { id: 'freeText', header: t('retention.kind.FREE_TEXT'), text: (r) => String(r.freeTextClients), numeric: true },
    { id: 'duo', header: t('retention.kind.DUO_EXCHANGE'), text: (r) => String(r.duoExchangeClients), numeric: true },
    { id: 'identity', header: t('retention.kind.IDENTITY'), text: (r) => String(r.identityClients), numeric: true },
  ];
  return (
    <>
      <PageHeading>{t('retention.title')}</PageHeading>
      <Paragraph lead>{t('retention.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {overview && (
        <>
          <Paragraph role="status">
            {overview.policy.carriedOutSince
              ? t('retention.carriedOut', { since: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(overview.policy.carriedOutSince)) })
              : t('retention.previewOnly')}
          </Paragraph>
          <PolicyForm policy={overview.policy} onSaved={refetch} />
          <section aria-labelledby="retention-due-title">
            <Heading2 id="retention-due-title">{t('retention.dueTitle')}</Heading2>
            <Paragraph>{t('retention.dueSummary', { count: overview.due.length })}</Paragraph>
            <DataTable stacksOnPhone caption={t('retention.dueCaption')} columns={dueColumns} rows={overview.due} rowKey={(d) => d.clientId} rowHeader="clientNumber"
              emptyMessage={t('retention.dueEmpty')} exportFileName="bewaartermijnen-te-verwijderen" />
          </section>
          <section aria-labelledby="retention-runs-title">
            <Heading2 id="retention-runs-title">{t('retention.runsTitle')}</Heading2>
            <QueryFeedback loading={runs.loading} error={runs.error} hasData={Boolean(runs.data)} onRetry={runs.refetch} />
            {runs.data && (
              <DataTable stacksOnPhone caption={t('retention.runsCaption')} columns={runColumns} rows={runs.data.retentionRunPage.items} rowKey={(r) => r.runDate} rowHeader="runDate"
                emptyMessage={t('retention.runsEmpty')} exportFileName="bewaartermijnen-runs" busy={runs.loading} exportAll={exportAllRuns}
                footer={<Pagination offset={runs.dataVariables?.offset ?? runOffset} pageSize={RUN_PAGE_SIZE} total={runs.data.retentionRunPage.total}
                  disabled={runs.loading} onChange={goToRuns} />} />
            )}
          </section>
        </>
      )}
    </>
  );
}

function PolicyForm({ policy, onSaved }: { policy: Overview['policy']; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<YearField, string>>(() => ({
    freeTextYears: String(policy.freeTextYears), duoExchangeYears: String(policy.duoExchangeYears), identityYears: String(policy.identityYears),
  }));
  const [carryOut, setCarryOut] = useState(Boolean(policy.carriedOutSince));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const invalid: [string, string][] = YEAR_FIELDS.filter((f) => !/^\d{1,2}$/.test(values[f].trim())).map((f) => [f, t('retention.yearsInvalid')]);
    if (invalid.length > 0) return setErrors(localErrors('retention', invalid));
    setBusy(true);
    try {
      await graphqlRequest(SaveRetentionPolicyDocument, {
        input: { freeTextYears: Number(values.freeTextYears), duoExchangeYears: Number(values.duoExchangeYears), identityYears: Number(values.identityYears), carryOut },
      });
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'retention', YEAR_FIELDS));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="portal-form" onSubmit={submit} noValidate aria-labelledby="retention-form-title">
      <Heading2 id="retention-form-title">{t('retention.formTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      {YEAR_FIELDS.map((field) => (
        <TextField key={field} id={`retention-${field}`} label={t(`retention.${field}`)} description={t(`retention.${field}Help`)} value={values[field]}
          inputMode="numeric" autoComplete="off" onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} errorMessage={errors.byField[field]} />
      ))}
      <ChoiceGroup id="retention-carryOut" legend={t('retention.carryOutLegend')} type="checkbox" name="retention-carry-out" description={t('retention.carryOutHelp')}
        selected={carryOut ? ['on'] : []} errorMessage={errors.byField.carryOut} options={[{ value: 'on', label: t('retention.carryOut') }]}
        onToggle={(_value, checked) => setCarryOut(checked)} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('retention.saving') : t('retention.save')}</Button>
      <Paragraph role="status">{saved ? t('retention.saved') : ''}</Paragraph>
    </form>
  );
}
