// The procurement slice (lots, contracts, capacity, quality requirements): what it adds to the API and the worker.
import type { Type } from '@nestjs/common';
export const PROCUREMENT_RESOLVERS: Type[] = [];
export const PROCUREMENT_SERVICES: Type[] = [];
export const PROCUREMENT_JOB_HANDLERS: Type[] = [];
