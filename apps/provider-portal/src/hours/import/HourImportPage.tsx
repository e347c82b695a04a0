import { ApplyImportDocument } from '@inburgering/contracts';
import { Alert, Button, Link, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DataTable, type DataTableColumn } from '../../components/data-table/DataTable';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { GraphqlRequestError, refusedInputMessage } from '../../graphql/graphql-error';
import { graphqlRequest } from '../../graphql/request';
import { RecentImports } from './RecentImports';
import { uploadHoursFile } from './upload-hours-file';
import { useImportBatch, type ImportBatch } from './use-import-batch';
import '../hours.css';

type ImportError = ImportBatch['errors'][number];

const number = (value: number) => value.toLocaleString('nl-NL');
const newKey = () => crypto.randomUUID();

/** Upload, dry-run report with every error by row and column, progress that survives a reload, then the real import. */
export function HourImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const batchId = params.get('import');
  const { batch, error } = useImportBatch(batchId);
  const [file, setFile] = useState<File | null>(null);
  // One key per submission: a retry of the same file after a lost connection reuses it.
  const [uploadKey, setUploadKey] = useState(newKey);
  const [applyKey, setApplyKey] = useState(newKey);
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  async function upload(mode: 'DRY_RUN' | 'APPLY') {
    if (!file) {
      setProblems([{ message: t('hourImport.chooseFile'), fieldId: 'hours-file' }]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const { id } = await uploadHoursFile(file, mode, `${uploadKey}-${mode}`);
      setUploadKey(newKey());
      setParams({ import: id });
    } catch (err) {
      setProblems([{ message: err instanceof GraphqlRequestError ? err.message : String(err), fieldId: 'hours-file' }]);
    } finally {
      setBusy(false);
    }
  }

  async function applyChecked() {
    if (!batch) return;
    setBusy(true);
    try {
      const { applyImport } = await graphqlRequest(ApplyImportDocument, { input: { batchId: batch.id, idempotencyKey: applyKey } });
      setApplyKey(newKey());
      setParams({ import: applyImport.id });
    } catch (err) {
      setProblems([{ message: err instanceof GraphqlRequestError ? err.message : String(err) }]);
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void upload('DRY_RUN');
  };

  return (
    <>
      <PageHeading>{t('hourImport.title')}</PageHeading>
      <Paragraph lead>{t('hourImport.intro')}</Paragraph>
      <Paragraph>
        <Link href="/api/hours/import-template?format=csv" download>{t('hourImport.templateCsv')}</Link>
        {' · '}
        <Link href="/api/hours/import-template?format=xlsx" download>{t('hourImport.templateXlsx')}</Link>
      </Paragraph>
      <form className="portal-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={problems} />
        <Paragraph>
          <label htmlFor="hours-file">{t('hourImport.file')}</label>
          <br />
          <span id="hours-file-hint" className="portal-muted">{t('hourImport.fileHint')}</span>
          <br />
          <input id="hours-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="hours-file-hint"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setUploadKey(newKey()); }} />
        </Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>{t('hourImport.dryRun')}</Button>{' '}
        <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void upload('APPLY')}>{t('hourImport.apply')}</Button>
      </form>
      {error && <Alert type="error"><Paragraph><strong>{t('errors.loadFailed')}</strong> {refusedInputMessage(error) ?? error.message}</Paragraph></Alert>}
      {batch && <ImportReport batch={batch} busy={busy} onApply={() => void applyChecked()} />}
      <RecentImports currentBatchId={batchId} currentStatus={batch?.status ?? null} />
    </>
  );
}

function ImportReport({ batch, busy, onApply }: { batch: ImportBatch; busy: boolean; onApply: () => void }) {
  const { t } = useTranslation();
  const running = batch.status === 'QUEUED' || batch.status === 'RUNNING';
  const total = batch.totalRows ?? 0;
  const columns = useMemo((): DataTableColumn<ImportError>[] => [
    { id: 'row', header: t('hourImport.row'), text: (e) => String(e.row), sortValue: (e) => e.row, sortable: true, numeric: true },
    { id: 'column', header: t('hourImport.column'), text: (e) => e.column, sortable: true },
    { id: 'message', header: t('hourImport.message'), text: (e) => e.message },
  ], [t]);
  return (
    <section aria-labelledby="import-status" className="hours-import-report">
      <h2 id="import-status" className="utrecht-heading-2">{batch.filename}</h2>
      <div role="status" aria-live="polite">
        {running && batch.totalRows === null && <Paragraph>{t('hourImport.waiting')}</Paragraph>}
        {running && batch.totalRows !== null && (
          <Paragraph>
            <progress className="hours-progress-bar" max={total} value={batch.processedRows} aria-label={t('hourImport.progress', { processed: number(batch.processedRows), total: number(total) })} />{' '}
            {t('hourImport.progress', { processed: number(batch.processedRows), total: number(total) })}
          </Paragraph>
        )}
        {!running && <Paragraph><strong>{t(`hourImport.status.${batch.status}`, { total: number(total), count: batch.errorCount })}</strong></Paragraph>}
      </div>
      {batch.status === 'VALID' && batch.mode === 'DRY_RUN' && (
        <Button type="button" appearance="primary-action-button" disabled={busy} onClick={onApply}>{t('hourImport.applyChecked')}</Button>
      )}
      {batch.errors.length > 0 && (
        <DataTable
          caption={t('hourImport.errorsCaption', { file: batch.filename })}
          columns={columns}
          rows={batch.errors}
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          rowHeader="row"
          exportFileName={t('hourImport.errorsExport')}
          emptyMessage=""
        />
      )}
    </section>
  );
}
