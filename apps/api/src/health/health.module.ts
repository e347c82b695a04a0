import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { PlatformHealthController } from './platform-health.controller';

/** Liveness and readiness for the process manager; the platform's full health (terminus) for operators. */
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController, PlatformHealthController] })
export class HealthModule {}
