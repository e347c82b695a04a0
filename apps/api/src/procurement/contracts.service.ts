import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkContractStatusTransition, checkContractWithinLotPeriod, checkKeurmerkForContract, checkPriceModel, checkPriceModelChangeDate, lotEndForContract,
  type ContractStatus, type LotSubject, type RuleViolation,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { ConflictAppError, throwIfViolations } from '../common';
import { ContractEntity, ContractVersionEntity, LotEntity, OrganisationEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, regionScopeOf, tenantScopeOf } from '../tenancy';
import { diffContract, initialChanges, type ContractValues } from './contract-changes';
import { contractPriceModel, contractsQuery, scopeContracts, type ContractWithLot } from './contract.repository';
import type { ContractStatusGql, CreateContractInput, UpdateContractInput } from './contract.types';
import { lastInvoicedLineDate } from '../invoices';
import { toPriceModel } from '../lots';

interface RuleContext {
  lot: Pick<LotEntity, 'subject' | 'periodStart' | 'periodEnd' | 'maxExtensionMonths'>;
  provider: Pick<OrganisationEntity, 'keurmerkValidUntil' | 'isTaalschakelInstitution'> | null;
}

const ceilingColumn = (cents: number | null) => (cents === null ? null : String(cents));

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The contracts the actor may see: a region those on its lots, a provider its own. */
  async list(actor: Actor, lotId: string | null, status: ContractStatusGql | null): Promise<ContractWithLot[]> {
    const query = scopeContracts(contractsQuery(this.db.manager), tenantScopeOf(actor));
    if (!query) return [];
    if (lotId) {
      // A lot the actor may not see filters to nothing, as an unknown lot does.
      if (!(await this.access.allowed(actor, 'lot', [lotId])).has(lotId)) return [];
      query.andWhere('c.lot_id = :lotId', { lotId });
    }
    if (status) query.andWhere('c.status = :status', { status });
    return query.orderBy('l.name').addOrderBy('p.name').getMany();
  }

  /** One contract the actor may see; another tenant's contract answers exactly like an unknown (or malformed) id. */
  async get(actor: Actor, contractId: string): Promise<ContractWithLot> {
    await this.access.requireOne(actor, 'contract', contractId);
    return this.load(this.db.manager, contractId);
  }

  /** Awards a lot of the actor's region to a provider; the first version in the history holds the initial values. */
  async create(actor: Actor, input: CreateContractInput): Promise<ContractWithLot> {
    regionScopeOf(actor);
    // Another region's lot answers exactly like an unknown one.
    await this.access.requireOne(actor, 'lot', input.lotId);
    const lot = await this.db.getRepository(LotEntity).findOneBy({ id: input.lotId });
    if (!lot) throw this.access.notFound('lot');
    // Every provider on the platform can be awarded a contract (the region set-up lists them all).
    const provider = await this.db.getRepository(OrganisationEntity).findOneBy({ id: input.providerId, kind: 'PROVIDER' });
    const violations: RuleViolation[] = [];
    if (!provider) violations.push({ field: 'providerId', code: 'PROVIDER_UNKNOWN', message: 'Kies een aanbieder uit de lijst.' });
    if (await this.db.getRepository(ContractEntity).existsBy({ lotId: input.lotId, providerId: input.providerId })) {
      violations.push({ field: 'providerId', code: 'CONTRACT_EXISTS', message: 'Deze aanbieder heeft al een contract op dit perceel.' });
    }
    const values: ContractValues = {
      status: input.status as ContractStatus,
      startsOn: input.startDate,
      endsOn: input.endDate,
      priceModel: input.priceModel ? toPriceModel(input.priceModel) : null,
      ceilingCents: input.ceilingCents ?? null,
    };
    violations.push(...this.ruleViolations(values, { lot, provider }));
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(ContractEntity).insert({
        lotId: input.lotId, providerId: input.providerId, status: values.status, startsOn: values.startsOn, endsOn: values.endsOn,
        priceModel: values.priceModel ? { ...values.priceModel } : null, ceilingCents: ceilingColumn(values.ceilingCents), version: 1,
      });
      const contractId = (inserted.identifiers[0] as Pick<ContractEntity, 'id'>).id;
      await this.addVersion(manager, { contractId, version: 1, changedByUserId: actor.userId, changes: initialChanges(values), reason: input.reason?.trim() || 'Gunning' });
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: input.providerId }, actor);
      return contractId;
    });
    return this.load(this.db.manager, id);
  }

  /** Changes a contract of the actor's region: checked like a new one, refused when someone else changed it first, kept in the history. */
  async update(actor: Actor, input: UpdateContractInput): Promise<ContractWithLot> {
    regionScopeOf(actor);
    await this.access.requireOne(actor, 'contract', input.contractId);
    await this.db.transaction(async (manager) => {
      const row = await this.load(manager, input.contractId, true);
      if (row.version !== input.expectedVersion) {
        throw new ConflictAppError('Het contract is intussen door iemand anders gewijzigd. Laad het opnieuw en voer uw wijziging nog eens in.');
      }
      const before: ContractValues = {
        status: row.status, startsOn: row.startsOn, endsOn: row.endsOn, priceModel: contractPriceModel(row),
        ceilingCents: row.ceilingCents === null ? null : Number(row.ceilingCents),
      };
      const after: ContractValues = {
        status: (input.status as ContractStatus | null) ?? before.status,
        startsOn: input.startDate ?? before.startsOn,
        endsOn: input.endDate ?? before.endsOn,
        priceModel: input.priceModel ? toPriceModel(input.priceModel) : before.priceModel,
        ceilingCents: input.ceilingCents ?? before.ceilingCents,
      };
      const changes = diffContract(before, after);
      const violations = [...checkContractStatusTransition(before.status, after.status), ...this.ruleViolations(after, { lot: row.lot, provider: row.provider })];
      if (Object.keys(changes).length === 0) violations.push({ field: 'reason', code: 'CONTRACT_UNCHANGED', message: 'Er is niets gewijzigd aan het contract.' });
      if (input.priceModelValidFrom && !changes.priceModel) {
        violations.push({ field: 'priceModelValidFrom', code: 'VALID_FROM_WITHOUT_PRICE_MODEL', message: 'Vul alleen een ingangsdatum in als u de prijsafspraak wijzigt.' });
      }
      if (changes.priceModel) {
        // An invoiced period keeps its price: the new price model may only start after the last invoiced line (issue 11).
        const validFrom = input.priceModelValidFrom ?? this.clock.today();
        violations.push(...checkPriceModelChangeDate(validFrom, await lastInvoicedLineDate(manager, row.id), input.priceModelValidFrom ? 'priceModelValidFrom' : 'priceModel'));
        changes.priceModel = { ...changes.priceModel, validFrom };
      }
      throwIfViolations(violations);
      const version = row.version + 1;
      await manager.getRepository(ContractEntity).update({ id: row.id }, {
        status: after.status, startsOn: after.startsOn, endsOn: after.endsOn, priceModel: after.priceModel ? { ...after.priceModel } : null,
        ceilingCents: ceilingColumn(after.ceilingCents), version,
      });
      await this.addVersion(manager, { contractId: row.id, version, changedByUserId: actor.userId, changes, reason: input.reason.trim() });
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: row.providerId }, actor);
    });
    return this.load(this.db.manager, input.contractId);
  }

  /** One entry in the contract's history (one row: save, not a loop). */
  private async addVersion(manager: EntityManager, version: Pick<ContractVersionEntity, 'contractId' | 'version' | 'changedByUserId' | 'changes' | 'reason'>): Promise<void> {
    const repository = manager.getRepository(ContractVersionEntity);
    await repository.save(repository.create(version));
  }

  /** A contract the caller has already been allowed to see, locked for a change when asked. */
  private async load(manager: EntityManager, contractId: string, lock = false): Promise<ContractWithLot> {
    const query = contractsQuery(manager).where('c.id = :contractId', { contractId });
    if (lock) query.setLock('pessimistic_write', undefined, ['c']);
    const contract = await query.getOne();
    if (!contract) throw this.access.notFound('contract');
    return contract;
  }

  private ruleViolations(values: ContractValues, { lot, provider }: RuleContext): RuleViolation[] {
    return [
      ...checkContractWithinLotPeriod({
        contractStart: values.startsOn,
        contractEnd: values.endsOn,
        lotStart: lot.periodStart,
        lotEnd: lotEndForContract(values.status, lot.periodEnd, lot.maxExtensionMonths),
      }),
      ...(provider ? checkKeurmerkForContract({
        subject: lot.subject as LotSubject,
        status: values.status,
        provider: { keurmerkValidUntil: provider.keurmerkValidUntil, isTaalschakelInstitution: provider.isTaalschakelInstitution },
        today: this.clock.today(),
      }) : []),
      ...(values.priceModel ? checkPriceModel(values.priceModel) : []),
    ];
  }
}
