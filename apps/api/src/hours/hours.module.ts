import { Module } from '@nestjs/common';
import { HOURS_CONTROLLERS, HOURS_JOB_HANDLERS, HOURS_RESOLVERS, HOURS_SERVICES } from './hours.providers';

/** Weekly hours, months and their approval, imports, absence rules, and their jobs. */
@Module({ controllers: HOURS_CONTROLLERS, providers: [...HOURS_SERVICES, ...HOURS_RESOLVERS, ...HOURS_JOB_HANDLERS], exports: [...HOURS_JOB_HANDLERS] })
export class HoursModule {}
