import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { attendanceRate, calendarDateInAmsterdam, countsTowardRouteNorms, daysBetween, isRoute, routeProgress, sumHours, waitingTime, type TargetGroup } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { RouteGql } from '../clients';
import { HourCategoryGql } from '../hours';
import { type Actor, tenantScopeOf } from '../tenancy';
import { ClientProgressType, HourNormType, PlacementProgressType, WaitingTimeType } from './result.types';
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
    const { rows } = await repository.hoursPerPlacement(placements.map((p) => p.id));
    // The route's norms count the route and its modules; the instroomklas has hours of its own beside them (DUO: brede intake).
    const routeIds = new Set(placements.filter((p) => countsTowardRouteNorms(p.kind)).map((p) => p.id));
    const asEntries = (rs: typeof rows) => rs.map((r) => ({ category: r.category, plannedMinutes: r.planned, attendedMinutes: r.attended }));
    const totals = sumHours(asEntries(rows.filter((r) => routeIds.has(r.placementId))));
    const instroomklas = sumHours(asEntries(rows.filter((r) => !routeIds.has(r.placementId))));
    const visibleResults = await this.access.allowed(actor, 'result', await repository.resultIdsOfClient(client.id));
    const results = await repository.results([...visibleResults]);

    const firstStart = placements.filter((p) => routeIds.has(p.id)).map((p) => p.startDate).filter((d): d is string => !!d).sort()[0];
    const weeksSinceStart = firstStart ? Math.max(0, Math.floor(daysBetween(firstStart, this.clock.today()) / 7)) : undefined;
    const route = isRoute(client.route) ? client.route : null;
    const progress = routeProgress({ route, targetGroup: client.targetGroup as TargetGroup, totals, pipMinutesPerWeek: client.pipMinutesPerWeek, weeksSinceStart });
    const scope = tenantScopeOf(actor);
    let waiting: WaitingTimeType | null = null;
    if (scope.kind === 'MUNICIPALITY') {
      // The route starts with the first started route placement (a module or the instroomklas does not start it).
      const routeStartedOn = candidates.filter((p) => p.routeTrack && p.startDate && (p.status === 'STARTED' || p.status === 'ENDED')).map((p) => p.startDate as string).sort()[0] ?? null;
      const requested = await repository.firstRouteRequest(client.id);
      const w = waitingTime({
        pipSignedOn: client.pipSignedOn, routeRequestedOn: requested ? calendarDateInAmsterdam(requested) : null, routeStartedOn, today: this.clock.today(),
        instroomklasPeriods: candidates.filter((p) => p.kind === 'INSTROOMKLAS' && p.startDate).map((p) => ({ startsOn: p.startDate as string, endsOn: p.endedOn })),
      });
      waiting = Object.assign(new WaitingTimeType(), { ...w, routeStartedOn });
    }
    await logProcessing(this.db.manager, actor, 'READ', 'client', [client.id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return Object.assign(new ClientProgressType(), {
      clientId: client.id,
      clientNumber: client.clientNumber,
      clientName: `${client.firstName} ${client.lastName}`,
      route: route as RouteGql | null,
      ...totals,
      attendancePercent: progress.attendancePercent,
      norms: progress.norms.map((n) => Object.assign(new HourNormType(), n)),
      instroomklasPlannedMinutes: instroomklas.plannedMinutes,
      instroomklasAttendedMinutes: instroomklas.attendedMinutes,
      waiting,
      placements: placements.map((p) => {
        const own = rows.filter((r) => r.placementId === p.id);
        const planned = own.reduce((sum, r) => sum + r.planned, 0);
        const attended = own.reduce((sum, r) => sum + r.attended, 0);
        return Object.assign(new PlacementProgressType(), {
          placementId: p.id,
          providerName: p.providerName,
          kind: p.kind,
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
