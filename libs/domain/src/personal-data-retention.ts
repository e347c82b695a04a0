// How long a client's personal data is kept after the client's part in the chain ended (issue 14, AVG art. 5(1)(e):
// storage limitation). Aggregates stay: an anonymised client is still counted, only who it was is gone.
import { addYears, compareDates, type CalendarDate } from './calendar-date';
import { integrationTermEnd, integrationTermStart } from './client-deadlines';
import type { TargetGroup } from './routes';

/** The kinds of personal data with a retention period of their own. */
export const RETENTION_KINDS = ['FREE_TEXT', 'DUO_EXCHANGE', 'IDENTITY'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Years after the end that each kind is kept; a municipality may set its own (policy defaults, not law). */
export type RetentionPolicy = Record<RetentionKind, number>;

/**
 * Policy defaults: free texts (intake notes, reasons for absence, rejection or correction) go first, because they may
 * hold health or family details; the exchange with DUO (which carries the BSN) and the identity itself (name, BSN,
 * exact date of birth) stay long enough to answer an objection or a DUO question about the term.
 */
export const DEFAULT_RETENTION_YEARS: RetentionPolicy = { FREE_TEXT: 1, DUO_EXCHANGE: 5, IDENTITY: 5 };

/** The bounds a municipality's own policy must stay within; free text never outlives the identity it is about. */
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 20;

export type RetentionPolicyProblem = { kind: RetentionKind; message: string };

/** Why a municipality's retention policy cannot be used, per kind (none when it can). */
export function retentionPolicyProblems(policy: RetentionPolicy): RetentionPolicyProblem[] {
  const problems: RetentionPolicyProblem[] = [];
  for (const kind of RETENTION_KINDS) {
    const years = policy[kind];
    if (!Number.isInteger(years) || years < RETENTION_YEARS_MIN || years > RETENTION_YEARS_MAX) {
      problems.push({ kind, message: `Vul een heel aantal jaren in van ${RETENTION_YEARS_MIN} tot en met ${RETENTION_YEARS_MAX}.` });
    }
  }
  if (problems.length === 0 && policy.FREE_TEXT > policy.IDENTITY) {
    problems.push({ kind: 'FREE_TEXT', message: 'Vrije teksten mogen niet langer bewaard worden dan naam en BSN.' });
  }
  return problems;
}

/** What the platform knows of a client's end in the chain. */
export interface ClientEndFacts {
  targetGroup: TargetGroup;
  brpRegistrationDate: CalendarDate;
  firstPipSignedOn: CalendarDate | null;
  /** The term's end as DUO reported it (extensions included), when known. */
  duoTermEnd: CalendarDate | null;
  /** Whether a placement (route, module, instroomklas) is still requested, waiting or running. */
  hasOpenPlacement: boolean;
  /** The last day of the last ended placement, if any. */
  lastPlacementEndedOn: CalendarDate | null;
}

/**
 * The day a client's part ended, from which retention counts (DOMAIN.md §privacy: "after the term ends"): the later of
 * the integration term's end (DUO's when known, else the 3 years from the term start) and the end of the last
 * placement. Null while a placement is still open: nothing is removed from a client who is still in a route.
 */
export function clientEndDate(facts: ClientEndFacts): CalendarDate | null {
  if (facts.hasOpenPlacement) return null;
  // A status holder without a PIP has no term start yet; the BRP registration stands in, so such a file is not kept forever.
  const termStart = integrationTermStart(facts.targetGroup, facts.firstPipSignedOn, facts.brpRegistrationDate) ?? facts.brpRegistrationDate;
  const termEnd = facts.duoTermEnd ?? integrationTermEnd(termStart);
  if (facts.lastPlacementEndedOn && compareDates(facts.lastPlacementEndedOn, termEnd) > 0) return facts.lastPlacementEndedOn;
  return termEnd;
}

/** Which kinds of a client's personal data are due for removal on `today` (in the order they fall due). */
export function retentionKindsDue(endDate: CalendarDate | null, policy: RetentionPolicy, today: CalendarDate): RetentionKind[] {
  if (!endDate) return [];
  return RETENTION_KINDS.filter((kind) => compareDates(addYears(endDate, policy[kind]), today) < 0);
}
