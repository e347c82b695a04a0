import { daypartLabel, seatsFree, SEAT_TAKING_PLACEMENT_STATUSES, type Daypart, type PlacementStatus } from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { PlacementEntity, StartMomentEntity, type ContractEntity, type LotEntity, type OrganisationEntity } from '../database';
import type { LotSubjectGql } from '../lots';
import type { ProviderId } from '../tenancy';
import { type DaypartGql, StartMomentType } from './start-moment.types';

/** A start moment with the contract it hangs from, and that contract's lot and provider. */
export type StartMomentWithContract = StartMomentEntity & { contract: ContractEntity & { lot: LotEntity; provider: OrganisationEntity } };

/** Seats taken (ACCEPTED or STARTED placements) and demand waiting (WAITING placements) on one start moment. */
export interface SeatCounts {
  startMomentId: string;
  taken: number;
  waiting: number;
}

/** Whose waiting placements count: all unless limited to a municipality and/or provider. */
export interface WaitingFilter {
  municipalityIds?: readonly string[];
  providerId?: ProviderId | null;
}

const WAITING: PlacementStatus = 'WAITING';

/** Start moments joined with contract (`c`), lot (`l`) and provider (`p`); the caller adds its where and order. */
export function startMomentsQuery(manager: EntityManager): SelectQueryBuilder<StartMomentWithContract> {
  return manager.getRepository(StartMomentEntity).createQueryBuilder('sm')
    .innerJoinAndSelect('sm.contract', 'c')
    .innerJoinAndSelect('c.lot', 'l')
    .innerJoinAndSelect('c.provider', 'p') as SelectQueryBuilder<StartMomentWithContract>;
}

/** Taken and waiting per start moment, in one aggregate query. */
export async function seatCounts(manager: EntityManager, startMomentIds: readonly string[], filter: WaitingFilter = {}): Promise<Map<string, SeatCounts>> {
  if (startMomentIds.length === 0) return new Map();
  const waitingConditions = [`pl.status = :waiting`];
  for (const [i] of (filter.municipalityIds ?? []).entries()) waitingConditions.push(`pl.municipality_id = :m${i}`);
  if (filter.providerId) waitingConditions.push('pl.provider_id = :providerId');
  const query = manager.getRepository(PlacementEntity).createQueryBuilder('pl')
    .select('pl.start_moment_id', 'startMomentId')
    .addSelect(`count(*) FILTER (WHERE pl.status IN (:...seatTaking))::int`, 'taken')
    .addSelect(`count(*) FILTER (WHERE ${waitingConditions.join(' AND ')})::int`, 'waiting')
    .where('pl.start_moment_id IN (:...ids)', { ids: [...startMomentIds] })
    .andWhere('pl.status IN (:...counted)', { counted: [...SEAT_TAKING_PLACEMENT_STATUSES, WAITING] })
    .setParameters({ seatTaking: [...SEAT_TAKING_PLACEMENT_STATUSES], waiting: WAITING, providerId: filter.providerId ?? null })
    .groupBy('pl.start_moment_id');
  (filter.municipalityIds ?? []).forEach((id, i) => query.setParameter(`m${i}`, id));
  const rows = await query.getRawMany<SeatCounts>();
  return new Map(rows.map((row) => [row.startMomentId, row]));
}

/** Start moments with their seat counts, in the order given. */
export async function withSeatCounts(
  manager: EntityManager, startMoments: StartMomentWithContract[], filter: WaitingFilter = {},
): Promise<StartMomentType[]> {
  const counts = await seatCounts(manager, startMoments.map((sm) => sm.id), filter);
  return startMoments.map((sm) => toStartMomentType(sm, counts.get(sm.id)));
}

export function toStartMomentType(sm: StartMomentWithContract, counts: Pick<SeatCounts, 'taken' | 'waiting'> = { taken: 0, waiting: 0 }): StartMomentType {
  return Object.assign(new StartMomentType(), {
    id: sm.id,
    contractId: sm.contractId,
    lotId: sm.contract.lotId,
    lotName: sm.contract.lot.name,
    subject: sm.contract.lot.subject as LotSubjectGql,
    providerId: sm.contract.providerId,
    providerName: sm.contract.provider.name,
    location: sm.location,
    startsOn: sm.startsOn,
    seats: sm.seats,
    taken: counts.taken,
    free: seatsFree(sm.seats, counts.taken),
    waiting: counts.waiting,
    lessonDays: sm.lessonDays,
    minutesPerWeek: sm.minutesPerWeek,
    daypart: sm.daypart as DaypartGql,
    daypartLabel: daypartLabel(sm.daypart as Daypart),
  });
}
