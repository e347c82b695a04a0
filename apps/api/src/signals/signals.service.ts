import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { requirePage } from '../common';
import type { SignalEntity } from '../database';
import { type Actor, tenantScopeOf, type TenantScope } from '../tenancy';
import { SignalPageType, SignalType } from './signal.types';
import { SignalsRepository, type SignalFilter, type SignalOrganisationId } from './signals.repository';

/** Signals per page at most (an answer stays far under 200 KB). */
export const MAX_SIGNAL_PAGE = 200;

const toType = (signal: SignalEntity): SignalType =>
  Object.assign(new SignalType(), {
    id: signal.id,
    kind: signal.kind,
    subjectType: signal.subjectType,
    subjectId: signal.subjectId,
    message: signal.message,
    raisedAt: signal.raisedAt,
    acknowledgedAt: signal.acknowledgedAt,
    resolution: signal.resolution,
  });

function organisationOf(scope: TenantScope): SignalOrganisationId {
  switch (scope.kind) {
    case 'MUNICIPALITY': return scope.municipalityId;
    case 'PROVIDER': return scope.providerId;
    case 'REGION': return scope.regionId;
  }
}

@Injectable()
export class SignalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** One page of the signals of the actor's own organisation, newest first, with the total. */
  async page(actor: Actor, filter: SignalFilter, limit: number, offset: number): Promise<SignalPageType> {
    requirePage(limit, offset, MAX_SIGNAL_PAGE, 'signalen');
    const [signals, total] = await new SignalsRepository(this.db.manager).page(organisationOf(tenantScopeOf(actor)), filter, limit, offset);
    return Object.assign(new SignalPageType(), { items: signals.map(toType), total });
  }

  async acknowledge(actor: Actor, signalId: string, resolution: string | null): Promise<SignalType> {
    await this.access.requireOne(actor, 'signal', signalId);
    const signal = await new SignalsRepository(this.db.manager).acknowledge(organisationOf(tenantScopeOf(actor)), signalId, {
      userId: actor.userId,
      at: this.clock.now(),
      resolution: resolution?.trim() || null,
    });
    if (!signal) throw this.access.notFound('signal');
    return toType(signal);
  }
}
