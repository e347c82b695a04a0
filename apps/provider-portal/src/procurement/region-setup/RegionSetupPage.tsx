import { RegionSetupDocument } from '@inburgering/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { FocusedAlert } from '../FocusedAlert';
import { ProviderForm } from './ProviderForm';
import { municipalityColumns, providerColumns, subRegionColumns } from './region-setup-columns';
import { SubRegionForm } from './SubRegionForm';

/** The region's municipalities (CBS codes), its sub-regions and the providers with their keurmerk; create sub-regions, add or change providers. */
export function RegionSetupPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(RegionSetupDocument, {});
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(null);
  const columns = useMemo(() => ({ municipalities: municipalityColumns(t), subRegions: subRegionColumns(t), providers: providerColumns(t) }), [t]);
  const setup = data?.regionSetup;

  const onSaved = (message: string) => {
    setSaved((previous) => ({ message, n: (previous?.n ?? 0) + 1 }));
    refetch();
  };

  return (
    <>
      <PageHeading>{t('procurement.regionSetup.title')}</PageHeading>
      {setup && <Paragraph lead>{t('procurement.regionSetup.intro', { region: setup.region.name })}</Paragraph>}
      {saved && <FocusedAlert key={saved.n} message={saved.message} />}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {setup && (
        <>
          <Heading2>{t('procurement.regionSetup.municipalitiesTitle')}</Heading2>
          <DataTable caption={t('procurement.regionSetup.municipalitiesCaption', { count: setup.municipalities.length })} columns={columns.municipalities}
            rows={setup.municipalities} rowKey={(m) => m.id} rowHeader="name" emptyMessage="–" busy={loading} />
          <Heading2>{t('procurement.regionSetup.subRegionsTitle')}</Heading2>
          <DataTable caption={t('procurement.regionSetup.subRegionsCaption')} columns={columns.subRegions} rows={setup.subRegions} rowKey={(s) => s.id}
            rowHeader="name" emptyMessage={t('procurement.regionSetup.noSubRegions')} busy={loading} />
          <SubRegionForm municipalities={setup.municipalities} onCreated={onSaved} />
          <Heading2>{t('procurement.regionSetup.providersTitle')}</Heading2>
          <DataTable stacksOnPhone caption={t('procurement.regionSetup.providersCaption', { count: setup.providers.length })} columns={columns.providers} rows={setup.providers}
            rowKey={(p) => p.id} rowHeader="name" exportFileName={t('procurement.regionSetup.providersExport')} emptyMessage={t('procurement.regionSetup.noProviders')}
            busy={loading} filterable />
          <ProviderForm providers={setup.providers} onSaved={onSaved} />
        </>
      )}
    </>
  );
}
