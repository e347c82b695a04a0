import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { groupRows, minutesText, percentText, type FigureGroup, type Figures } from './figure-rows';
import { hourFiguresSummary, minutesAsHours } from './hour-figure-rows';

/**
 * The hours of the figures against their norms: planned and attended, per client, as a share of the route's hour norm and
 * of the hours the PIPs plan; hidden as "< 5" where the API hid them, with a one-line summary and the exports (in hours).
 */
export function HourFiguresTable({ figures, exportName }: { figures: Figures; exportName: string }) {
  const { t } = useTranslation();
  const hidden = figures.suppressedLabel;
  const columns = useMemo((): DataTableColumn<FigureGroup>[] => {
    const isHidden = (g: FigureGroup) => g.hours.attendedMinutes === null;
    const hours = (id: string, header: string, minutes: (g: FigureGroup) => number | null | undefined): DataTableColumn<FigureGroup> => ({
      id, header, numeric: true, text: (g) => minutesText(minutes(g), hidden), sortValue: (g) => minutesAsHours(minutes(g)),
    });
    const percent = (id: string, header: string, value: (g: FigureGroup) => number | null | undefined): DataTableColumn<FigureGroup> => ({
      id, header, numeric: true, text: (g) => percentText(value(g), isHidden(g), hidden), sortValue: (g) => value(g) ?? null,
    });
    return [
      { id: 'label', header: figures.groupedBy === 'CONTRACT' ? t('figures.provider') : t('figures.municipality'), text: (g) => g.label },
      hours('planned', t('hourFigures.planned'), (g) => g.hours.plannedMinutes),
      hours('attended', t('hourFigures.attended'), (g) => g.hours.attendedMinutes),
      {
        id: 'perClient', header: t('hourFigures.perClient'), numeric: true, sortValue: (g) => minutesAsHours(g.hours.attendedMinutesPerClient),
        text: (g) => (isHidden(g) ? hidden : minutesText(g.hours.attendedMinutesPerClient ?? null, '–')),
      },
      percent('routeNorm', t('hourFigures.routeNorm'), (g) => g.hours.routeNormPercent),
      percent('pip', t('hourFigures.pip'), (g) => g.hours.pipPercent),
    ];
  }, [t, hidden, figures.groupedBy]);
  return (
    <>
      <Heading3>{t('hourFigures.title')}</Heading3>
      <Paragraph className="portal-figures__hour-summary">{hourFiguresSummary(figures)}</Paragraph>
      <DataTable caption={t('hourFigures.caption')} columns={columns} rows={groupRows(figures)} rowKey={(g) => g.id ?? g.label} rowHeader="label"
        exportFileName={`${exportName}-uren`} emptyMessage={t('figures.empty')} />
      <Paragraph className="portal-figures__hour-explanation">{t('hourFigures.explanation')}</Paragraph>
    </>
  );
}
