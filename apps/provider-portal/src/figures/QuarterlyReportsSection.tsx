import { QuarterlyReportsDocument, RequestQuarterlyReportDocument, type QuarterlyReportFieldsFragment } from '@inburgering/contracts';
import { calendarDateInAmsterdam, quarterLabel, quartersBetween, addMonths } from '@inburgering/domain';
import { Button, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionForm } from '../clients/use-action-form';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/form-fields';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';

type Report = QuarterlyReportFieldsFragment;
const POLL_MS = 1500;
const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** The quarters one may report on: the current one and the seven before it, newest first. */
function quarterChoices(): { value: string; label: string }[] {
  const today = calendarDateInAmsterdam(new Date());
  return quartersBetween(addMonths(today, -21), today).reverse().map((q) => ({ value: `${q.year}-${q.quarter}`, label: quarterLabel(q) }));
}

/**
 * The projectleider's quarterly reports (of the region, or of one lot): every version with its XLSX and PDF, and
 * "Rapportage maken" for a chosen quarter, following the worker's progress (in de wachtrij → klaar, or the failure).
 */
export function QuarterlyReportsSection({ lotId }: { lotId: string | null }) {
  const { t } = useTranslation();
  const reports = useGraphqlQuery(QuarterlyReportsDocument, { lotId });
  const choices = useMemo(quarterChoices, []);
  const [quarter, setQuarter] = useState(choices[1]?.value ?? choices[0].value);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState<Report | null>(null);
  const form = useActionForm('report', ['quarter', 'year']);
  const current = pending ? reports.data?.quarterlyReports.find((r) => r.id === pending.id) ?? pending : null;
  const { refetch } = reports;

  // Follow the report the worker is making until it is ready or failed.
  useEffect(() => {
    if (!current || current.status !== 'QUEUED') return;
    const timer = setTimeout(refetch, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, refetch]);

  const columns = useMemo((): DataTableColumn<Report>[] => [
    { id: 'scope', header: t('reports.scope'), text: (r) => r.scopeLabel },
    { id: 'quarter', header: t('reports.quarter'), text: (r) => r.quarterLabel },
    { id: 'version', header: t('reports.version'), text: (r) => String(r.version), sortValue: (r) => r.version, numeric: true },
    { id: 'status', header: t('reports.status'), text: (r) => (r.status === 'FAILED' && r.failure ? `${t('reports.statuses.FAILED')}: ${r.failure}` : t(`reports.statuses.${r.status}`)) },
    { id: 'generatedAt', header: t('reports.generatedAt'), text: (r) => (r.generatedAt ? dateTime.format(new Date(r.generatedAt)) : ''), sortValue: (r) => String(r.generatedAt ?? '') },
    {
      id: 'files', header: t('reports.files'), sortable: false, text: () => '',
      render: (r) => {
        const label = `${r.scopeLabel} ${r.quarterLabel} ${t('reports.version').toLowerCase()} ${r.version}`;
        return r.xlsxUrl && r.pdfUrl ? (
          <span>
            <Link href={r.xlsxUrl} download>{t('reports.xlsx')}<span className="portal-visually-hidden">{` ${label}`}</span></Link>{' '}
            <Link href={r.pdfUrl} download>{t('reports.pdf')}<span className="portal-visually-hidden">{` ${label}`}</span></Link>
          </span>
        ) : null;
      },
    },
  ], [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const [year, q] = quarter.split('-').map(Number);
    let made: Report | null = null;
    const ok = await form.submit({ input: { lotId, year, quarter: q, idempotencyKey: key }, problems: [] },
      async (input) => { made = (await graphqlRequest(RequestQuarterlyReportDocument, { input })).requestQuarterlyReport; });
    if (!ok || !made) return;
    setPending(made);
    setKey(crypto.randomUUID());
    refetch();
  }

  const progress = current
    ? current.status === 'READY' ? t('reports.ready', { quarter: current.quarterLabel, version: current.version })
      : current.status === 'FAILED' ? t('reports.failed', { quarter: current.quarterLabel, reason: current.failure ?? '' })
        : t('reports.queued', { quarter: current.quarterLabel, version: current.version })
    : '';

  return (
    <section aria-labelledby={`reports-heading-${lotId ?? 'region'}`}>
      <Heading2 id={`reports-heading-${lotId ?? 'region'}`}>{t('reports.title')}</Heading2>
      <Paragraph>{t('reports.intro')}</Paragraph>
      <form className="portal-form" onSubmit={submit} noValidate aria-label={t('reports.make')}>
        <ErrorSummary errors={form.errors.summary} />
        <SelectField id={form.fieldId('quarter')} label={t('reports.quarter')} value={quarter} onChange={(e) => setQuarter(e.target.value)}
          errorMessage={form.errors.byField.quarter} options={choices} />
        <Paragraph>
          <Button appearance="primary-action-button" type="submit" disabled={form.busy}>{form.busy ? t('reports.making') : t('reports.make')}</Button>
        </Paragraph>
      </form>
      <Paragraph role="status" aria-live="polite">{progress}</Paragraph>
      <QueryFeedback loading={reports.loading && !reports.data} error={reports.error} hasData={Boolean(reports.data)} onRetry={refetch} />
      {reports.data && (
        <DataTable stacksOnPhone caption={t('reports.caption')} columns={columns} rows={reports.data.quarterlyReports} rowKey={(r) => r.id} emptyMessage={t('reports.none')} />
      )}
    </section>
  );
}
