import { CopyPreviousHourWeekDocument, type HourCategory } from '@inburgering/contracts';
import { addDays, calendarDateInAmsterdam, formatDateNl, HOUR_CATEGORIES, hourCategoryLabel, isCalendarDate, startOfIsoWeek } from '@inburgering/domain';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { CorrectionForm } from './grid/CorrectionForm';
import type { GridEntry, GridRow } from './grid/grid-state';
import { HourGridTable } from './grid/HourGridTable';
import { useHourGrid } from './grid/use-hour-grid';
import './hours.css';

/** Clients per page of the grid: a large provider's week is paged (and can be narrowed to one group). */
const HOUR_GRID_PAGE = 50;

/** The provider's weekly grid per group and page; week, group, page and category live in the address, so a reload keeps them. */
export function HourGridPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The address may be typed or edited: a week that is no real date is last week, an unknown category is language.
  const askedWeek = params.get('week');
  const weekStart = startOfIsoWeek(isCalendarDate(askedWeek) ? askedWeek : addDays(calendarDateInAmsterdam(new Date()), -7));
  const groupName = params.get('groep') || null;
  const category: HourCategory = HOUR_CATEGORIES.find((c) => c === params.get('soort')) ?? 'LANGUAGE';
  const offset = Math.max(0, Number.parseInt(params.get('vanaf') ?? '0', 10) || 0);
  const grid = useHourGrid(weekStart, groupName, category, HOUR_GRID_PAGE, offset);
  const [correcting, setCorrecting] = useState<{ row: GridRow; entry: GridEntry } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Unsaved cells are saved before the grid shows another week, group or page.
  const update = (changes: Record<string, string | null>) => {
    void grid.flush();
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  async function copyPrevious() {
    const count = await graphqlRequest(CopyPreviousHourWeekDocument, { input: { weekStart, category, groupName } });
    setNotice(t('hourGrid.copied', { count: count.copyPreviousHourWeek }));
    grid.query.refetch();
  }

  const statusText = {
    idle: '', dirty: t('hourGrid.unsaved'), saving: t('hourGrid.saving'), saved: t('hourGrid.saved'), conflict: t('hourGrid.conflict'), error: grid.message ?? '',
  }[grid.status];

  return (
    <>
      <PageHeading>{t('hourGrid.title')}</PageHeading>
      <Paragraph lead>{t('hourGrid.intro')}</Paragraph>
      <div className="hour-grid__toolbar">
        <Button type="button" appearance="secondary-action-button" onClick={() => update({ week: addDays(weekStart, -7) })}>{t('hourGrid.previousWeek')}</Button>
        <strong>{t('hourGrid.week', { from: formatDateNl(weekStart), to: formatDateNl(addDays(weekStart, 4)) })}</strong>
        <Button type="button" appearance="secondary-action-button" onClick={() => update({ week: addDays(weekStart, 7) })}>{t('hourGrid.nextWeek')}</Button>
        <label htmlFor="hour-grid-group">{t('hourGrid.group')}</label>
        <select id="hour-grid-group" className="utrecht-select" value={groupName ?? ''} onChange={(e) => update({ groep: e.target.value || null, vanaf: null })}>
          <option value="">{t('hourGrid.allGroups')}</option>
          {(grid.week?.groups ?? []).map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
        <label htmlFor="hour-grid-category">{t('hourGrid.category')}</label>
        <select id="hour-grid-category" className="utrecht-select" value={category} onChange={(e) => update({ soort: e.target.value })}>
          {HOUR_CATEGORIES.map((c) => <option key={c} value={c}>{hourCategoryLabel(c)}</option>)}
        </select>
        <Button type="button" appearance="secondary-action-button" onClick={() => void copyPrevious()}>{t('hourGrid.copyPrevious')}</Button>
      </div>
      {notice && <Paragraph role="status">{notice}</Paragraph>}
      <QueryFeedback loading={grid.query.loading} error={grid.query.error} hasData={Boolean(grid.week)} onRetry={grid.query.refetch} />
      <p id="hour-grid-hint" className="portal-muted">{t('hourGrid.keyboardHint')}</p>
      <div role="status" aria-live="polite" className={`hour-grid__status hour-grid__status--${grid.status}`} data-testid="save-status">{statusText}</div>
      {grid.status === 'conflict' && (
        <Alert type="warning">
          <Button type="button" appearance="secondary-action-button" onClick={grid.query.refetch}>{t('hourGrid.reload')}</Button>
        </Alert>
      )}
      {grid.week && grid.week.rows.length === 0 && <Paragraph>{t('hourGrid.empty')}</Paragraph>}
      {grid.week && grid.week.rows.length > 0 && (
        <HourGridTable
          caption={t('hourGrid.caption', { category: hourCategoryLabel(category) })}
          days={grid.week.days}
          rows={grid.week.rows}
          cells={grid.cells}
          onEdit={grid.edit}
          onCorrect={(row, entry) => setCorrecting({ row, entry })}
        />
      )}
      {grid.week && grid.week.total > 0 && (
        <Pagination offset={offset} pageSize={HOUR_GRID_PAGE} total={grid.week.total} onChange={(next) => update({ vanaf: next > 0 ? String(next) : null })} />
      )}
      {correcting && (
        <CorrectionForm
          row={correcting.row}
          entry={correcting.entry}
          onCancel={() => setCorrecting(null)}
          onDone={() => { setCorrecting(null); setNotice(t('hourGrid.correctionSaved')); grid.query.refetch(); }}
        />
      )}
    </>
  );
}
