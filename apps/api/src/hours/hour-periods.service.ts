import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addMonths, checkPeriodTransition, periodMonthOf, PROVIDER_VISIBLE_CLIENT_STATUSES, type HourPeriodStatus } from '@inburgering/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { NotFoundAppError, requirePage, throwIfViolations } from '../common';
import { HourPeriodEntity, PlacementEntity } from '../database';
import { recordDuoHours } from '../duo';
import { enqueueInOutbox } from '../outbox';
import { type Actor, municipalityScopeOf, providerScopeOf, tenantScopeOf, type MunicipalityId, type ProviderId } from '../tenancy';
import { requireHourDate } from './hour-entries';
import { periodSummaries, periodSummary, type HourPeriodSummary } from './hour-entry.repository';
import { HourPeriodPageType, HourPeriodStatusGql, HourPeriodType, RejectHourPeriodInput, SubmitHourPeriodInput } from './hour.types';

const SUBMITTED: HourPeriodStatus = 'SUBMITTED';
const APPROVED: HourPeriodStatus = 'APPROVED';
const OPEN: HourPeriodStatus = 'OPEN';

/** At most this many hour months per page (an answer well under 200 KB). */
export const MAX_HOUR_PERIOD_PAGE = 200;

const toType = (summary: HourPeriodSummary): HourPeriodType => Object.assign(new HourPeriodType(), summary);

/** Months of hours per provider and municipality: submitted by the provider, approved (locked) or sent back by the municipality. */
@Injectable()
export class HourPeriodsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** One page of the hour months of the last 12 months, newest first, with the total over all pages. */
  async list(actor: Actor, status: HourPeriodStatusGql | null, limit: number, offset: number): Promise<HourPeriodPageType> {
    requirePage(limit, offset, MAX_HOUR_PERIOD_PAGE, 'urenmaanden');
    const scope = tenantScopeOf(actor);
    if (scope.kind === 'REGION') return Object.assign(new HourPeriodPageType(), { items: [], total: 0 });
    const from = addMonths(periodMonthOf(this.clock.today()), -12);
    const tenant = scope.kind === 'PROVIDER' ? { providerId: scope.providerId } : { municipalityId: scope.municipalityId };
    const page = await periodSummaries(this.db.manager, { ...tenant, from, status }, { limit, offset });
    return Object.assign(new HourPeriodPageType(), { items: page.items.map(toType), total: page.total });
  }

  async submit(actor: Actor, input: SubmitHourPeriodInput): Promise<HourPeriodType> {
    const providerId = providerScopeOf(actor);
    requireHourDate('month', input.month);
    const month = periodMonthOf(input.month);
    return this.db.transaction(async (manager) => {
      // Only placements the provider accepted count: one waiting or withdrawn before an offer was never the provider's.
      const known = await manager.getRepository(PlacementEntity).existsBy({ providerId, municipalityId: input.municipalityId, status: In([...PROVIDER_VISIBLE_CLIENT_STATUSES]) });
      if (!known) throw new NotFoundAppError('U heeft geen plaatsingen van deze gemeente.');
      await manager.createQueryBuilder().insert().into(HourPeriodEntity)
        .values({ providerId, municipalityId: input.municipalityId, month })
        .orIgnore()
        .execute();
      const periods = manager.getRepository(HourPeriodEntity);
      const period = await periods.createQueryBuilder('hp')
        .select(['hp.id', 'hp.status'])
        .where('hp.providerId = :providerId AND hp.municipalityId = :municipalityId AND hp.month = :month', { providerId, municipalityId: input.municipalityId, month })
        .setLock('pessimistic_write')
        .getOneOrFail();
      throwIfViolations(checkPeriodTransition(period.status as HourPeriodStatus, SUBMITTED, month));
      await periods.update(period.id, { status: SUBMITTED, submittedAt: this.clock.now(), submittedByUserId: actor.userId, rejectionReason: null });
      // The job looks up the month's placements itself: reading them here took the largest provider's hour rows of the
      // month (some 27,000, 2,500 pages at national scale) while this transaction holds the month's row lock.
      await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: [], month: { municipalityId: input.municipalityId, month } }, actor);
      return this.one(manager, period.id, { providerId });
    });
  }

  approve(actor: Actor, periodId: string): Promise<HourPeriodType> {
    return this.decide(actor, periodId, APPROVED, null);
  }

  reject(actor: Actor, input: RejectHourPeriodInput): Promise<HourPeriodType> {
    return this.decide(actor, input.periodId, OPEN, input.reason);
  }

  private async decide(actor: Actor, periodId: string, to: HourPeriodStatus, reason: string | null): Promise<HourPeriodType> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'hourPeriod', periodId);
    return this.db.transaction(async (manager) => {
      const periods = manager.getRepository(HourPeriodEntity);
      const period = await periods.createQueryBuilder('hp')
        .select(['hp.id', 'hp.status', 'hp.month'])
        .where('hp.id = :periodId AND hp.municipalityId = :municipalityId', { periodId, municipalityId })
        .setLock('pessimistic_write')
        .getOne();
      if (!period) throw this.access.notFound('hourPeriod');
      throwIfViolations(checkPeriodTransition(period.status as HourPeriodStatus, to, period.month, reason));
      await periods.update(period.id, { status: to, decidedAt: this.clock.now(), decidedByUserId: actor.userId, rejectionReason: reason?.trim() ?? null });
      if (to === APPROVED) await recordDuoHours(manager, period.id, actor);
      return this.one(manager, period.id, { municipalityId });
    });
  }

  /** One period with its totals (the maintained monthly total: no hour rows are read while the period row is locked). */
  private async one(manager: EntityManager, periodId: string, tenant: { providerId: ProviderId } | { municipalityId: MunicipalityId }): Promise<HourPeriodType> {
    const summary = await periodSummary(manager, periodId, tenant);
    if (!summary) throw this.access.notFound('hourPeriod');
    return toType(summary);
  }
}
