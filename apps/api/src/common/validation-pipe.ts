import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationAppError } from './app-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // Two rules may say the same (an empty name is both too short and not filled in): once is enough.
    const own = [...new Set(Object.values(error.constraints ?? {}))].map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const NUL_MESSAGE = 'Deze tekst bevat een niet-toegestaan teken (NUL). Verwijder het en probeer het opnieuw.';
export const BROKEN_CHARACTER_MESSAGE = 'Deze tekst bevat een ongeldig teken (een half teken). Verwijder het en probeer het opnieuw.';
// Half of a surrogate pair: UTF-8 cannot hold it, so it would be stored as U+FFFD and the text silently changed.
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_DEPTH = 8;
// GraphQL arguments and HTTP body/query/params; never the request context, the parent object or custom decorators.
const CHECKED_ARGUMENTS = new Set<string>(['args', 'body', 'query', 'param']);

function unstorableText(value: string, field: string): FieldError[] {
  if (value.includes('\u0000')) return [{ field, message: NUL_MESSAGE, code: 'NUL_CHARACTER' }];
  if (LONE_SURROGATE.test(value)) return [{ field, message: BROKEN_CHARACTER_MESSAGE, code: 'BROKEN_CHARACTER' }];
  return [];
}

/**
 * Every string (in nested inputs and lists too) that PostgreSQL cannot store as it is: with a NUL character (it would
 * answer 22021) or half a character (it would be stored changed).
 */
export function unstorableTextFields(value: unknown, path: string, depth = 0): FieldError[] {
  if (typeof value === 'string') return unstorableText(value, path);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextFields(item, `${path}[${index}]`, depth + 1));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => unstorableTextFields(item, path ? `${path}.${key}` : key, depth + 1));
}

/**
 * class-validator errors become the same field-level Dutch errors as the domain rules; text PostgreSQL cannot store as it
 * is (a NUL character, half a character) is refused for every argument, so it never reaches the database.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An argument left out (a nullable GraphQL input) is nothing to check: ValidationPipe would check an empty object against its class.
    if (value === null || value === undefined) return value;
    if (CHECKED_ARGUMENTS.has(metadata.type)) {
      // An input object's fields are named without the argument name, like class-validator's; a scalar argument by its name.
      const fields = unstorableTextFields(value, typeof value === 'object' && value !== null ? '' : (metadata.data ?? 'value'));
      if (fields.length > 0) throw new ValidationAppError(fields);
    }
    return super.transform(value, metadata);
  }
}

export const appValidationPipe = new AppValidationPipe({
  whitelist: true,
  forbidUnknownValues: false,
  transform: true,
  exceptionFactory: (errors) => new ValidationAppError(flatten(errors)),
});
