/**
 * One broken rule, ready to show to a municipal civil servant.
 * - field: the input field the rule is about (dot path, e.g. 'milestones.1.percentage')
 * - code: stable UPPER_SNAKE code naming the rule (for the API, tests and translations)
 * - message: clear Dutch explanation, naming the rule and the values involved
 */
export interface RuleViolation {
  field: string;
  code: string;
  message: string;
}

export function violation(field: string, code: string, message: string): RuleViolation {
  return { field, code, message };
}
