import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkAbsenceRule, DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
} from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { throwIfViolations } from '../../common';
import { AbsenceRuleEntity } from '../../database';
import { type Actor, municipalityScopeOf } from '../../tenancy';
import { AbsenceRuleType, SaveAbsenceRuleInput } from './absence-rule.types';

/** The absence rules of the actor's own municipality: read (with the defaults when it has none) and saved in one upsert. */
@Injectable()
export class AbsenceRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor): Promise<AbsenceRuleType> {
    const municipalityId = municipalityScopeOf(actor);
    const rule = await this.db.getRepository(AbsenceRuleEntity).findOneBy({ municipalityId });
    if (!rule) {
      return {
        lowAttendancePercent: DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, windowWeeks: DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
        consecutiveUnexcused: DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, isDefault: true,
      };
    }
    return toRule(rule, false);
  }

  async save(actor: Actor, input: SaveAbsenceRuleInput): Promise<AbsenceRuleType> {
    const municipalityId = municipalityScopeOf(actor);
    throwIfViolations(checkAbsenceRule(input));
    const rules = this.db.getRepository(AbsenceRuleEntity);
    await rules.upsert(
      { municipalityId, lowAttendancePercent: input.lowAttendancePercent, windowWeeks: input.windowWeeks, consecutiveUnexcused: input.consecutiveUnexcused },
      ['municipalityId'],
    );
    return toRule(await rules.findOneByOrFail({ municipalityId }), false);
  }
}

function toRule(rule: AbsenceRuleEntity, isDefault: boolean): AbsenceRuleType {
  return { lowAttendancePercent: rule.lowAttendancePercent, windowWeeks: rule.windowWeeks, consecutiveUnexcused: rule.consecutiveUnexcused, isDefault };
}
