import { Module, type Type } from '@nestjs/common';
import { ClientProgressService } from './client-progress.service';
import { ResultsResolver } from './results.resolver';
import { ResultsService } from './results.service';

export const RESULT_RESOLVERS: Type[] = [ResultsResolver];

/** KNM, MAP, PVT, exam and route results, and a client's progress against the route norms. */
@Module({ providers: [ResultsService, ClientProgressService, ...RESULT_RESOLVERS] })
export class ResultsModule {}
