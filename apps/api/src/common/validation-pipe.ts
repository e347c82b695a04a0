import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationAppError } from './app-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator errors become the same field-level Dutch errors as the domain rules.
export const appValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidUnknownValues: false,
  transform: true,
  exceptionFactory: (errors) => new ValidationAppError(flatten(errors)),
});
