import { clientEndDate, DEFAULT_RETENTION_YEARS, retentionKindsDue, type CalendarDate, type RetentionKind, type RetentionPolicy } from '@inburgering/domain';
import type { RetentionPolicyEntity } from '../database';
import type { RetentionCandidate } from './retention.repository';

/** A client with the kinds of its personal data that are due and not yet removed. */
export interface DueClient {
  clientId: string;
  clientNumber: number;
  endDate: CalendarDate;
  kinds: RetentionKind[];
}

export const policyOf = (row: RetentionPolicyEntity | undefined): RetentionPolicy =>
  row ? { FREE_TEXT: row.freeTextYears, DUO_EXCHANGE: row.duoExchangeYears, IDENTITY: row.identityYears } : DEFAULT_RETENTION_YEARS;

/** Which of these clients have personal data due for removal on `today` under the policy (domain rules decide). */
export function dueClients(candidates: readonly RetentionCandidate[], policy: RetentionPolicy, today: CalendarDate): DueClient[] {
  const due: DueClient[] = [];
  for (const candidate of candidates) {
    const endDate = clientEndDate(candidate);
    const kinds = retentionKindsDue(endDate, policy, today).filter(
      (kind) => !(kind === 'FREE_TEXT' && candidate.freeTextRemovedOn) && !(kind === 'DUO_EXCHANGE' && candidate.duoExchangeRemovedOn),
    );
    if (endDate && kinds.length > 0) due.push({ clientId: candidate.clientId, clientNumber: candidate.clientNumber, endDate, kinds });
  }
  return due;
}

/** The ids due for one kind. */
export const idsFor = (due: readonly DueClient[], kind: RetentionKind): string[] => due.filter((d) => d.kinds.includes(kind)).map((d) => d.clientId);
