import { PresenceAuditDocument, PresenceGroupsDocument } from '@inburgering/contracts';
import { formatDateNl, isCalendarDate } from '@inburgering/domain';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable } from '../components/data-table/DataTable';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { todayIso } from './presence-format';
import { PRESENCE_PATHS } from './presence-pages';
import './presence.css';

/** A cell as the auditor reads it: ISO dates in the nl-NL form, everything else as the export writes it. */
const cellText = (cell: string): string => (isCalendarDate(cell) ? formatDateNl(cell) : cell);

/**
 * The auditor's view (Blik op Werk norms 2.9.2/2.9.3) of one group over a chosen period: every lesson with teacher and
 * signature, each student's sign-in with credential, absences with reasons, every line with its corrections; each table
 * exports, and the same period downloads as XLSX or PDF.
 */
export function PresenceAuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('groep') ?? '';
  const groups = useGraphqlQuery(PresenceGroupsDocument);
  const group = groups.data?.presenceGroups.find((g) => g.id === groupId);
  const today = todayIso();
  const defaultTo = group && group.scheduleUntil < today ? group.scheduleUntil : today;
  // The link may be typed or edited: a period bound that is no real date falls back to the group's own.
  const dateParam = (name: string) => {
    const value = params.get(name);
    return isCalendarDate(value) ? value : null;
  };
  const from = dateParam('van') ?? group?.scheduleFrom ?? '';
  const to = dateParam('tot') ?? defaultTo;
  const [form, setForm] = useState<{ from: string; to: string } | null>(null);
  const shown = form ?? { from, to };

  function choose(event: FormEvent) {
    event.preventDefault();
    setParams({ groep: groupId, van: shown.from, tot: shown.to });
    setForm(null);
  }

  return (
    <>
      <PageHeading>{t('presenceAudit.title', { group: group?.name ?? '' })}</PageHeading>
      <Paragraph>{t('presenceAudit.intro')}</Paragraph>
      <Paragraph><Link to={PRESENCE_PATHS.groups}>{t('presenceAudit.back')}</Link></Paragraph>
      <QueryFeedback loading={groups.loading} error={groups.error} hasData={Boolean(groups.data)} onRetry={groups.refetch} />
      {groups.data && !group && <Paragraph>{t('presenceAudit.unknownGroup')}</Paragraph>}
      {group && (
        <form className="presence-form presence-audit-period" onSubmit={choose} aria-label={t('presenceAudit.period')}>
          <TextField id="audit-from" type="date" label={t('presenceAudit.from')} value={shown.from} required
            onChange={(e) => setForm({ ...shown, from: e.target.value })} />
          <TextField id="audit-to" type="date" label={t('presenceAudit.to')} value={shown.to} required
            onChange={(e) => setForm({ ...shown, to: e.target.value })} />
          <Button type="submit" appearance="primary-action-button">{t('presenceAudit.show')}</Button>
        </form>
      )}
      {group && from && to && <AuditTables groupId={group.id} groupName={group.name} from={from} to={to} />}
    </>
  );
}

function AuditTables({ groupId, groupName, from, to }: { groupId: string; groupName: string; from: string; to: string }) {
  const { t } = useTranslation();
  const audit = useGraphqlQuery(PresenceAuditDocument, { groupId, from, to });
  const sheets = audit.data?.presenceAudit.sheets ?? [];
  const query = new URLSearchParams({ groupId, from, to }).toString();
  return (
    <section aria-labelledby="audit-result" aria-busy={audit.loading}>
      <Heading level={2} id="audit-result">{t('presenceAudit.result', { from: formatDateNl(from), to: formatDateNl(to) })}</Heading>
      <QueryFeedback loading={audit.loading} error={audit.error} hasData={Boolean(audit.data)} onRetry={audit.refetch} />
      {audit.data && (
        <Paragraph>
          <a href={`/api/presence/export.xlsx?${query}`} download>{t('presence.export')}</a>
          {' · '}
          <a href={`/api/presence/export.pdf?${query}`} download>{t('presence.exportPdf')}</a>
        </Paragraph>
      )}
      {sheets.map((sheet) => (
        <DataTable<string[]>
          key={sheet.name}
          caption={`${sheet.name} · ${groupName}`}
          columns={sheet.header.map((header, index) => ({ id: String(index), header, text: (row: string[]) => cellText(row[index] ?? ''), sortValue: (row: string[]) => row[index] ?? '' }))}
          rows={sheet.rows}
          rowKey={(row) => row.join('|')}
          exportFileName={`presentie-${sheet.name.toLowerCase().replace(/[^a-z]+/g, '-')}-${from}-${to}`}
          filterable
          emptyMessage={t('presenceAudit.empty')}
        />
      ))}
    </section>
  );
}
