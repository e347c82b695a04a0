import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationAppError } from './app-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const NUL_MESSAGE = 'Deze tekst bevat een niet-toegestaan teken (NUL). Verwijder het en probeer het opnieuw.';
const MAX_DEPTH = 8;
// GraphQL arguments and HTTP body/query/params; never the request context, the parent object or custom decorators.
const CHECKED_ARGUMENTS = new Set<string>(['args', 'body', 'query', 'param']);

/** Every string (in nested inputs and lists too) holding a NUL character, which PostgreSQL cannot store in text. */
export function nulFields(value: unknown, path: string, depth = 0): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: path, message: NUL_MESSAGE, code: 'NUL_CHARACTER' }] : [];
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulFields(item, `${path}[${index}]`, depth + 1));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => nulFields(item, path ? `${path}.${key}` : key, depth + 1));
}

/**
 * class-validator errors become the same field-level Dutch errors as the domain rules; text with a NUL character is
 * refused for every argument, so it never reaches the database (PostgreSQL would answer 22021).
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An argument left out (a nullable GraphQL input) is nothing to check: ValidationPipe would check an empty object against its class.
    if (value === null || value === undefined) return value;
    if (CHECKED_ARGUMENTS.has(metadata.type)) {
      // An input object's fields are named without the argument name, like class-validator's; a scalar argument by its name.
      const fields = nulFields(value, typeof value === 'object' && value !== null ? '' : (metadata.data ?? 'value'));
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
