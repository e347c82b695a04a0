// Intake figures of a contract, lot or region: where the placements stand and how long a start takes
// (DOMAIN §2 step 4 and §5: waiting time from placement request to start; regions procure to avoid waiting lists).
import { CalendarDate, daysBetween } from '../calendar-date';
import type { PlacementStatus } from '../placement-rules';

export const INTAKE_STAGES = ['REQUESTED', 'ACCEPTED', 'STARTED', 'WAITING'] as const;
export type IntakeStage = (typeof INTAKE_STAGES)[number];

/** The placement statuses each intake stage counts; an ended placement counts as started when it had a start date (DOMAIN §2). */
export const INTAKE_STAGE_STATUSES: Readonly<Record<IntakeStage, readonly PlacementStatus[]>> = {
  REQUESTED: ['REQUESTED'],
  ACCEPTED: ['ACCEPTED'],
  STARTED: ['STARTED', 'ENDED'],
  WAITING: ['WAITING'],
};

const INTAKE_STAGE_LABELS: Record<IntakeStage, string> = {
  REQUESTED: 'Aangevraagd',
  ACCEPTED: 'Geaccepteerd',
  STARTED: 'Gestart',
  WAITING: 'Wachtend',
};

export function intakeStageLabel(stage: IntakeStage): string {
  return INTAKE_STAGE_LABELS[stage];
}

/** The intake stage of a placement, or null when it does not count (rejected, withdrawn, or ended without ever starting). */
export function intakeStageOf(status: PlacementStatus, startDate: CalendarDate | null): IntakeStage | null {
  if (status === 'ENDED') return startDate ? 'STARTED' : null;
  return INTAKE_STAGES.find((stage) => INTAKE_STAGE_STATUSES[stage].includes(status)) ?? null;
}

/** Days from the signed PIP to the start of the route; null without both dates or when the start precedes the PIP (a start before the PIP is a data error, not a negative wait). */
export function daysFromPipToStart(pipSignedOn: CalendarDate | null, startDate: CalendarDate | null): number | null {
  if (!pipSignedOn || !startDate) return null;
  const days = daysBetween(pipSignedOn, startDate);
  return days < 0 ? null : days;
}

/** Median of whole days (the middle value; the mean of the two middle values, rounded to a whole day up); null for no values. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.ceil((sorted[middle - 1] + sorted[middle]) / 2);
}

export interface IntakeFigures {
  requested: number;
  accepted: number;
  started: number;
  waiting: number;
  /** Requested + accepted + started + waiting: the placements that count. */
  total: number;
}

/** Adds up placements per stage from counts per (status, has start date) as SQL groups them. */
export function intakeFigures(rows: readonly { status: PlacementStatus; hasStartDate: boolean; count: number }[]): IntakeFigures {
  const figures: IntakeFigures = { requested: 0, accepted: 0, started: 0, waiting: 0, total: 0 };
  for (const row of rows) {
    const stage = intakeStageOf(row.status, row.hasStartDate ? '0000-01-01' : null);
    if (!stage) continue;
    const key = stage.toLowerCase() as Lowercase<IntakeStage>;
    figures[key] += row.count;
    figures.total += row.count;
  }
  return figures;
}
