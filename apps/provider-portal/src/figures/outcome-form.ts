// Reading the client outcome form (issue 10): the kind and a Dutch date, checked in the browser before the API checks the rules.
import type { ClientOutcomeKind, RecordClientOutcomeInput } from '@inburgering/contracts';
import { parseDutchDate } from '@inburgering/domain';
import type { FieldProblem, Parsed } from '../clients/client-action-values';

export const OUTCOME_FIELDS = ['kind', 'achievedOn'] as const;
export interface OutcomeValues { kind: string; achievedOn: string }
export const EMPTY_OUTCOME: OutcomeValues = { kind: '', achievedOn: '' };
export const OUTCOME_KINDS: readonly ClientOutcomeKind[] = ['WORK', 'STUDY', 'PARTICIPATION'];

export function parseOutcome(clientId: string, values: OutcomeValues, idempotencyKey: string): Parsed<RecordClientOutcomeInput> {
  const problems: [field: string, problem: FieldProblem][] = [];
  const kind = OUTCOME_KINDS.find((k) => k === values.kind);
  if (!kind) problems.push(['kind', 'choose']);
  const achievedOn = parseDutchDate(values.achievedOn.trim());
  if (!achievedOn) problems.push(['achievedOn', 'invalidDate']);
  if (!kind || !achievedOn) return { input: null, problems };
  return { input: { clientId, kind, achievedOn, idempotencyKey }, problems: [] };
}
