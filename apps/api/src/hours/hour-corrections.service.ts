import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkCorrection, checkHourRegistration, periodMonthOf, type AbsenceReason, type HourCategory, type HourPeriodStatus } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { ConflictAppError, throwIfViolations } from '../common';
import { HourEntryEntity, HourPeriodEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, providerScopeOf, tenantScopeOf } from '../tenancy';
import { requireHourDate, routeOf, toHourEntry } from './hour-entries';
import { CorrectHourEntryInput, HourCategoryGql, HourEntryType } from './hour.types';

/** Corrections of approved hours: a new revision pointing at the one it corrects, so the history stays. */
@Injectable()
export class HourCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async correct(actor: Actor, input: CorrectHourEntryInput): Promise<HourEntryType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'hourEntry', input.entryId);
    return this.db.transaction(async (manager) => {
      const entries = manager.getRepository(HourEntryEntity);
      const entry = await entries.createQueryBuilder('h')
        .innerJoin('h.placement', 'p')
        .addSelect(['p.id', 'p.route', 'p.startDate', 'p.endedOn'])
        .where('h.id = :id AND h.providerId = :providerId', { id: input.entryId, providerId })
        .setLock('pessimistic_write', undefined, ['h'])
        .getOne();
      if (!entry?.placement) throw this.access.notFound('hourEntry');
      const month = periodMonthOf(entry.lessonDate);
      const period = await manager.getRepository(HourPeriodEntity).findOne({
        select: { id: true, status: true },
        where: { providerId: entry.providerId, municipalityId: entry.municipalityId, month },
      });
      const latestRevision = await entries.maximum('revision', { placementId: entry.placementId, lessonDate: entry.lessonDate, category: entry.category });
      throwIfViolations([
        ...checkCorrection((period?.status ?? 'OPEN') as HourPeriodStatus, month, input.reason),
        ...checkHourRegistration({
          date: entry.lessonDate, category: entry.category as HourCategory, route: routeOf(entry.placement), plannedMinutes: input.plannedMinutes,
          attendedMinutes: input.attendedMinutes, absenceReason: (input.absenceReason ?? null) as AbsenceReason | null, today: this.clock.today(),
          placementStart: entry.placement.startDate, placementEnd: entry.placement.endedOn,
        }).filter((v) => v.code !== 'HOURS_EMPTY'),
      ]);
      if (entry.revision !== latestRevision) {
        throw new ConflictAppError('Deze registratie is intussen al gecorrigeerd. Laad de gegevens opnieuw en corrigeer de nieuwste versie.');
      }
      const correction = await entries.save(entries.create({
        placementId: entry.placementId, clientId: entry.clientId, providerId: entry.providerId, municipalityId: entry.municipalityId,
        lessonDate: entry.lessonDate, category: entry.category, plannedMinutes: input.plannedMinutes, attendedMinutes: input.attendedMinutes,
        absenceReason: input.absenceReason ?? null, revision: entry.revision + 1, correctsEntryId: entry.id, correctionReason: input.reason.trim(),
        enteredByUserId: actor.userId,
      }));
      await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: [entry.placementId] }, actor);
      await logProcessing(manager, actor, 'UPDATE', 'client', [entry.clientId], PURPOSE.PROVIDER_EXECUTION);
      return toHourEntry(await entries.findOneByOrFail({ id: correction.id }));
    });
  }

  /** Every revision of one cell, oldest first: the original registration and its corrections with their reasons. */
  async history(actor: Actor, placementId: string, date: string, category: HourCategoryGql): Promise<HourEntryType[]> {
    const scope = tenantScopeOf(actor);
    if (scope.kind === 'REGION') throw this.access.notFound('placement');
    await this.access.requireOne(actor, 'placement', placementId);
    requireHourDate('date', date);
    const tenant = scope.kind === 'PROVIDER' ? { providerId: scope.providerId } : { municipalityId: scope.municipalityId };
    const rows = await this.db.getRepository(HourEntryEntity).find({
      where: { ...tenant, placementId, lessonDate: date, category },
      order: { revision: 'ASC' },
    });
    if (rows.length > 0) await logProcessing(this.db.manager, actor, 'READ', 'client', [rows[0].clientId], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return rows.map(toHourEntry);
  }
}
