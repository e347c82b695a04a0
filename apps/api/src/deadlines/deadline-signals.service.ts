import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEADLINE_SIGNAL_KINDS, deadlineSignalKindLabel, SIGNALLED_DEADLINE_STATUSES, type DeadlineSignalKind, type SignalledDeadlineStatus } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { requirePage } from '../common';
import { DeadlineSignalEntity } from '../database';
import { type Actor, municipalityScopeOf, type MunicipalityId } from '../tenancy';
import { DeadlineSignalPageType, DeadlineSignalType } from './deadline-signal.types';

const MAX_PAGE = 200;

const kindOf = (kind: string): DeadlineSignalKind => ((DEADLINE_SIGNAL_KINDS as readonly string[]).includes(kind) ? (kind as DeadlineSignalKind) : 'PIP_DEADLINE');
const statusOf = (status: string): SignalledDeadlineStatus =>
  (SIGNALLED_DEADLINE_STATUSES as readonly string[]).includes(status) ? (status as SignalledDeadlineStatus) : 'OVERDUE';

function toType(signal: DeadlineSignalEntity): DeadlineSignalType {
  const kind = kindOf(signal.kind);
  return Object.assign(new DeadlineSignalType(), {
    id: signal.id,
    clientId: signal.clientId,
    clientNumber: signal.client?.clientNumber ?? 0,
    clientName: signal.client ? `${signal.client.firstName} ${signal.client.lastName}` : '',
    kind,
    kindLabel: deadlineSignalKindLabel(kind),
    deadline: signal.deadline,
    status: statusOf(signal.status),
    detectedAt: signal.detectedAt,
    resolvedOn: signal.resolvedOn,
  });
}

/** The deadline signals the nightly scan records, shown to the consultants of the client's own municipality. */
@Injectable()
export class DeadlineSignalsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private query(municipalityId: MunicipalityId, openOnly: boolean) {
    const query = this.db
      .getRepository(DeadlineSignalEntity)
      .createQueryBuilder('ds')
      .innerJoinAndSelect('ds.client', 'c', 'c.municipalityId = :municipalityId', { municipalityId })
      .where('ds.municipalityId = :municipalityId', { municipalityId });
    return openOnly ? query.andWhere('ds.resolvedOn IS NULL') : query;
  }

  /** The municipality's deadline signals, most pressing first (earliest deadline), paged in SQL with the total. */
  async list(actor: Actor, openOnly: boolean, limit: number, offset: number): Promise<DeadlineSignalPageType> {
    requirePage(limit, offset, MAX_PAGE, 'termijnsignalen');
    const municipalityId = municipalityScopeOf(actor);
    const [signals, total] = await this.query(municipalityId, openOnly)
      .orderBy('ds.deadline', 'ASC')
      .addOrderBy('c.clientNumber', 'ASC')
      .addOrderBy('ds.kind', 'ASC')
      .addOrderBy('ds.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(signals.map((s) => s.clientId))], PURPOSE.DEADLINE_SCAN);
    return Object.assign(new DeadlineSignalPageType(), { items: signals.map(toType), total });
  }

  /** The open deadline signals of these clients of the municipality, per client (one query for a whole page of clients). */
  async openOfClients(municipalityId: MunicipalityId, clientIds: readonly string[]): Promise<DeadlineSignalType[][]> {
    const signals = clientIds.length
      ? await this.query(municipalityId, true).andWhere('ds.clientId IN (:...clientIds)', { clientIds: [...clientIds] }).orderBy('ds.deadline', 'ASC').addOrderBy('ds.kind', 'ASC').getMany()
      : [];
    return clientIds.map((id) => signals.filter((s) => s.clientId === id).map(toType));
  }
}
