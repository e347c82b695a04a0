// Every rule on an input of the API answers in Dutch on its field. A rule without its own message answers with
// class-validator's English default ("each value in weekdays must not be greater than 7", "groupName must be shorter
// than or equal to 200 characters"), which a civil servant cannot act on.
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { AppModule } from '../../apps/api/src/app.module';
import { EnvironmentVariables } from '../../apps/api/src/config/environment';

interface RuleMetadata {
  type: string;
  name?: string;
  propertyName: string;
  message?: unknown;
}

// Checks GraphQL has already made before a rule runs (an Int is an integer, a String a string, a DateTime a date; an
// ID is checked as a UUID by the ID scalar, in Dutch, but its @IsUUID still gets a message here), and
// the bookkeeping entries of @IsOptional and @ValidateNested: their messages can never be shown.
const ANSWERED_BY_GRAPHQL = new Set(['isString', 'isBoolean', 'isInt', 'isDate', 'isArray']);
const NOT_A_RULE = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation', 'isDefined']);

function rulesByInput(): Map<string, RuleMetadata[]> {
  expect(AppModule).toBeDefined(); // importing the app module loads every input class and its rules
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, RuleMetadata[]> };
  const inputs = new Map<string, RuleMetadata[]>();
  for (const [target, rules] of storage.validationMetadatas) {
    // The process environment is read at start-up by its own check, with its own (English, for operators) messages.
    if (target !== EnvironmentVariables) inputs.set(target.name, rules);
  }
  return inputs;
}

it('gives every rule that can refuse a value its own Dutch message', () => {
  const inputs = rulesByInput();
  expect(inputs.size).toBeGreaterThan(80);
  const withoutMessage = [...inputs].flatMap(([input, rules]) =>
    rules
      .filter((rule) => !NOT_A_RULE.has(rule.type) && !ANSWERED_BY_GRAPHQL.has(rule.name ?? ''))
      .filter((rule) => rule.message === undefined)
      .map((rule) => `${input}.${rule.propertyName}: ${rule.name ?? rule.type}`),
  );
  expect([...new Set(withoutMessage)].sort()).toEqual([]);
});
