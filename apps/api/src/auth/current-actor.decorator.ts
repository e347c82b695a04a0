import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UnauthenticatedAppError } from '../common';
import { actorOf } from './access.guard';

/** The logged-in actor; the guard has already refused anonymous callers of non-public handlers. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const actor = actorOf(context);
  if (!actor) throw new UnauthenticatedAppError();
  return actor;
});
