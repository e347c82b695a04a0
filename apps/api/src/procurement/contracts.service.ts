import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam, checkContractStatusTransition, checkContractWithinLotPeriod, checkKeurmerkForContract, checkPriceModel, lotEndForContract,
  type ContractStatus, type RuleViolation,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictAppError, NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { tenantKey } from '../lots/lots.service';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { regionScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { diffContract, initialChanges, type ContractValues } from './contract-changes';
import { CONTRACT_SELECT, contractScopeCondition, type ContractRow } from './contract-row';
import type { ContractStatusGql, CreateContractInput, UpdateContractInput } from './contract.types';
import { toPriceModel } from './price-model.types';

@Injectable()
export class ContractsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The contracts the actor may see: a region those on its lots, a provider its own. */
  list(actor: Actor, lotId: string | null, status: ContractStatusGql | null): Promise<ContractRow[]> {
    const scope = tenantScopeOf(actor);
    return this.db.query(
      `${CONTRACT_SELECT} WHERE ${contractScopeCondition(scope)} AND ($2::uuid IS NULL OR c.lot_id = $2) AND ($3::text IS NULL OR c.status = $3)
        ORDER BY l.name, p.name`,
      [tenantKey(scope), lotId, status],
    );
  }

  async get(actor: Actor, contractId: string, manager: Pick<EntityManager, 'query'> = this.db, lock = false): Promise<ContractRow> {
    const scope = tenantScopeOf(actor);
    const [row] = await manager.query(
      `${CONTRACT_SELECT} WHERE ${contractScopeCondition(scope)} AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [tenantKey(scope), contractId],
    );
    if (!row) throw new NotFoundAppError('Dit contract bestaat niet of hoort niet bij uw organisatie.');
    return row;
  }

  /** Awards a lot of the actor's region to a provider; the first version in the history holds the initial values. */
  async create(actor: Actor, input: CreateContractInput): Promise<ContractRow> {
    const regionId = regionScopeOf(actor);
    const [lot] = await this.db.query(`SELECT * FROM lot WHERE id = $1 AND region_id = $2`, [input.lotId, regionId]);
    if (!lot) throw new NotFoundAppError('Dit perceel bestaat niet of hoort niet bij uw regio.');
    const [provider] = await this.db.query(`SELECT * FROM organisation WHERE id = $1 AND kind = 'PROVIDER'`, [input.providerId]);
    const violations: RuleViolation[] = [];
    if (!provider) violations.push({ field: 'providerId', code: 'PROVIDER_UNKNOWN', message: 'Kies een aanbieder uit de lijst.' });
    const [existing] = await this.db.query(`SELECT 1 FROM contract WHERE lot_id = $1 AND provider_id = $2`, [input.lotId, input.providerId]);
    if (existing) violations.push({ field: 'providerId', code: 'CONTRACT_EXISTS', message: 'Deze aanbieder heeft al een contract op dit perceel.' });
    const values: ContractValues = {
      status: input.status as ContractStatus,
      startsOn: input.startDate,
      endsOn: input.endDate,
      priceModel: input.priceModel ? toPriceModel(input.priceModel) : null,
      ceilingCents: input.ceilingCents ?? null,
    };
    violations.push(...this.ruleViolations(values, {
      subject: lot.subject, lotStart: lot.period_start, lotEnd: lot.period_end, maxExtensionMonths: lot.max_extension_months,
      keurmerkValidUntil: provider?.keurmerk_valid_until ?? null, isTaalschakelInstitution: provider?.is_taalschakel_institution ?? false,
    }, !!provider));
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const [{ id: contractId }] = await manager.query(
        `INSERT INTO contract (lot_id, provider_id, status, starts_on, ends_on, price_model, ceiling_cents, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
        [input.lotId, input.providerId, values.status, values.startsOn, values.endsOn, values.priceModel ? JSON.stringify(values.priceModel) : null, values.ceilingCents],
      );
      await manager.query(
        `INSERT INTO contract_version (contract_id, version, changed_by_user_id, changes, reason) VALUES ($1, 1, $2, $3, $4)`,
        [contractId, actor.userId, JSON.stringify(initialChanges(values)),
          input.reason?.trim() || 'Gunning'],
      );
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: input.providerId });
      return contractId as string;
    });
    return this.get(actor, id);
  }

  /** Changes a contract of the actor's region: checked like a new one, refused when someone else changed it first, kept in the history. */
  async update(actor: Actor, input: UpdateContractInput): Promise<ContractRow> {
    regionScopeOf(actor);
    await this.db.transaction(async (manager) => {
      const row = await this.get(actor, input.contractId, manager, true);
      if (row.version !== input.expectedVersion) {
        throw new ConflictAppError('Het contract is intussen door iemand anders gewijzigd. Laad het opnieuw en voer uw wijziging nog eens in.');
      }
      const before: ContractValues = {
        status: row.status, startsOn: row.starts_on, endsOn: row.ends_on, priceModel: row.price_model,
        ceilingCents: row.ceiling_cents === null ? null : Number(row.ceiling_cents),
      };
      const after: ContractValues = {
        status: (input.status as ContractStatus | null) ?? before.status,
        startsOn: input.startDate ?? before.startsOn,
        endsOn: input.endDate ?? before.endsOn,
        priceModel: input.priceModel ? toPriceModel(input.priceModel) : before.priceModel,
        ceilingCents: input.ceilingCents ?? before.ceilingCents,
      };
      const changes = diffContract(before, after);
      const violations = [
        ...checkContractStatusTransition(before.status, after.status),
        ...this.ruleViolations(after, {
          subject: row.subject, lotStart: row.lot_start, lotEnd: row.lot_end, maxExtensionMonths: row.max_extension_months,
          keurmerkValidUntil: row.keurmerk_valid_until, isTaalschakelInstitution: row.is_taalschakel_institution,
        }, true),
      ];
      if (Object.keys(changes).length === 0) violations.push({ field: 'reason', code: 'CONTRACT_UNCHANGED', message: 'Er is niets gewijzigd aan het contract.' });
      throwIfViolations(violations);
      const version = row.version + 1;
      await manager.query(
        `UPDATE contract SET status = $2, starts_on = $3, ends_on = $4, price_model = $5, ceiling_cents = $6, version = $7, updated_at = now() WHERE id = $1`,
        [row.id, after.status, after.startsOn, after.endsOn, after.priceModel ? JSON.stringify(after.priceModel) : null, after.ceilingCents, version],
      );
      await manager.query(
        `INSERT INTO contract_version (contract_id, version, changed_by_user_id, changes, reason) VALUES ($1, $2, $3, $4, $5)`,
        [row.id, version, actor.userId, JSON.stringify(changes), input.reason.trim()],
      );
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: row.provider_id });
    });
    return this.get(actor, input.contractId);
  }

  private ruleViolations(
    values: ContractValues,
    context: { subject: ContractRow['subject']; lotStart: string; lotEnd: string; maxExtensionMonths: number; keurmerkValidUntil: string | null; isTaalschakelInstitution: boolean },
    providerKnown: boolean,
  ): RuleViolation[] {
    const today = calendarDateInAmsterdam(new Date());
    return [
      ...checkContractWithinLotPeriod({
        contractStart: values.startsOn,
        contractEnd: values.endsOn,
        lotStart: context.lotStart,
        lotEnd: lotEndForContract(values.status, context.lotEnd, context.maxExtensionMonths),
      }),
      ...(providerKnown ? checkKeurmerkForContract({
        subject: context.subject,
        status: values.status,
        provider: { keurmerkValidUntil: context.keurmerkValidUntil, isTaalschakelInstitution: context.isTaalschakelInstitution },
        today,
      }) : []),
      ...(values.priceModel ? checkPriceModel(values.priceModel) : []),
    ];
  }
}
