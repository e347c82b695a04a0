import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { attendanceRate, calendarDateInAmsterdam, daysBetween, routeProgress, type Route, type TargetGroup } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { RouteGql } from '../clients/client.types';
import { HourCategoryGql } from '../hours/hour.types';
import type { Actor } from '../tenancy/actor';
import { tenantScopeOf } from '../tenancy/tenant-scope';
import { clientHours } from './client-hours';
import { ClientProgressType, HourNormType, PlacementProgressType } from './result.types';
import { RESULT_SELECT, toResult, type ResultRow } from './results.service';
import { findVisibleClient } from './visible-client';

const roundPercent = (planned: number, attended: number): number | null => {
  const rate = attendanceRate(planned, attended);
  return rate === null ? null : Math.round(rate * 10) / 10;
};

/** A client's hours against the norms of the route and the PIP, per placement, with the results so far. */
@Injectable()
export class ClientProgressService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async progress(actor: Actor, clientId: string): Promise<ClientProgressType> {
    const scope = tenantScopeOf(actor);
    const client = await findVisibleClient(this.db.manager, scope, clientId, null);
    const placements: { id: string; provider_id: string; provider_name: string; status: string; start_date: string | null }[] = await this.db.query(
      `SELECT p.id, p.provider_id, o.name AS provider_name, p.status, p.start_date FROM placement p JOIN organisation o ON o.id = p.provider_id
        WHERE p.client_id = $1 AND p.status IN ('ACCEPTED', 'STARTED', 'ENDED') AND ($2::uuid IS NULL OR p.provider_id = $2)
        ORDER BY p.start_date NULLS LAST`,
      [client.id, scope.kind === 'PROVIDER' ? scope.providerId : null],
    );
    const { rows, totals } = await clientHours(this.db, client.id);
    const results: ResultRow[] = await this.db.query(
      `${RESULT_SELECT} WHERE r.client_id = $1 AND ($2::uuid IS NULL OR r.provider_id = $2) ORDER BY r.result_date, r.recorded_at`,
      [client.id, scope.kind === 'PROVIDER' ? scope.providerId : null],
    );
    const firstStart = placements.map((p) => p.start_date).filter((d): d is string => !!d).sort()[0];
    const today = calendarDateInAmsterdam(new Date());
    const weeksSinceStart = firstStart ? Math.max(0, Math.floor(daysBetween(firstStart, today) / 7)) : undefined;
    const progress = routeProgress({ route: client.route as Route | null, targetGroup: client.target_group as TargetGroup, totals, pipMinutesPerWeek: client.pip_minutes_per_week, weeksSinceStart });
    await logProcessing(this.db.manager, actor, 'READ', 'client', [client.id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return Object.assign(new ClientProgressType(), {
      clientId: client.id,
      clientNumber: client.client_number,
      clientName: `${client.first_name} ${client.last_name}`,
      route: client.route as RouteGql | null,
      ...totals,
      attendancePercent: progress.attendancePercent,
      norms: progress.norms.map((n) => Object.assign(new HourNormType(), n)),
      placements: placements.map((p) => {
        const own = rows.filter((r) => r.placement_id === p.id);
        const planned = own.reduce((sum, r) => sum + r.planned, 0);
        const attended = own.reduce((sum, r) => sum + r.attended, 0);
        return Object.assign(new PlacementProgressType(), {
          placementId: p.id,
          providerName: p.provider_name,
          status: p.status,
          startDate: p.start_date,
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
