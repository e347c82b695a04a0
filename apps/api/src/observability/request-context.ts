import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type LogContext, runWithLogContext } from '../common';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id from a proxy is kept when it looks like one (no free text into the log). */
const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestWithContext = Request & { id?: string; logContext?: LogContext };

/** Express middleware: gives every request an id (answered in X-Request-Id) and runs it in its log context. */
export function requestContext(req: RequestWithContext, res: Response, next: NextFunction): void {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  req.logContext = { requestId: id };
  res.setHeader('X-Request-Id', id);
  runWithLogContext(req.logContext, next);
}
