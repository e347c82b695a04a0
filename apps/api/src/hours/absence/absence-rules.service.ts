import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkAbsenceRule, DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { throwIfViolations } from '../../common/app-errors';
import type { Actor } from '../../tenancy/actor';
import { municipalityScopeOf } from '../../tenancy/tenant-scope';
import { AbsenceRuleType, SaveAbsenceRuleInput } from './absence-rule.types';

interface RuleRow {
  low_attendance_percent: number;
  window_weeks: number;
  consecutive_unexcused: number;
}

/** The absence rules of the actor's own municipality: read (with the defaults when it has none) and saved in one upsert. */
@Injectable()
export class AbsenceRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor): Promise<AbsenceRuleType> {
    const municipalityId = municipalityScopeOf(actor);
    const [row]: RuleRow[] = await this.db.query(
      `SELECT low_attendance_percent, window_weeks, consecutive_unexcused FROM absence_rule WHERE municipality_id = $1`, [municipalityId]);
    if (!row) {
      return {
        lowAttendancePercent: DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, windowWeeks: DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
        consecutiveUnexcused: DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, isDefault: true,
      };
    }
    return toRule(row, false);
  }

  async save(actor: Actor, input: SaveAbsenceRuleInput): Promise<AbsenceRuleType> {
    const municipalityId = municipalityScopeOf(actor);
    throwIfViolations(checkAbsenceRule(input));
    const [row]: RuleRow[] = await this.db.query(
      `INSERT INTO absence_rule (municipality_id, low_attendance_percent, window_weeks, consecutive_unexcused) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id) DO UPDATE
         SET low_attendance_percent = EXCLUDED.low_attendance_percent, window_weeks = EXCLUDED.window_weeks, consecutive_unexcused = EXCLUDED.consecutive_unexcused
       RETURNING low_attendance_percent, window_weeks, consecutive_unexcused`,
      [municipalityId, input.lowAttendancePercent, input.windowWeeks, input.consecutiveUnexcused],
    );
    return toRule(row, false);
  }
}

function toRule(row: RuleRow, isDefault: boolean): AbsenceRuleType {
  return { lowAttendancePercent: row.low_attendance_percent, windowWeeks: row.window_weeks, consecutiveUnexcused: row.consecutive_unexcused, isDefault };
}
