// The deadlines slice: the scan jobs (worker) and the deadline signals shown to consultants (API).
import type { Type } from '@nestjs/common';
import { ClientDeadlineSignalsResolver, DeadlineSignalsResolver } from './deadline-signals.resolver';
import { DeadlineSignalsService } from './deadline-signals.service';

export const DEADLINE_RESOLVERS: Type[] = [DeadlineSignalsResolver, ClientDeadlineSignalsResolver];
export const DEADLINE_SERVICES: Type[] = [DeadlineSignalsService];
