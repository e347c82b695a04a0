import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness for the process manager. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
