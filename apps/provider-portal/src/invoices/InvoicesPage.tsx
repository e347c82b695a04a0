import {
  ApproveInvoiceDocument, ContractsDocument, DisputeInvoiceDocument, GenerateInvoicesDocument, InvoicesDocument, SubmitInvoiceDocument, type InvoiceFieldsFragment, type InvoiceStatus,
} from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatDateNl, formatEuroCentsNl, formatMonthNl } from '@inburgering/domain';
import { Button, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { withActingMunicipality } from '../auth/acting-municipality';

type Invoice = InvoiceFieldsFragment;
type Line = Invoice['lines'][number];
const STATUSES: InvoiceStatus[] = ['PROPOSAL', 'SUBMITTED', 'DISPUTED', 'APPROVED'];
const PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 200;
/** In the address: `status=alle` for every status (no parameter is the page's default), `vanaf` the position of the page. */
const ALL = 'alle';

/**
 * "Facturen" for a provider (make, complete and submit proposals) and "Facturen beoordelen" for the paying municipality.
 * Paged with the total; the status filter and the page live in the address, so a reload keeps them.
 */
export function InvoicesPage({ variant }: { variant: 'provider' | 'municipality' }) {
  const { t } = useTranslation();
  const provider = variant === 'provider';
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: InvoiceStatus | '' = statusParam === ALL ? '' : STATUSES.find((s) => s === statusParam) ?? (provider ? '' : 'SUBMITTED');
  const offset = Math.max(0, Number.parseInt(params.get('vanaf') ?? '0', 10) || 0);
  // `contract`: only that contract's invoices (the drill-down of a contract's spend in the figures).
  const contractId = params.get('contract');
  const filter = useMemo(() => (status || contractId ? { ...(status ? { status } : {}), ...(contractId ? { contractId } : {}) } : null), [status, contractId]);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(InvoicesDocument, { filter, limit: PAGE_SIZE, offset });
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(InvoicesDocument, { filter, limit, offset: from })).invoicePage, EXPORT_PAGE_SIZE),
    [filter],
  );
  const contractShown = contractId ? data?.invoicePage.items[0] : undefined;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const lastMonth = `${calendarDateInAmsterdam(new Date()).slice(0, 7)}`;
  const [month, setMonth] = useState(lastMonth);
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [references, setReferences] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<Record<string, boolean>>({});

  const run = async (action: () => Promise<string>) => {
    setProblems([]);
    setNotice(null);
    try {
      setNotice(await action());
      refetch();
    } catch (err) {
      const e = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
      setProblems(e.fields.length > 0 ? e.fields.map((f) => ({ message: f.message })) : [{ message: e.message }]);
    }
  };
  const statusText = (i: Invoice) => t(`invoices.statuses.${i.status}`);
  const done = (i: Invoice) => t('invoices.done', { month: formatMonthNl(i.month), status: statusText(i).toLowerCase() });

  const columns = useMemo((): DataTableColumn<Invoice>[] => [
    { id: 'month', header: t('invoices.month'), text: (i) => formatMonthNl(i.month), sortValue: (i) => i.month, sortable: true },
    { id: 'lot', header: t('invoices.lot'), text: (i) => i.lotName, sortable: true },
    provider
      ? { id: 'municipality', header: t('invoices.municipality'), text: (i) => i.payingMunicipalityName, sortable: true }
      : { id: 'provider', header: t('invoices.provider'), text: (i) => i.providerName, sortable: true },
    { id: 'status', header: t('invoices.status'), text: (i) => statusText(i) + (i.exceedsCeiling ? ` (${t('invoices.overCeiling')})` : ''), sortable: true },
    { id: 'kind', header: t('invoices.kind'), text: (i) => i.documentType === 'CREDIT_NOTE' ? t('invoices.creditNoteOf', { number: i.creditedInvoiceNumber ?? '-' }) : t('invoices.invoice'), sortable: true },
    { id: 'number', header: t('invoices.number'), text: (i) => i.number ?? '-' },
    { id: 'lines', header: t('invoices.lines'), text: (i) => String(i.lineCount), numeric: true },
    { id: 'total', header: t('invoices.total'), text: (i) => formatEuroCentsNl(i.payableCents), sortValue: (i) => i.payableCents, numeric: true, sortable: true, xlsx: 'EURO_CENTS' },
    {
      id: 'actions', header: t('invoices.actions'), text: () => '',
      render: (i) => {
        const label = `${formatMonthNl(i.month)} ${provider ? i.payingMunicipalityName : i.providerName}`;
        return (
          <span className="hour-grid__inputs">
            <Button type="button" appearance="subtle-button" aria-label={`${t('invoices.details', { lot: i.lotName, month: formatMonthNl(i.month) })} ${label}`} onClick={() => setSelectedId(i.id)}>
              {t('invoices.lines')}
            </Button>
            {provider && (i.status === 'PROPOSAL' || i.status === 'DISPUTED') && (
              <>
                <label className="portal-visually-hidden" htmlFor={`ref-${i.id}`}>{`${t('invoices.reference')} ${label}`}</label>
                <input id={`ref-${i.id}`} className="utrecht-textbox" placeholder={t('invoices.reference')} value={references[i.id] ?? ''}
                  onChange={(e) => setReferences((r) => ({ ...r, [i.id]: e.target.value }))} />
                <Button type="button" appearance="primary-action-button" aria-label={`${t('invoices.submit')} ${label}`}
                  onClick={() => void run(async () => done((await graphqlRequest(SubmitInvoiceDocument, {
                    input: { invoiceId: i.id, providerReference: references[i.id] || null, idempotencyKey: `${i.id}-${i.version}` },
                  })).submitInvoice))}>{t('invoices.submit')}</Button>
              </>
            )}
            {!provider && i.status === 'SUBMITTED' && (
              <Button type="button" appearance="primary-action-button" aria-label={`${t('invoices.approve')} ${label}`}
                onClick={() => void run(async () => done((await graphqlRequest(ApproveInvoiceDocument, { input: { invoiceId: i.id, version: i.version } })).approveInvoice))}>
                {t('invoices.approve')}
              </Button>
            )}
            <Link href={withActingMunicipality(`/api/invoices/${i.id}/pdf`)} download>{`${t('invoices.pdf')}`}<span className="portal-visually-hidden">{` ${label}`}</span></Link>
            {i.status === 'APPROVED' && <Link href={withActingMunicipality(`/api/invoices/${i.id}/ubl`)} download>{t('invoices.ubl')}<span className="portal-visually-hidden">{` ${label}`}</span></Link>}
          </span>
        );
      },
    },
  ], [t, provider, references]);

  const selected = data?.invoicePage.items.find((i) => i.id === selectedId) ?? null;
  const lineColumns = useMemo((): DataTableColumn<Line>[] => [
    { id: 'position', header: '#', text: (l) => String(l.position), numeric: true },
    { id: 'description', header: t('invoices.lines'), text: (l) => l.description + (l.dispute ? ` (${t('invoices.disputed', { reason: l.dispute.reason })})` : '') + (l.status === 'CREDITED' ? ` (${t('invoices.credited')})` : '') },
    { id: 'date', header: t('invoices.month'), text: (l) => formatDateNl(l.lineDate) },
    { id: 'amount', header: t('invoices.total'), text: (l) => formatEuroCentsNl(l.amountCents), sortValue: (l) => l.amountCents, numeric: true, xlsx: 'EURO_CENTS' },
    ...(!provider && selected?.status === 'SUBMITTED' && selected.documentType === 'INVOICE' ? [{
      id: 'dispute', header: t('invoices.dispute'), text: () => '',
      render: (l: Line) => l.status !== 'OPEN' ? null : (
        <span className="hour-grid__inputs">
          <input type="checkbox" id={`pick-${l.id}`} checked={chosen[l.id] ?? false} onChange={(e) => setChosen((c) => ({ ...c, [l.id]: e.target.checked }))} />
          <label className="portal-visually-hidden" htmlFor={`pick-${l.id}`}>{`${t('invoices.dispute')} ${l.position}`}</label>
          <label className="portal-visually-hidden" htmlFor={`reason-${l.id}`}>{t('invoices.disputeReason', { position: l.position })}</label>
          <input id={`reason-${l.id}`} className="utrecht-textbox" value={reasons[l.id] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [l.id]: e.target.value }))} />
        </span>
      ),
    } satisfies DataTableColumn<Line>] : []),
  ], [t, provider, selected?.status, selected?.documentType, chosen, reasons]);

  return (
    <>
      <PageHeading>{t(provider ? 'invoices.providerTitle' : 'invoices.municipalityTitle')}</PageHeading>
      <Paragraph lead>{t(provider ? 'invoices.providerIntro' : 'invoices.municipalityIntro')}</Paragraph>
      <ErrorSummary errors={problems} />
      {notice && <Paragraph role="status">{notice}</Paragraph>}
      {provider && <GenerateInvoicesForm month={month} onMonth={setMonth} onGenerate={(contractId) => void run(async () => {
        const { generateInvoices } = await graphqlRequest(GenerateInvoicesDocument, { input: { contractId, month: `${month}-01` } });
        return t('invoices.generated', { count: generateInvoices.length, month: formatMonthNl(`${month}-01`) });
      })} />}
      {!provider && (
        <Paragraph>
          <Link href={withActingMunicipality(`/api/invoices/export?month=${month}-01&format=xlsx`)} download>{t('invoices.exportMonth')}</Link>{' '}
          <label htmlFor="export-month">{t('invoices.month')}</label>{' '}
          <input id="export-month" type="month" className="utrecht-textbox" value={month} onChange={(e) => setMonth(e.target.value)} />
        </Paragraph>
      )}
      {contractId && (
        <Paragraph role="status">
          {contractShown ? t('invoices.onlyContract', { lot: contractShown.lotName, provider: contractShown.providerName }) : t('invoices.onlyOneContract')}{' '}
          <RouterLink to={`?${withoutContract(params)}`} className="utrecht-link utrecht-link--html-a">{t('invoices.allContracts')}</RouterLink>
        </Paragraph>
      )}
      <p>
        <label htmlFor="invoice-status">{t('invoices.status')}</label>{' '}
        <select id="invoice-status" className="utrecht-select" value={status} onChange={(e) => update({ status: e.target.value || ALL, vanaf: null })}>
          <option value="">{t('invoices.filterAll')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`invoices.statuses.${s}`)}</option>)}
        </select>
      </p>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('invoices.caption')} columns={columns} rows={data.invoicePage.items} rowKey={(i) => i.id} rowHeader="month"
          exportFileName={t('invoices.exportName')} emptyMessage={t('invoices.empty')} busy={loading} exportAll={exportAll}
          footer={<Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.invoicePage.total} disabled={loading}
            onChange={(next) => update({ vanaf: next > 0 ? String(next) : null })} />} />
      )}
      {selected && (
        <section aria-labelledby="invoice-lines-heading">
          <Heading2 id="invoice-lines-heading">{t('invoices.details', { lot: selected.lotName, month: formatMonthNl(selected.month) })}</Heading2>
          <DataTable caption={t('invoices.details', { lot: selected.lotName, month: formatMonthNl(selected.month) })} columns={lineColumns} rows={selected.lines}
            rowKey={(l) => l.id} rowHeader="position" emptyMessage={t('invoices.empty')} />
          {!provider && selected.status === 'SUBMITTED' && selected.documentType === 'INVOICE' && (
            <Button type="button" appearance="secondary-action-button" onClick={() => void run(async () => done((await graphqlRequest(DisputeInvoiceDocument, {
              input: { invoiceId: selected.id, lines: selected.lines.filter((l) => chosen[l.id]).map((l) => ({ lineId: l.id, reason: reasons[l.id] ?? '' })) },
            })).disputeInvoice))}>{t('invoices.dispute')}</Button>
          )}
        </section>
      )}
    </>
  );
}

/** The address's filters without the contract (and back to the first page). */
function withoutContract(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete('contract');
  next.delete('vanaf');
  return next.toString();
}

/** The provider's form: which contract and month to derive proposals for. */
function GenerateInvoicesForm({ month, onMonth, onGenerate }: { month: string; onMonth: (month: string) => void; onGenerate: (contractId: string) => void }) {
  const { t } = useTranslation();
  const contracts = useGraphqlQuery(ContractsDocument, {});
  const [contractId, setContractId] = useState('');
  return (
    <form className="portal-inline-form" onSubmit={(e) => {
      e.preventDefault();
      onGenerate(contractId);
    }}>
      <label htmlFor="invoice-contract">{t('invoices.contract')}</label>
      <select id="invoice-contract" className="utrecht-select" value={contractId} onChange={(e) => setContractId(e.target.value)} required>
        <option value="">-</option>
        {(contracts.data?.contracts ?? []).map((c) => <option key={c.id} value={c.id}>{`${c.lotName} (${c.regionName})`}</option>)}
      </select>
      <label htmlFor="invoice-month">{t('invoices.month')}</label>
      <input id="invoice-month" type="month" className="utrecht-textbox" value={month} onChange={(e) => onMonth(e.target.value)} required />
      <Button type="submit" appearance="primary-action-button">{t('invoices.generate')}</Button>
    </form>
  );
}
