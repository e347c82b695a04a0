import { Module, type Type } from '@nestjs/common';
import { SignalsResolver } from './signals.resolver';
import { SignalsService } from './signals.service';

export const SIGNAL_RESOLVERS: Type[] = [SignalsResolver];

/** Signals to an organisation: listed and acknowledged by its own users. */
@Module({ providers: [SignalsService, ...SIGNAL_RESOLVERS] })
export class SignalsModule {}
