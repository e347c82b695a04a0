import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkCapacityDeclaration, checkStartMoment, SEAT_TAKING_PLACEMENT_STATUSES } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService, scopeToContracts } from '../access';
import { throwIfViolations } from '../common';
import { ContractEntity, PlacementEntity, StartMomentEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, providerScopeOf, tenantScopeOf } from '../tenancy';
import { startMomentsQuery, withSeatCounts } from './start-moment.repository';
import type { DeclareStartMomentInput, StartMomentType, UpdateStartMomentInput } from './start-moment.types';

const sortedDays = (days: readonly number[]) => [...days].sort((a, b) => a - b);

@Injectable()
export class StartMomentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Start moments the actor may see (a provider its own, a region those on its lots), soonest first. */
  async list(actor: Actor, contractId: string | null): Promise<StartMomentType[]> {
    const scope = tenantScopeOf(actor);
    const query = scopeToContracts(startMomentsQuery(this.db.manager), scope);
    if (!query) return [];
    if (contractId) {
      const [allowed] = await this.access.allowed(actor, 'contract', [contractId]);
      if (!allowed) return [];
      query.andWhere('sm.contract_id = :contractId', { contractId: allowed });
    }
    const startMoments = await query.orderBy('sm.startsOn').addOrderBy('l.name').addOrderBy('p.name').getMany();
    return withSeatCounts(this.db.manager, startMoments);
  }

  /** A provider declares a start moment on its own running contract; waiting clients of the lot are offered the new seats. */
  async declare(actor: Actor, input: DeclareStartMomentInput): Promise<StartMomentType> {
    const providerId = providerScopeOf(actor);
    // Another provider's contract answers exactly like an unknown one.
    await this.access.requireOne(actor, 'contract', input.contractId);
    const contract = await this.db.getRepository(ContractEntity).findOneBy({ id: input.contractId });
    if (!contract) throw this.access.notFound('contract');
    throwIfViolations(checkCapacityDeclaration({ contractProviderId: contract.providerId, actingProviderId: providerId, contractStatus: contract.status }));
    throwIfViolations(checkStartMoment({ ...input, contractStart: contract.startsOn, contractEnd: contract.endsOn, taken: 0 }));
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(StartMomentEntity).insert({
        contractId: contract.id, location: input.location.trim(), startsOn: input.startsOn, seats: input.seats, lessonDays: sortedDays(input.lessonDays),
        minutesPerWeek: input.minutesPerWeek, daypart: input.daypart,
      });
      if (input.seats > 0) await enqueueInOutbox(manager, 'placements.offer-waiting', { lotId: contract.lotId }, actor);
      return (inserted.identifiers[0] as Pick<StartMomentEntity, 'id'>).id;
    });
    return this.get(id);
  }

  /** Changes a start moment; never below the seats already taken. More seats offer them to waiting clients. */
  async update(actor: Actor, input: UpdateStartMomentInput): Promise<StartMomentType> {
    const providerId = providerScopeOf(actor);
    // Another provider's start moment answers exactly like an unknown one.
    await this.access.requireOne(actor, 'startMoment', input.startMomentId);
    await this.db.transaction(async (manager) => {
      // Lock the start moment first: the count of taken seats below stays true until this change commits.
      const current = await manager.getRepository(StartMomentEntity).createQueryBuilder('sm')
        .innerJoinAndSelect('sm.contract', 'c')
        .where('sm.id = :id', { id: input.startMomentId })
        .setLock('pessimistic_write', undefined, ['sm'])
        .getOne();
      if (!current?.contract) throw this.access.notFound('startMoment');
      const contract = current.contract;
      const taken = await manager.getRepository(PlacementEntity).createQueryBuilder('pl')
        .where('pl.start_moment_id = :id AND pl.status IN (:...seatTaking)', { id: current.id, seatTaking: [...SEAT_TAKING_PLACEMENT_STATUSES] })
        .getCount();
      const next = {
        location: input.location ?? current.location,
        startsOn: input.startsOn ?? current.startsOn,
        seats: input.seats ?? current.seats,
        lessonDays: input.lessonDays ?? current.lessonDays,
        minutesPerWeek: input.minutesPerWeek ?? current.minutesPerWeek,
        daypart: input.daypart ?? current.daypart,
      };
      throwIfViolations(checkCapacityDeclaration({ contractProviderId: contract.providerId, actingProviderId: providerId, contractStatus: contract.status }));
      throwIfViolations(checkStartMoment({ ...next, contractStart: contract.startsOn, contractEnd: contract.endsOn, taken }));
      await manager.getRepository(StartMomentEntity).update({ id: current.id }, {
        location: next.location.trim(), startsOn: next.startsOn, seats: next.seats, lessonDays: sortedDays(next.lessonDays),
        minutesPerWeek: next.minutesPerWeek, daypart: next.daypart,
      });
      if (next.seats > current.seats) await enqueueInOutbox(manager, 'placements.offer-waiting', { lotId: contract.lotId }, actor);
    });
    return this.get(input.startMomentId);
  }

  /** One start moment the caller has already been allowed to see. */
  private async get(startMomentId: string): Promise<StartMomentType> {
    const startMoment = await startMomentsQuery(this.db.manager).where('sm.id = :id', { id: startMomentId }).getOne();
    if (!startMoment) throw this.access.notFound('startMoment');
    const [type] = await withSeatCounts(this.db.manager, [startMoment]);
    return type;
  }
}
