import { Module, type Type } from '@nestjs/common';
import { LotsResolver } from './lots.resolver';
import { LotsService } from './lots.service';

export const LOT_RESOLVERS: Type[] = [LotsResolver];

/** Lots (percelen) of a region, with their coverage and price model. */
@Module({ providers: [LotsService, ...LOT_RESOLVERS] })
export class LotsModule {}
