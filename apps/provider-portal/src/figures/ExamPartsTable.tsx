import type { ExamOutcome } from '@inburgering/contracts';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { examCountText, examPartCount, examPartDrillDownPath, examPartKeys, examPartName, examPartsSummary, type ExamPartKey } from './exam-part-rows';
import { useFigurePeriod } from './figure-period';
import { groupRows, type FigureGroup, type Figures, type KpiListScope } from './figure-rows';

/**
 * The exam parts of the figures (issue 10): per row (contract or municipality, and the total) the attempts passed and
 * failed per level and part, hidden as "< 5" where the API hid them, with a one-line summary and the exports every table
 * has. A consultant's counts link to the own clients with such attempts (the caseload, filtered), a provider's to its own
 * placements of them (the placed clients, filtered; `contractId` and `allContracts` as for its other figures).
 */
export function ExamPartsTable({ figures, exportName, scope, contractId = null, allContracts = false }: {
  figures: Figures; exportName: string; scope: KpiListScope | null; contractId?: string | null; allContracts?: boolean;
}) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const { key: periodKey } = useFigurePeriod();
  const hidden = figures.suppressedLabel;
  const columns = useMemo((): DataTableColumn<FigureGroup>[] => {
    const count = (key: ExamPartKey, outcome: ExamOutcome): DataTableColumn<FigureGroup> => {
      const header = t(outcome === 'PASSED' ? 'examParts.passedColumn' : 'examParts.failedColumn', { part: examPartName(key) });
      return {
        id: `${key.level}-${key.part}-${outcome}`, header, numeric: true,
        text: (g) => examCountText(examPartCount(g, key, outcome), hidden), sortValue: (g) => examPartCount(g, key, outcome),
        render: (g) => {
          const text = examCountText(examPartCount(g, key, outcome), hidden);
          const path = examPartDrillDownPath(role, figures, g, key, outcome, periodKey, scope, contractId, allContracts);
          if (!path) return text;
          return (
            <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
              <span aria-hidden="true">{text}</span>
              <span className="portal-visually-hidden">{t('examParts.drillDown', { figure: header, label: g.label, count: examPartCount(g, key, outcome) ?? 0, attempts: text })}</span>
            </RouterLink>
          );
        },
      };
    };
    return [
      { id: 'label', header: figures.groupedBy === 'CONTRACT' ? t('figures.provider') : t('figures.municipality'), text: (g) => g.label },
      ...examPartKeys(figures).flatMap((key) => [count(key, 'PASSED'), count(key, 'FAILED')]),
    ];
  }, [t, hidden, figures, role, periodKey, scope, contractId, allContracts]);
  const rows = examPartKeys(figures).length > 0 ? groupRows(figures) : [];
  return (
    <>
      <Heading3>{t('examParts.title')}</Heading3>
      <Paragraph className="portal-figures__exam-summary">{examPartsSummary(figures)}</Paragraph>
      <DataTable caption={t('examParts.caption')} columns={columns} rows={rows} rowKey={(g) => g.id ?? g.label} rowHeader="label"
        exportFileName={`${exportName}-examenonderdelen`} emptyMessage={t('examParts.empty')} />
    </>
  );
}
