import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import type { JobHandler, JobPayloads } from '../jobs';
import type { MunicipalityId } from '../tenancy';
import { dueClients, idsFor, policyOf } from './retention-plan';
import { RetentionRepository } from './retention.repository';

/**
 * The nightly retention run (issue 14). Per municipality: while it has not let the job carry its policy out, the run
 * only records what it would remove (PREVIEW); after that it removes it, set-based, and records what it did (APPLIED).
 * Once per run date, however often the scheduler or a retry delivers it.
 */
@Injectable()
export class RetentionJob implements JobHandler<'retention.run'> {
  readonly jobName = 'retention.run' as const;
  private readonly logger = new Logger('Bewaartermijnen');

  constructor(private readonly clock: Clock) {}

  jobKey(payload: JobPayloads['retention.run']): string {
    return `retention.run:${payload.runDate ?? this.clock.today()}`;
  }

  async handle(payload: JobPayloads['retention.run'], manager: EntityManager): Promise<void> {
    const runDate = payload.runDate ?? this.clock.today();
    const repository = new RetentionRepository(manager);
    const [candidates, policies] = await Promise.all([repository.candidates(runDate, null), repository.policies(null)]);
    const policyByMunicipality = new Map(policies.map((p) => [p.municipalityId, p]));
    // Grouped once, not filtered again over all candidates for every municipality.
    const byMunicipality = new Map<string, typeof candidates>();
    for (const candidate of candidates) {
      const group = byMunicipality.get(candidate.municipalityId);
      if (group) group.push(candidate);
      else byMunicipality.set(candidate.municipalityId, [candidate]);
    }
    let applied = 0;
    let previewed = 0;
    for (const [municipalityId, ofMunicipality] of byMunicipality) {
      const row = policyByMunicipality.get(municipalityId);
      const due = dueClients(ofMunicipality, policyOf(row), runDate);
      if (due.length === 0) continue;
      const carryOut = Boolean(row?.carriedOutSince);
      const [freeText, duoExchange, identity] = [idsFor(due, 'FREE_TEXT'), idsFor(due, 'DUO_EXCHANGE'), idsFor(due, 'IDENTITY')];
      if (carryOut) {
        await repository.removeFreeText(freeText, runDate);
        await repository.removeDuoExchange(duoExchange, runDate);
        await repository.anonymise(identity, runDate);
        await logProcessing(manager, null, 'DELETE', 'client', due.map((d) => d.clientId), PURPOSE.RETENTION);
        applied += due.length;
      } else {
        previewed += due.length;
      }
      await repository.recordRun(municipalityId as MunicipalityId, runDate, {
        mode: carryOut ? 'APPLIED' : 'PREVIEW',
        freeTextClients: freeText.length,
        duoExchangeClients: duoExchange.length,
        identityClients: identity.length,
        clientNumbers: due.map((d) => d.clientNumber),
      });
    }
    this.logger.log(`Bewaartermijnen ${runDate}: van ${applied} inburgeraars persoonsgegevens verwijderd; bij ${previewed} alleen getoond wat zou worden verwijderd (beleid nog niet bevestigd).`);
  }
}
