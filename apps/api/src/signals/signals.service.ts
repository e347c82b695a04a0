import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { requirePage } from '../common';
import { logProcessing, PURPOSE } from '../audit';
import { ClientEntity, type SignalEntity } from '../database';
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
    clientName: null,
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
    const scope = tenantScopeOf(actor);
    const [signals, total] = await new SignalsRepository(this.db.manager).page(organisationOf(scope), filter, limit, offset);
    const names = await this.clientNames(actor, signals);
    return Object.assign(new SignalPageType(), { items: signals.map((s) => Object.assign(toType(s), { clientName: names.get(s.subjectId) ?? null })), total });
  }

  /**
   * The names of the clients the signals are about, read now rather than kept in the signal's text (issue 14: a
   * text can be neither minimised nor purged), for those the actor may see, in one query, and logged as a read.
   */
  private async clientNames(actor: Actor, signals: readonly SignalEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(signals.filter((s) => s.subjectType === 'client').map((s) => s.subjectId))];
    const allowed = [...await this.access.allowed(actor, 'client', ids)];
    if (allowed.length === 0) return new Map();
    const clients = await this.db.getRepository(ClientEntity).find({ select: { id: true, firstName: true, lastName: true }, where: { id: In(allowed) } });
    await logProcessing(this.db.manager, actor, 'READ', 'client', clients.map((c) => c.id), actor.organisationKind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return new Map(clients.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
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
