import { CompleteMapPartChoiceDocument, type CompleteMapPartChoiceInput, MapPartParticipantsDocument, MapPartsDocument, type MapPartFieldsFragment, type MapPartParticipantFieldsFragment } from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatDateNl, formatEuroCentsNl, formatHoursNl, MAP_THEME_LABELS, parseDutchDate } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import type { FieldProblem, Parsed } from '../clients/client-action-values';
import { useActionForm } from '../clients/use-action-form';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { FocusedAlert } from '../procurement/FocusedAlert';
import { MapPartForm } from './MapPartForm';

const PAGE_SIZE = 50;

/**
 * MAP parts (cafetariamodel): the offering party (the WSP Parkstad) sees the clients who chose its parts and marks a part
 * completed; everyone who may (the region, the offering party) sees the catalogue.
 */
export function MapPartsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeading>{t('mapParts.pageTitle')}</PageHeading>
      <Paragraph lead>{t(user.role === 'PROVIDER_USER' ? 'mapParts.providerIntro' : 'mapParts.regionIntro')}</Paragraph>
      {user.role === 'PROVIDER_USER' && <Participants />}
      <Catalogue canAdd={user.role === 'PROVIDER_USER'} />
    </>
  );
}

function Participants() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(MapPartParticipantsDocument, { limit: PAGE_SIZE, offset });
  const [choiceId, setChoiceId] = useState('');
  const [completedOn, setCompletedOn] = useState(() => formatDateNl(calendarDateInAmsterdam(new Date())));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useActionForm('map-complete', ['choiceId', 'completedOn']);
  const columns = useMemo((): DataTableColumn<MapPartParticipantFieldsFragment>[] => [
    { id: 'clientNumber', header: t('mapParts.clientNumber'), text: (p) => String(p.clientNumber), sortValue: (p) => p.clientNumber, numeric: true },
    { id: 'clientName', header: t('mapParts.clientName'), text: (p) => p.clientName },
    { id: 'municipality', header: t('mapParts.municipality'), text: (p) => p.municipalityName },
    { id: 'part', header: t('mapParts.part'), text: (p) => p.partName },
    { id: 'hours', header: t('mapParts.hours'), text: (p) => formatHoursNl(p.minutes), sortValue: (p) => p.minutes, numeric: true },
    { id: 'status', header: t('mapParts.status'), text: (p) => t(`mapParts.statuses.${p.status}`) },
    { id: 'chosenOn', header: t('mapParts.chosenOn'), text: (p) => formatDateNl(p.chosenOn), sortValue: (p) => p.chosenOn, xlsx: 'DATE' },
    { id: 'completedOn', header: t('mapParts.completedOn'), text: (p) => (p.completedOn ? formatDateNl(p.completedOn) : '–'), sortValue: (p) => p.completedOn ?? '', xlsx: 'DATE' },
  ], [t]);
  const page = data?.mapPartParticipants;
  const open = page?.items.filter((p) => p.status === 'CHOSEN') ?? [];

  async function exportAll(): Promise<MapPartParticipantFieldsFragment[]> {
    const rows: MapPartParticipantFieldsFragment[] = [];
    for (let from = 0; ; from += 200) {
      const result = await graphqlRequest(MapPartParticipantsDocument, { limit: 200, offset: from });
      rows.push(...result.mapPartParticipants.items);
      if (rows.length >= result.mapPartParticipants.total || result.mapPartParticipants.items.length === 0) return rows;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const date = parseDutchDate(completedOn.trim());
    const problems: [string, FieldProblem][] = [];
    if (!choiceId) problems.push(['choiceId', 'choose']);
    if (!date) problems.push(['completedOn', 'invalidDate']);
    const parsed: Parsed<CompleteMapPartChoiceInput> = problems.length > 0 || !date ? { input: null, problems } : { input: { choiceId, completedOn: date }, problems: [] };
    const row = open.find((p) => p.id === choiceId);
    const ok = await form.submit(parsed, (input) => graphqlRequest(CompleteMapPartChoiceDocument, { input }));
    if (!ok) return;
    setSaved(t('mapParts.completedSaved', { part: row?.partName ?? '', client: row?.clientName ?? '' }));
    setChoiceId('');
    refetch();
  }

  return (
    <section aria-labelledby="map-participants-heading">
      <Heading2 id="map-participants-heading">{t('mapParts.participants')}</Heading2>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {page && (
        <DataTable stacksOnPhone caption={t('mapParts.participantsCaption')} columns={columns} rows={page.items} rowKey={(p) => p.id} rowHeader="clientName"
          emptyMessage={t('mapParts.noParticipants')} exportFileName="map-deelnemers" exportAll={exportAll} busy={loading}
          footer={page.total > PAGE_SIZE ? <Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={page.total} disabled={loading} onChange={setOffset} /> : undefined} />
      )}
      {saved && <FocusedAlert key={saved} message={saved} />}
      {open.length > 0 && (
        <form className="portal-form" onSubmit={submit} noValidate aria-labelledby="map-complete-heading">
          <Heading2 id="map-complete-heading">{t('mapParts.completeTitle')}</Heading2>
          <ErrorSummary errors={form.errors.summary} />
          <SelectField id={form.fieldId('choiceId')} label={t('mapParts.completeWhich')} value={choiceId} onChange={(e) => setChoiceId(e.target.value)} errorMessage={form.errors.byField.choiceId}
            options={[{ value: '', label: t('registerClient.choose') }, ...open.map((p) => ({ value: p.id, label: `${p.clientNumber} ${p.clientName}: ${p.partName}` }))]} />
          <TextField id={form.fieldId('completedOn')} label={t('mapParts.completedOn')} description={t('registerClient.dateHint')} value={completedOn}
            onChange={(e) => setCompletedOn(e.target.value)} errorMessage={form.errors.byField.completedOn} autoComplete="off" />
          <Paragraph>
            <Button appearance="primary-action-button" type="submit" disabled={form.busy}>{form.busy ? t('clientActions.saving') : t('mapParts.completeButton')}</Button>
          </Paragraph>
        </form>
      )}
    </section>
  );
}

function Catalogue({ canAdd }: { canAdd: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(MapPartsDocument, {});
  const columns = useMemo((): DataTableColumn<MapPartFieldsFragment>[] => [
    { id: 'name', header: t('mapParts.part'), text: (p) => p.name },
    { id: 'description', header: t('mapParts.description'), text: (p) => p.description, sortable: false },
    { id: 'hours', header: t('mapParts.hours'), text: (p) => formatHoursNl(p.minutes), sortValue: (p) => p.minutes, numeric: true },
    { id: 'price', header: t('mapParts.price'), text: (p) => formatEuroCentsNl(p.priceCents), sortValue: (p) => p.priceCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'themes', header: t('mapParts.themesColumn'), text: (p) => p.themes.map((theme) => MAP_THEME_LABELS[theme]).join(', '), sortable: false },
    { id: 'practical', header: t('mapParts.practicalColumn'), text: (p) => (p.practical ? t('mapParts.yes') : t('mapParts.no')) },
    { id: 'provider', header: t('mapParts.provider'), text: (p) => p.providerName },
    { id: 'active', header: t('mapParts.active'), text: (p) => (p.active ? t('mapParts.yes') : t('mapParts.no')) },
  ], [t]);
  return (
    <section aria-labelledby="map-catalogue-heading">
      <Heading2 id="map-catalogue-heading">{t('mapParts.catalogue')}</Heading2>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('mapParts.catalogueCaption')} columns={columns} rows={data.mapParts} rowKey={(p) => p.id} rowHeader="name"
          emptyMessage={t('mapParts.noCatalogue')} exportFileName="map-catalogus" />
      )}
      {canAdd && <MapPartForm onSaved={refetch} />}
    </section>
  );
}
