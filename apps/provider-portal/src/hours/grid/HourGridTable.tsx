import { ABSENCE_REASONS, absenceReasonLabel, formatDateNl, formatHoursNl, isoWeekday } from '@inburgering/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { moveFocusInGrid } from './grid-keyboard';
import { attendedTotal, cellKey, minutesOf, type CellField, type CellState, type GridEntry, type GridRow } from './grid-state';

const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const REASONS = ABSENCE_REASONS;

export const dayLabel = (date: string): string => `${WEEKDAYS[isoWeekday(date) - 1]} ${formatDateNl(date)}`;

interface HourGridTableProps {
  caption: string;
  days: readonly string[];
  rows: readonly GridRow[];
  cells: Map<string, CellState>;
  onEdit: (placementId: string, date: string, field: CellField, value: string) => void;
  onCorrect: (row: GridRow, entry: GridEntry) => void;
}

/** Clients as rows, days as columns: planned and attended hours per cell, a reason when hours were missed, totals per row and column. */
export function HourGridTable({ caption, days, rows, cells, onEdit, onCorrect }: HourGridTableProps) {
  const { t } = useTranslation();
  const columnTotals = days.map((day) => attendedTotal(rows.map((row) => cells.get(cellKey(row.placementId, day)))));
  return (
    <div className="hour-grid__scroll">
      <table className="hour-grid utrecht-table" onKeyDown={moveFocusInGrid} aria-describedby="hour-grid-hint">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr>
            <th scope="col" className="utrecht-table__header-cell">{t('hourGrid.client')}</th>
            {/* The date stays whole: on a phone the heading breaks after the weekday, never inside "23-11-2026". */}
            {days.map((day) => (
              <th key={day} scope="col" className="utrecht-table__header-cell">
                {WEEKDAYS[isoWeekday(day) - 1]} <span className="portal-nowrap">{formatDateNl(day)}</span>
              </th>
            ))}
            <th scope="col" className="utrecht-table__header-cell hour-grid__number">{t('hourGrid.total')}</th>
          </tr>
          <tr>
            <td className="utrecht-table__cell" />
            {days.map((day) => (
              <th key={day} scope="col" className="utrecht-table__header-cell hour-grid__subheads">
                <span>{t('hourGrid.planned')}</span><span>{t('hourGrid.attended')}</span>
              </th>
            ))}
            <td className="utrecht-table__cell" />
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row, r) => {
            const rowCells = days.map((day) => cells.get(cellKey(row.placementId, day)));
            return (
              <tr key={row.placementId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell hour-grid__client">
                  <Link to={`/voortgang?client=${encodeURIComponent(row.clientId)}`}>{row.clientName}</Link>
                  <span className="hour-grid__meta">{row.clientNumber} · {row.municipalityName}</span>
                </th>
                {days.map((day, c) => {
                  const cell = rowCells[c];
                  if (!cell) return <td key={day} className="utrecht-table__cell" />;
                  const fromList = cell.entry?.source === 'PRESENCE_LIST';
                  const locked = row.lockedDates.includes(day) || fromList;
                  const outside = (row.startDate !== null && day < row.startDate) || (row.endedOn !== null && day > row.endedOn);
                  const missed = (minutesOf(cell.attended) ?? 0) < (minutesOf(cell.planned) ?? 0);
                  const label = { client: row.clientName, day: dayLabel(day) };
                  const errorId = `err-${row.placementId}-${day}`;
                  const common = { 'data-row': r, 'data-col': c, disabled: locked || outside, 'aria-invalid': cell.error ? true : undefined, 'aria-describedby': cell.error ? errorId : undefined };
                  return (
                    <td key={day} className={`utrecht-table__cell hour-grid__cell${locked ? ' hour-grid__cell--locked' : ''}`}>
                      <span className="hour-grid__inputs">
                        <input className="utrecht-textbox hour-grid__input" inputMode="decimal" autoComplete="off" aria-label={t('hourGrid.plannedLabel', label)} title={t('hourGrid.planned')}
                          data-field="planned" value={cell.planned} onChange={(e) => onEdit(row.placementId, day, 'planned', e.target.value)} {...common} />
                        <input className="utrecht-textbox hour-grid__input" inputMode="decimal" autoComplete="off" aria-label={t('hourGrid.attendedLabel', label)} title={t('hourGrid.attended')}
                          data-field="attended" value={cell.attended} onChange={(e) => onEdit(row.placementId, day, 'attended', e.target.value)} {...common} />
                      </span>
                      {missed && (
                        <select className="utrecht-select hour-grid__reason" aria-label={t('hourGrid.reasonLabel', label)} data-field="reason" value={cell.reason}
                          onChange={(e) => onEdit(row.placementId, day, 'reason', e.target.value)} {...common}>
                          <option value="">{t('hourGrid.reason')}</option>
                          {REASONS.map((reason) => <option key={reason} value={reason}>{absenceReasonLabel(reason)}</option>)}
                        </select>
                      )}
                      {fromList && <span className="hour-grid__meta" title={t('hourGrid.fromListHint')}>{t('hourGrid.fromList')}</span>}
                      {locked && !fromList && <span className="hour-grid__meta" title={t('hourGrid.lockedHint')}>{t('hourGrid.locked')}</span>}
                      {locked && !fromList && cell.entry && (
                        <button type="button" className="utrecht-button utrecht-button--subtle hour-grid__correct" onClick={() => onCorrect(row, cell.entry!)}
                          aria-label={`${t('hourGrid.correct')} ${label.client} ${label.day}`}>{t('hourGrid.correct')}</button>
                      )}
                      {cell.entry && cell.entry.revision > 0 && <span className="hour-grid__meta hour-grid__corrected">{t('hourGrid.corrected', { reason: cell.entry.correctionReason ?? '' })}</span>}
                      {cell.error && <span id={errorId} className="hour-grid__error">{cell.error}</span>}
                    </td>
                  );
                })}
                <td className="utrecht-table__cell hour-grid__number" data-testid="row-total">{formatHoursNl(attendedTotal(rowCells))}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">{t('hourGrid.columnTotal')}</th>
            {columnTotals.map((total, i) => <td key={days[i]} className="utrecht-table__cell hour-grid__number">{formatHoursNl(total)}</td>)}
            <td className="utrecht-table__cell hour-grid__number" data-testid="grand-total">{formatHoursNl(columnTotals.reduce((a, b) => a + b, 0))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
