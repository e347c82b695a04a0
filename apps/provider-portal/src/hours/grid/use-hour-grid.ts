import { HourWeekDocument, SaveHourEntriesDocument, type HourCategory, type HourCellInput, type HourWeekQuery } from '@inburgering/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphqlRequestError } from '../../graphql/graphql-error';
import { graphqlRequest } from '../../graphql/request';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { cellKey, cellsFromWeek, minutesOf, withField, type CellField, type CellState } from './grid-state';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'error';

const AUTOSAVE_DELAY_MS = 600;

/** One page of the week's cells of one category, with autosave: changed cells are sent together, each with the version it was read at. */
export function useHourGrid(weekStart: string, groupName: string | null, category: HourCategory, limit: number, offset: number) {
  const { t } = useTranslation();
  const query = useGraphqlQuery(HourWeekDocument, { weekStart, groupName, limit, offset });
  const week: HourWeekQuery['hourWeek'] | undefined = query.data?.hourWeek;
  const [cells, setCells] = useState<Map<string, CellState>>(new Map());
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const dirty = useRef(new Set<string>());
  const cellsRef = useRef(cells);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  cellsRef.current = cells;

  useEffect(() => {
    if (!week) return;
    dirty.current.clear();
    setCells(cellsFromWeek(week.rows, week.days, category));
    setStatus('idle');
    setMessage(null);
  }, [week, category]);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current || dirty.current.size === 0) return;
    const keys = [...dirty.current];
    const inputs: HourCellInput[] = [];
    const sent: string[] = [];
    const next = new Map(cellsRef.current);
    for (const key of keys) {
      const cell = next.get(key);
      if (!cell) continue;
      const [placementId, date] = key.split('|');
      const planned = minutesOf(cell.planned);
      const attended = minutesOf(cell.attended);
      if (planned === null || attended === null) {
        next.set(key, { ...cell, error: t('hourGrid.invalidHours') });
        continue;
      }
      inputs.push({ placementId, date, category, plannedMinutes: planned, attendedMinutes: attended, absenceReason: attended < planned && cell.reason ? cell.reason : null, version: cell.version });
      sent.push(key);
    }
    setCells(next);
    for (const key of sent) dirty.current.delete(key);
    if (inputs.length === 0) {
      setStatus('error');
      return;
    }
    saving.current = true;
    setStatus('saving');
    try {
      const { saveHourEntries } = await graphqlRequest(SaveHourEntriesDocument, { input: { cells: inputs } });
      setCells((current) => {
        const updated = new Map(current);
        for (const key of sent) {
          const cell = updated.get(key);
          if (!cell) continue;
          const [placementId, date] = key.split('|');
          const entry = saveHourEntries.saved.find((e) => e.placementId === placementId && e.date === date) ?? null;
          updated.set(key, { ...cell, version: entry?.version ?? null, entry });
        }
        return updated;
      });
      setStatus(dirty.current.size > 0 ? 'dirty' : 'saved');
      setMessage(null);
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
      if (error.code === 'CONFLICT') {
        setStatus('conflict');
        setMessage(t('hourGrid.conflict'));
      } else {
        for (const key of sent) dirty.current.add(key);
        setCells((current) => {
          const updated = new Map(current);
          for (const field of error.fields) {
            const match = /^cells\.(\d+)/.exec(field.field);
            const key = match ? sent[Number(match[1])] : undefined;
            const cell = key ? updated.get(key) : undefined;
            if (key && cell) updated.set(key, { ...cell, error: field.message });
          }
          return updated;
        });
        setStatus('error');
        setMessage(error.message);
      }
    } finally {
      saving.current = false;
      if (dirty.current.size > 0 && !timer.current) timer.current = setTimeout(() => { timer.current = null; void save(); }, AUTOSAVE_DELAY_MS);
    }
  }, [category, t]);

  const edit = useCallback((placementId: string, date: string, field: CellField, value: string) => {
    const key = cellKey(placementId, date);
    setCells((current) => {
      const cell = current.get(key);
      if (!cell) return current;
      const updated = new Map(current);
      updated.set(key, withField(cell, field, value));
      return updated;
    });
    dirty.current.add(key);
    setStatus((s) => (s === 'conflict' ? s : 'dirty'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => { timer.current = null; void save(); }, AUTOSAVE_DELAY_MS);
  }, [save]);

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  return { query, week, cells, status, message, edit, flush: save };
}
