import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { capacityOverview, lotSubjectLabel, RUNNING_CONTRACT_STATUSES, seatsFree, type CalendarDate, type LotSubject, type PlacementStatus } from '@inburgering/domain';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Clock } from '../clock';
import { LotMunicipalityEntity, OrganisationEntity, PlacementEntity } from '../database';
import { LotSubjectGql, visibleLotsQuery } from '../lots';
import { type Actor, tenantScopeOf, type ProviderId } from '../tenancy';
import { CapacityOverviewType, LotCapacityType, MunicipalityDemandType, SubjectCapacityType, type CapacityFilterInput } from './capacity.types';
import { startMomentsQuery, withSeatCounts, type WaitingFilter } from './start-moment.repository';

/** Waiting placements on one lot: how many, and since when the longest waits. */
interface LotWaiting {
  lotId: string;
  waiting: number;
  waitingSince: Date | null;
}

/** Waiting placements per lot and municipality. */
interface MunicipalityWaiting extends LotWaiting {
  municipalityId: string;
  municipalityName: string;
  waitingSince: Date;
}

const WAITING: PlacementStatus = 'WAITING';

@Injectable()
export class CapacityOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Seats, taken, free and waiting demand per subject, lot, start moment and municipality, computed live from the
   * placements, so a waiting list shows the day it starts. Scoped like the lots the actor may see.
   */
  async overview(actor: Actor, filter: CapacityFilterInput): Promise<CapacityOverviewType> {
    const scope = tenantScopeOf(actor);
    const lotsQuery = visibleLotsQuery(this.db.manager, scope);
    if (filter.lotId) lotsQuery.andWhere('l.id = :lotId', { lotId: filter.lotId });
    if (filter.subject) lotsQuery.andWhere('l.subject = :subject', { subject: filter.subject });
    if (filter.municipalityId) {
      lotsQuery.andWhere(
        (qb) => `EXISTS ${qb.subQuery().select('1').from(LotMunicipalityEntity, 'fm').where('fm.lot_id = l.id AND fm.municipality_id = :filterMunicipalityId').getQuery()}`,
        { filterMunicipalityId: filter.municipalityId },
      );
    }
    const lots = await lotsQuery.orderBy('l.name').getMany();
    const lotIds = lots.map((lot) => lot.id);
    // Whose waiting clients count: a municipality its own, a provider those on its contracts, a region all.
    const waitingFilter: WaitingFilter = {
      municipalityIds: [...(scope.kind === 'MUNICIPALITY' ? [scope.municipalityId] : []), ...(filter.municipalityId ? [filter.municipalityId] : [])],
      providerId: scope.kind === 'PROVIDER' ? scope.providerId : null,
    };
    const [startMoments, lotWaiting, demand] = lotIds.length === 0 ? [[], [], []] : await Promise.all([
      this.startMoments(lotIds, scope.kind === 'PROVIDER' ? scope.providerId : null, filter.upcomingOnly ? this.clock.today() : null, waitingFilter),
      this.waiting(lotIds, waitingFilter)
        .select('pl.lot_id', 'lotId').addSelect('count(*)::int', 'waiting').addSelect('min(pl.requested_at)', 'waitingSince')
        .groupBy('pl.lot_id')
        .getRawMany<LotWaiting>(),
      this.waiting(lotIds, waitingFilter)
        .innerJoin(OrganisationEntity, 'm', 'm.id = pl.municipality_id')
        .select('pl.lot_id', 'lotId').addSelect('pl.municipality_id', 'municipalityId').addSelect('m.name', 'municipalityName')
        .addSelect('count(*)::int', 'waiting').addSelect('min(pl.requested_at)', 'waitingSince')
        .groupBy('pl.lot_id').addGroupBy('pl.municipality_id').addGroupBy('m.name').orderBy('m.name')
        .getRawMany<MunicipalityWaiting>(),
    ]);
    const waitingByLot = new Map(lotWaiting.map((row) => [row.lotId, row]));
    const seatsByLot = new Map<string, { seats: number; taken: number; free: number }>();
    for (const row of startMoments) {
      const total = seatsByLot.get(row.lotId) ?? { seats: 0, taken: 0, free: 0 };
      total.seats += row.seats;
      total.taken += row.taken;
      total.free += seatsFree(row.seats, row.taken);
      seatsByLot.set(row.lotId, total);
    }
    const lotTypes = lots.map((lot) => {
      const { seats, taken, free } = seatsByLot.get(lot.id) ?? { seats: 0, taken: 0, free: 0 };
      const waiting = waitingByLot.get(lot.id)?.waiting ?? 0;
      return Object.assign(new LotCapacityType(), {
        lotId: lot.id, lotName: lot.name, subject: lot.subject as LotSubjectGql, subjectLabel: lotSubjectLabel(lot.subject as LotSubject),
        seats, taken, free, waiting, shortage: Math.max(0, waiting - free),
        occupancyPercent: seats > 0 ? Math.round((taken / seats) * 1000) / 10 : null, waitingSince: waitingByLot.get(lot.id)?.waitingSince ?? null,
      });
    });
    // Per subject: seats per start moment, and the lot's waiting demand (which may not name a start moment yet).
    const subjects = capacityOverview([
      ...startMoments.map((row) => ({ subject: row.subject as LotSubject, seats: row.seats, taken: row.taken })),
      ...lotTypes.map((lot) => ({ subject: lot.subject as LotSubject, seats: 0, taken: 0, waiting: lot.waiting })),
    ]).map((row) => Object.assign(new SubjectCapacityType(), { ...row, subject: row.subject as LotSubjectGql, subjectLabel: lotSubjectLabel(row.subject) }));
    return Object.assign(new CapacityOverviewType(), {
      subjects,
      lots: lotTypes,
      startMoments,
      waitingByMunicipality: demand.map((row) => Object.assign(new MunicipalityDemandType(), row)),
    });
  }

  /** Start moments on running contracts of these lots (a provider: its own), from `from` on. */
  private async startMoments(lotIds: string[], providerId: ProviderId | null, from: CalendarDate | null, waitingFilter: WaitingFilter) {
    const query = startMomentsQuery(this.db.manager)
      .where('c.lot_id IN (:...lotIds)', { lotIds })
      .andWhere('c.status IN (:...running)', { running: [...RUNNING_CONTRACT_STATUSES] });
    if (providerId) query.andWhere('c.provider_id = :ownProviderId', { ownProviderId: providerId });
    if (from) query.andWhere('sm.starts_on >= :from', { from });
    const startMoments = await query.orderBy('l.name').addOrderBy('sm.startsOn').addOrderBy('p.name').addOrderBy('sm.location').getMany();
    return withSeatCounts(this.db.manager, startMoments, waitingFilter);
  }

  /** Waiting placements on these lots that count for the viewer. */
  private waiting(lotIds: string[], filter: WaitingFilter): SelectQueryBuilder<PlacementEntity> {
    const query = this.db.getRepository(PlacementEntity).createQueryBuilder('pl')
      .where('pl.lot_id IN (:...lotIds) AND pl.status = :waiting', { lotIds, waiting: WAITING });
    (filter.municipalityIds ?? []).forEach((municipalityId, i) => query.andWhere(`pl.municipality_id = :wm${i}`, { [`wm${i}`]: municipalityId }));
    if (filter.providerId) query.andWhere('pl.provider_id = :waitingProviderId', { waitingProviderId: filter.providerId });
    return query;
  }
}
