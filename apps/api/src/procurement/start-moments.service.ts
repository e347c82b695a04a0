import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkCapacityDeclaration, checkStartMoment, type ContractStatus } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { tenantKey } from '../lots/lots.service';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { contractScopeCondition } from './contract-row';
import { startMomentSelect, type StartMomentRow } from './start-moment-row';
import type { DeclareStartMomentInput, UpdateStartMomentInput } from './start-moment.types';

interface ContractForCapacity {
  id: string;
  lot_id: string;
  provider_id: string;
  status: ContractStatus;
  starts_on: string;
  ends_on: string;
}

@Injectable()
export class StartMomentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Start moments the actor may see (a provider its own, a region those on its lots), soonest first. */
  list(actor: Actor, contractId: string | null): Promise<StartMomentRow[]> {
    const scope = tenantScopeOf(actor);
    return this.db.query(
      `SELECT * FROM (${startMomentSelect(`${contractScopeCondition(scope)} AND ($2::uuid IS NULL OR c.id = $2)`)}) s ORDER BY s.starts_on, s.lot_name, s.provider_name`,
      [tenantKey(scope), contractId],
    );
  }

  /** A provider declares a start moment on its own running contract; waiting clients of the lot are offered the new seats. */
  async declare(actor: Actor, input: DeclareStartMomentInput): Promise<StartMomentRow> {
    const providerId = providerScopeOf(actor);
    const contract = await this.contract(input.contractId);
    // Another provider's contract: say so, and nothing about that contract's dates.
    throwIfViolations(checkCapacityDeclaration({ contractProviderId: contract.provider_id, actingProviderId: providerId, contractStatus: contract.status }));
    throwIfViolations(checkStartMoment({ ...input, contractStart: contract.starts_on, contractEnd: contract.ends_on, taken: 0 }));
    const id = await this.db.transaction(async (manager) => {
      const [{ id: startMomentId }] = await manager.query(
        `INSERT INTO start_moment (contract_id, location, starts_on, seats, lesson_days, minutes_per_week, daypart) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [contract.id, input.location.trim(), input.startsOn, input.seats, [...input.lessonDays].sort((a, b) => a - b), input.minutesPerWeek, input.daypart],
      );
      if (input.seats > 0) await enqueueInOutbox(manager, 'placements.offer-waiting', { lotId: contract.lot_id });
      return startMomentId as string;
    });
    return this.get(actor, id);
  }

  /** Changes a start moment; never below the seats already taken. More seats offer them to waiting clients. */
  async update(actor: Actor, input: UpdateStartMomentInput): Promise<StartMomentRow> {
    const providerId = providerScopeOf(actor);
    await this.db.transaction(async (manager) => {
      // Lock the start moment first: the count of taken seats below stays true until this change commits.
      await manager.query(`SELECT 1 FROM start_moment WHERE id = $1 FOR UPDATE`, [input.startMomentId]);
      const [current]: StartMomentRow[] = await manager.query(startMomentSelect('sm.id = $1'), [input.startMomentId]);
      if (!current) throw new NotFoundAppError('Dit instroommoment bestaat niet.');
      const contract = await this.contract(current.contract_id);
      const next = {
        location: input.location ?? current.location,
        startsOn: input.startsOn ?? current.starts_on,
        seats: input.seats ?? current.seats,
        lessonDays: input.lessonDays ?? current.lesson_days,
        minutesPerWeek: input.minutesPerWeek ?? current.minutes_per_week,
        daypart: input.daypart ?? current.daypart,
      };
      throwIfViolations(checkCapacityDeclaration({ contractProviderId: contract.provider_id, actingProviderId: providerId, contractStatus: contract.status }));
      throwIfViolations(checkStartMoment({ ...next, contractStart: contract.starts_on, contractEnd: contract.ends_on, taken: current.taken }));
      await manager.query(
        `UPDATE start_moment SET location = $2, starts_on = $3, seats = $4, lesson_days = $5, minutes_per_week = $6, daypart = $7, updated_at = now() WHERE id = $1`,
        [current.id, next.location.trim(), next.startsOn, next.seats, [...next.lessonDays].sort((a, b) => a - b), next.minutesPerWeek, next.daypart],
      );
      if (next.seats > current.seats) await enqueueInOutbox(manager, 'placements.offer-waiting', { lotId: contract.lot_id });
    });
    return this.get(actor, input.startMomentId);
  }

  private async get(actor: Actor, startMomentId: string): Promise<StartMomentRow> {
    const scope = tenantScopeOf(actor);
    const [row] = await this.db.query(startMomentSelect(`${contractScopeCondition(scope)} AND sm.id = $2`), [tenantKey(scope), startMomentId]);
    if (!row) throw new NotFoundAppError('Dit instroommoment bestaat niet of hoort niet bij uw organisatie.');
    return row;
  }

  /** The contract by id, whoever holds it: the capacity rule itself says when it is another provider's. */
  private async contract(contractId: string): Promise<ContractForCapacity> {
    const [contract] = await this.db.query(`SELECT id, lot_id, provider_id, status, starts_on, ends_on FROM contract WHERE id = $1`, [contractId]);
    if (!contract) throw new NotFoundAppError('Dit contract bestaat niet.');
    return contract;
  }
}
