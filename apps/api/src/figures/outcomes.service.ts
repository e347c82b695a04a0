import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkClientOutcome, type ClientOutcomeKind } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { ConflictAppError, throwIfViolations } from '../common';
import { ClientEntity, ClientOutcomeEntity } from '../database';
import { type Actor, municipalityScopeOf } from '../tenancy';
import type { ClientOutcomeType, RecordClientOutcomeInput } from './outcome.types';

function toOutcome(row: ClientOutcomeEntity): ClientOutcomeType {
  return { id: row.id, clientId: row.clientId, kind: row.kind as ClientOutcomeKind, achievedOn: row.achievedOn, recordedAt: row.recordedAt };
}

/** A client's outcomes (work, study, participation), recorded and read by the consultants of the client's municipality. */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, input: RecordClientOutcomeInput): Promise<ClientOutcomeType> {
    const municipalityId = municipalityScopeOf(actor);
    const clientId = await this.access.requireOne(actor, 'client', input.clientId);
    return this.db.transaction(async (manager) => {
      const outcomes = manager.getRepository(ClientOutcomeEntity);
      const earlier = await outcomes.findOne({ where: { idempotencyKey: input.idempotencyKey } });
      if (earlier) {
        const mayReturn = earlier.clientId === clientId && earlier.kind === input.kind && (await this.access.allowed(actor, 'outcome', [earlier.id])).has(earlier.id);
        if (!mayReturn) throw new ConflictAppError('Deze invoer is al eerder gebruikt voor een andere uitstroom. Laad de pagina opnieuw.');
        return toOutcome(earlier);
      }
      const client = await manager.getRepository(ClientEntity).findOne({ select: { id: true, brpRegistrationDate: true }, where: { id: clientId, municipalityId } });
      if (!client) throw this.access.notFound('client');
      throwIfViolations(checkClientOutcome({ kind: input.kind, achievedOn: input.achievedOn, today: this.clock.today(), brpRegistrationDate: client.brpRegistrationDate }));
      const inserted = await outcomes.insert({
        clientId, municipalityId, kind: input.kind, achievedOn: input.achievedOn, idempotencyKey: input.idempotencyKey, recordedByUserId: actor.userId,
      });
      await logProcessing(manager, actor, 'CREATE', 'client', [clientId], PURPOSE.CASELOAD);
      const id = (inserted.identifiers[0] as { id: string }).id;
      return toOutcome(await outcomes.findOneOrFail({ where: { id } }));
    });
  }

  async list(actor: Actor, clientId: string): Promise<ClientOutcomeType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const rows = await this.db.getRepository(ClientOutcomeEntity).find({ where: { clientId, municipalityId }, order: { achievedOn: 'DESC', recordedAt: 'DESC' } });
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.CASELOAD);
    return rows.map(toOutcome);
  }
}
