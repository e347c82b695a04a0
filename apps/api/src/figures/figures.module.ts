import { Module, type Type } from '@nestjs/common';
import { FiguresResolver } from './figures.resolver';
import { FiguresService } from './figures.service';
import { OutcomesService } from './outcomes.service';

export const FIGURE_RESOLVERS: Type[] = [FiguresResolver];

/** Contract management figures (intake, hours, results, KPIs, money per contract, lot and region) and client outcomes. */
@Module({ providers: [FiguresService, OutcomesService, ...FIGURE_RESOLVERS] })
export class FiguresModule {}
