import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { retentionPolicyProblems, type RetentionKind } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { requirePage, throwIfViolations } from '../common';
import { municipalityScopeOf, type Actor } from '../tenancy';
import { dueClients, policyOf } from './retention-plan';
import { RetentionRepository } from './retention.repository';
import type { RetentionOverviewType, RetentionPolicyType, RetentionRunPageType, SaveRetentionPolicyInput } from './retention.types';

const FIELD_OF: Record<RetentionKind, string> = { FREE_TEXT: 'freeTextYears', DUO_EXCHANGE: 'duoExchangeYears', IDENTITY: 'identityYears' };
export const MAX_RETENTION_RUN_PAGE = 200;

/** A municipality's retention policy, what it removes next, and what the nightly runs did (issue 14). */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async overview(actor: Actor): Promise<RetentionOverviewType> {
    const municipalityId = municipalityScopeOf(actor);
    const repository = new RetentionRepository(this.db.manager);
    const today = this.clock.today();
    const [[row], candidates] = await Promise.all([
      repository.policies([municipalityId]),
      repository.candidates(today, [municipalityId]),
    ]);
    const due = dueClients(candidates, policyOf(row), today);
    // Client numbers of files about to lose their personal data: a read of those clients, logged like any other.
    await logProcessing(this.db.manager, actor, 'READ', 'client', due.map((d) => d.clientId), PURPOSE.RETENTION);
    return { policy: this.policyType(row), due };
  }

  /** One page of what the nightly runs did for the actor's municipality, newest first, with the total (no run is cut off). */
  async runPage(actor: Actor, limit: number, offset: number): Promise<RetentionRunPageType> {
    requirePage(limit, offset, MAX_RETENTION_RUN_PAGE, 'runs');
    const municipalityId = municipalityScopeOf(actor);
    const [runs, total] = await new RetentionRepository(this.db.manager).runs(municipalityId, limit, offset);
    return { items: runs, total };
  }

  async save(actor: Actor, input: SaveRetentionPolicyInput): Promise<RetentionPolicyType> {
    const municipalityId = municipalityScopeOf(actor);
    const policy = { FREE_TEXT: input.freeTextYears, DUO_EXCHANGE: input.duoExchangeYears, IDENTITY: input.identityYears };
    throwIfViolations(retentionPolicyProblems(policy).map((p) => ({ field: FIELD_OF[p.kind], code: 'RETENTION_POLICY', message: p.message })));
    const repository = new RetentionRepository(this.db.manager);
    await repository.savePolicy(municipalityId, policy, input.carryOut, actor.userId);
    const [row] = await repository.policies([municipalityId]);
    return this.policyType(row);
  }

  private policyType(row: Parameters<typeof policyOf>[0]): RetentionPolicyType {
    const policy = policyOf(row);
    return {
      freeTextYears: policy.FREE_TEXT,
      duoExchangeYears: policy.DUO_EXCHANGE,
      identityYears: policy.IDENTITY,
      carriedOutSince: row?.carriedOutSince ?? null,
      isDefault: !row,
    };
  }
}
