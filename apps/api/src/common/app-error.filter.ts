import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './app-errors';

// Expected errors (refusals, validation) go to the client as they are; only unexpected ones reach the error log.
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError) {
    return error;
  }
}
