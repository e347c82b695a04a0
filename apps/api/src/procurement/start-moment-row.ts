import { daypartLabel, seatsFree, type Daypart } from '@inburgering/domain';
import { LotSubjectGql } from '../lots/lot.types';
import { DaypartGql, StartMomentType } from './start-moment.types';

export interface StartMomentRow {
  id: string;
  contract_id: string;
  lot_id: string;
  lot_name: string;
  subject: string;
  region_id: string;
  provider_id: string;
  provider_name: string;
  contract_status: string;
  location: string;
  starts_on: string;
  seats: number;
  lesson_days: number[];
  minutes_per_week: number;
  daypart: string;
  taken: number;
  waiting: number;
}

/**
 * Start moments with seats taken (ACCEPTED or STARTED placements) and waiting demand (WAITING placements on it);
 * `municipalityFilter` is a condition on pl (the placement) that limits the counts, e.g. to one municipality.
 */
export function startMomentSelect(where: string, municipalityFilter = 'true'): string {
  return `
  SELECT sm.id, sm.contract_id, c.lot_id, l.name AS lot_name, l.subject, l.region_id, c.provider_id, p.name AS provider_name, c.status AS contract_status,
         sm.location, sm.starts_on, sm.seats, sm.lesson_days, sm.minutes_per_week, sm.daypart,
         count(pl.id) FILTER (WHERE pl.status IN ('ACCEPTED', 'STARTED'))::int AS taken,
         count(pl.id) FILTER (WHERE pl.status = 'WAITING' AND ${municipalityFilter})::int AS waiting
    FROM start_moment sm JOIN contract c ON c.id = sm.contract_id JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id
    LEFT JOIN placement pl ON pl.start_moment_id = sm.id AND pl.status IN ('ACCEPTED', 'STARTED', 'WAITING')
   WHERE ${where}
   GROUP BY sm.id, c.id, l.id, p.id`;
}

export function toStartMomentType(row: StartMomentRow): StartMomentType {
  return Object.assign(new StartMomentType(), {
    id: row.id,
    contractId: row.contract_id,
    lotId: row.lot_id,
    lotName: row.lot_name,
    subject: row.subject as LotSubjectGql,
    providerId: row.provider_id,
    providerName: row.provider_name,
    location: row.location,
    startsOn: row.starts_on,
    seats: row.seats,
    taken: row.taken,
    free: seatsFree(row.seats, row.taken),
    waiting: row.waiting,
    lessonDays: row.lesson_days,
    minutesPerWeek: row.minutes_per_week,
    daypart: row.daypart as DaypartGql,
    daypartLabel: daypartLabel(row.daypart as Daypart),
  });
}
