import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { attendanceRate, daysBetween, isRoute, routeProgress, type TargetGroup } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { RouteGql } from '../clients';
import { HourCategoryGql } from '../hours';
import { type Actor, tenantScopeOf } from '../tenancy';
import { ClientProgressType, HourNormType, PlacementProgressType } from './result.types';
import { toResult } from './result-mapping';
import { ResultsRepository } from './results.repository';

const roundPercent = (planned: number, attended: number): number | null => {
  const rate = attendanceRate(planned, attended);
  return rate === null ? null : Math.round(rate * 10) / 10;
};

/**
 * A client's hours against the norms of the route and the PIP, per placement, with the results so far. The consultant
 * sees every placement of its own client; a provider only its own accepted placements, their hours and their results.
 */
@Injectable()
export class ClientProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async progress(actor: Actor, clientId: string): Promise<ClientProgressType> {
    await this.access.requireOne(actor, 'client', clientId);
    const repository = new ResultsRepository(this.db.manager);
    const client = await repository.client(clientId);
    if (!client) throw this.access.notFound('client');

    const candidates = await repository.teachingPlacements(client.id);
    const visiblePlacements = await this.access.allowed(actor, 'placement', candidates.map((p) => p.id));
    const placements = candidates.filter((p) => visiblePlacements.has(p.id));
    const { rows, totals } = await repository.hoursPerPlacement(placements.map((p) => p.id));
    const visibleResults = await this.access.allowed(actor, 'result', await repository.resultIdsOfClient(client.id));
    const results = await repository.results([...visibleResults]);

    const firstStart = placements.map((p) => p.startDate).filter((d): d is string => !!d).sort()[0];
    const weeksSinceStart = firstStart ? Math.max(0, Math.floor(daysBetween(firstStart, this.clock.today()) / 7)) : undefined;
    const route = isRoute(client.route) ? client.route : null;
    const progress = routeProgress({ route, targetGroup: client.targetGroup as TargetGroup, totals, pipMinutesPerWeek: client.pipMinutesPerWeek, weeksSinceStart });
    const scope = tenantScopeOf(actor);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [client.id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return Object.assign(new ClientProgressType(), {
      clientId: client.id,
      clientNumber: client.clientNumber,
      clientName: `${client.firstName} ${client.lastName}`,
      route: route as RouteGql | null,
      ...totals,
      attendancePercent: progress.attendancePercent,
      norms: progress.norms.map((n) => Object.assign(new HourNormType(), n)),
      placements: placements.map((p) => {
        const own = rows.filter((r) => r.placementId === p.id);
        const planned = own.reduce((sum, r) => sum + r.planned, 0);
        const attended = own.reduce((sum, r) => sum + r.attended, 0);
        return Object.assign(new PlacementProgressType(), {
          placementId: p.id,
          providerName: p.providerName,
          status: p.status,
          startDate: p.startDate,
          plannedMinutes: planned,
          attendedMinutes: attended,
          attendancePercent: roundPercent(planned, attended),
          categories: own.map((r) => ({ category: r.category as HourCategoryGql, plannedMinutes: r.planned, attendedMinutes: r.attended })),
        });
      }),
      results: results.map(toResult),
    });
  }
}
