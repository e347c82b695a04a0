import { isHourDateInRange, HOUR_DATE_MAX, HOUR_DATE_MIN, type AbsenceReason, type HourCategory, type Route } from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ValidationAppError } from '../common';
import { HourEntryEntity, type PlacementEntity } from '../database';
import { HourEntryType } from './hour.types';
import type { WrittenCell } from './hour-entry.repository';

/** What the hour services need of a placement (never a BSN or intake detail). */
export type HourPlacement = Pick<PlacementEntity, 'id' | 'clientId' | 'providerId' | 'municipalityId' | 'route' | 'startDate' | 'endedOn' | 'kind'>;

/** The placement columns of an HourPlacement, for a query builder on PlacementEntity aliased `p`. */
export const HOUR_PLACEMENT_SELECT = ['p.id', 'p.clientId', 'p.providerId', 'p.municipalityId', 'p.route', 'p.startDate', 'p.endedOn', 'p.kind'];

/** The route of a placement as the domain rules type it (the column holds a ROUTES value). */
export const routeOf = (placement: Pick<PlacementEntity, 'route'>): Route => placement.route as Route;

/**
 * The current value of each (placement, day, category): the highest revision. Add the filters with `andWhere` on `h`
 * (the query starts with a neutral WHERE so every filter can be an `andWhere`).
 */
export function currentEntries(manager: EntityManager): SelectQueryBuilder<HourEntryEntity> {
  return manager
    .getRepository(HourEntryEntity)
    .createQueryBuilder('h')
    .distinctOn(['h.placement_id', 'h.lesson_date', 'h.category'])
    .where('TRUE')
    .orderBy('h.placement_id')
    .addOrderBy('h.lesson_date')
    .addOrderBy('h.category')
    .addOrderBy('h.revision', 'DESC');
}

export function toHourEntry(entry: WrittenCell): HourEntryType {
  return Object.assign(new HourEntryType(), {
    id: entry.id,
    placementId: entry.placementId,
    date: entry.lessonDate,
    category: entry.category as HourCategory,
    plannedMinutes: entry.plannedMinutes,
    attendedMinutes: entry.attendedMinutes,
    absenceReason: entry.absenceReason as AbsenceReason | null,
    revision: entry.revision,
    correctsEntryId: entry.correctsEntryId,
    correctionReason: entry.correctionReason,
    version: entry.version,
    imported: entry.importBatchId !== null,
    source: entry.source,
    enteredAt: entry.enteredAt,
  });
}

/** Refuses a date outside the range the hours screens accept, before any date arithmetic, as a field error in Dutch. */
export function requireHourDate(field: string, date: string): void {
  if (!isHourDateInRange(date)) {
    throw new ValidationAppError([{
      field, code: 'DATE_OUT_OF_RANGE',
      message: `Kies een datum tussen ${dutch(HOUR_DATE_MIN)} en ${dutch(HOUR_DATE_MAX)}.`,
    }]);
  }
}

const dutch = (date: string): string => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
