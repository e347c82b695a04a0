import { ChooseMapPartsDocument, ClientMapPartsDocument, type ClientMapPartsFieldsFragment } from '@inburgering/contracts';
import { formatDateNl, formatEuroCentsNl, formatHoursNl, MAP_THEME_LABELS, MAP_THEMES } from '@inburgering/domain';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionForm } from '../clients/use-action-form';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup } from '../components/form-fields';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { FocusedAlert } from '../procurement/FocusedAlert';

type Choice = ClientMapPartsFieldsFragment['choices'][number];
type Part = ClientMapPartsFieldsFragment['catalogue'][number];

/** "Oriëntatie op werk (16 uur, € 480,00, WSP Parkstad)": what the consultant and client choose from. */
export const mapPartLabel = (part: Pick<Part, 'name' | 'minutes' | 'priceCents' | 'providerName'>) =>
  `${part.name} (${formatHoursNl(part.minutes)} uur, ${formatEuroCentsNl(part.priceCents)}, ${part.providerName})`;

/**
 * The client's MAP parts (cafetariamodel, Zuid-Limburg/Parkstad): progress towards the MAP with its deadline, the parts
 * chosen with their status, and the consultant records the parts the client picks from the region's catalogue.
 */
export function ClientMapPartsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const query = useGraphqlQuery(ClientMapPartsDocument, { clientId });
  const [picked, setPicked] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState(0);
  const form = useActionForm('map-parts', ['mapPartIds', 'clientId']);
  const columns = useMemo((): DataTableColumn<Choice>[] => [
    { id: 'part', header: t('mapParts.part'), text: (c) => c.partName },
    { id: 'provider', header: t('mapParts.provider'), text: (c) => c.providerName },
    { id: 'hours', header: t('mapParts.hours'), text: (c) => formatHoursNl(c.minutes), sortValue: (c) => c.minutes, numeric: true },
    { id: 'status', header: t('mapParts.status'), text: (c) => t(`mapParts.statuses.${c.status}`) },
    { id: 'chosenOn', header: t('mapParts.chosenOn'), text: (c) => formatDateNl(c.chosenOn), sortValue: (c) => c.chosenOn, xlsx: 'DATE' },
    { id: 'completedOn', header: t('mapParts.completedOn'), text: (c) => (c.completedOn ? formatDateNl(c.completedOn) : '–'), sortValue: (c) => c.completedOn ?? '', xlsx: 'DATE' },
  ], [t]);

  const data = query.data?.clientMapParts;
  if (data && data.catalogue.length === 0 && data.choices.length === 0) return null;
  const open = data ? data.catalogue.filter((part) => !data.choices.some((c) => c.mapPartId === part.id)) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await form.submit({ input: { clientId, mapPartIds: picked, idempotencyKey: key }, problems: [] }, (input) => graphqlRequest(ChooseMapPartsDocument, { input }));
    if (!ok) return;
    setPicked([]);
    setKey(crypto.randomUUID());
    setSaved((n) => n + 1);
    query.refetch();
  }

  return (
    <section aria-labelledby="map-parts-heading">
      <Heading2 id="map-parts-heading">{t('mapParts.title')}</Heading2>
      <QueryFeedback loading={query.loading} error={query.error} hasData={Boolean(data)} onRetry={query.refetch} />
      {data && !data.mapApplies && <Paragraph>{t('mapParts.noMap')}</Paragraph>}
      {data && data.mapApplies && (
        <>
          <Paragraph>{t('mapParts.intro')}</Paragraph>
          <Progress data={data} />
          <DataTable caption={t('mapParts.chosenCaption')} columns={columns} rows={data.choices} rowKey={(c) => c.id} emptyMessage={t('mapParts.noneChosen')} exportFileName="map-onderdelen" />
          {saved > 0 && <FocusedAlert key={saved} message={t('mapParts.saved')} />}
          {open.length > 0 && (
            <form className="portal-form" onSubmit={submit} noValidate aria-label={t('mapParts.choose')}>
              <ErrorSummary errors={form.errors.summary} />
              <ChoiceGroup id={form.fieldId('mapPartIds')} legend={t('mapParts.pickLegend')} description={t('mapParts.pickHint')} type="checkbox" name="mapPartIds"
                options={open.map((part) => ({ value: part.id, label: mapPartLabel(part) }))} selected={picked} errorMessage={form.errors.byField.mapPartIds ?? form.errors.byField.clientId}
                onToggle={(value, checked) => setPicked((current) => (checked ? [...current, value] : current.filter((id) => id !== value)))} />
              <Paragraph>
                <Button appearance="primary-action-button" type="submit" disabled={form.busy}>{form.busy ? t('clientActions.saving') : t('mapParts.choose')}</Button>
              </Paragraph>
            </form>
          )}
        </>
      )}
    </section>
  );
}

/** Done of chosen, hours, themes, the practical activity and the MAP deadline; what is still missing. */
function Progress({ data }: { data: ClientMapPartsFieldsFragment }) {
  const { t } = useTranslation();
  const p = data.progress;
  return (
    <>
      <Heading3>{t('mapParts.progressTitle')}</Heading3>
      <DataList>
        <DataListItem>
          <DataListKey>{t('mapParts.partsDone')}</DataListKey>
          <DataListValue>{t('mapParts.partsDoneValue', { done: String(p.partsCompleted), chosen: String(p.partsChosen) })}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('mapParts.hoursDone')}</DataListKey>
          <DataListValue>{t('mapParts.hoursDoneValue', { done: formatHoursNl(p.minutesCompleted), chosen: formatHoursNl(p.minutesChosen) })}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('mapParts.themes')}</DataListKey>
          <DataListValue>{t('mapParts.themesValue', { done: String(p.themesCovered.length), total: String(MAP_THEMES.length) })}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('mapParts.practical')}</DataListKey>
          <DataListValue>{p.practicalActivityDone ? t('mapParts.practicalDone') : t('mapParts.practicalOpen')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('mapParts.deadline')}</DataListKey>
          <DataListValue>
            <DeadlineBadge value={data.mapDueOn && data.mapDueStatus ? { deadline: data.mapDueOn, status: data.mapDueStatus } : null} />
          </DataListValue>
        </DataListItem>
      </DataList>
      {p.complete ? (
        <Paragraph role="status" data-testid="map-progress-summary">{t('mapParts.complete', { date: p.completedOn ? formatDateNl(p.completedOn) : '' })}</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="map-progress-summary">{t('mapParts.notComplete')}</Paragraph>
          <UnorderedList>
            {p.missing.map((line) => <UnorderedListItem key={line}>{line}</UnorderedListItem>)}
          </UnorderedList>
          {p.themesMissing.length > 0 && p.themesMissing.length < MAP_THEMES.length && (
            <Paragraph className="portal-muted">{t('mapParts.themesCovered', { themes: p.themesCovered.map((theme) => MAP_THEME_LABELS[theme]).join(', ') || '–' })}</Paragraph>
          )}
        </>
      )}
    </>
  );
}
