import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarDateInAmsterdam, capacityOverview, lotSubjectLabel, seatsFree, type LotSubject } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { tenantKey } from '../lots/lots.service';
import type { Actor } from '../tenancy/actor';
import { tenantScopeOf, type TenantScope } from '../tenancy/tenant-scope';
import { CapacityOverviewType, LotCapacityType, MunicipalityDemandType, SubjectCapacityType, type CapacityFilterInput } from './capacity.types';
import { LotSubjectGql } from '../lots/lot.types';
import { startMomentSelect, toStartMomentType, type StartMomentRow } from './start-moment-row';

// $1 is the tenant key, $2 lotId, $3 subject, $4 municipalityId, $5 the first start date shown.
const LOT_SCOPE: Record<TenantScope['kind'], string> = {
  REGION: 'l.region_id = $1',
  MUNICIPALITY: 'EXISTS (SELECT 1 FROM lot_municipality lm WHERE lm.lot_id = l.id AND lm.municipality_id = $1)',
  PROVIDER: 'EXISTS (SELECT 1 FROM contract own WHERE own.lot_id = l.id AND own.provider_id = $1)',
};
// Whose waiting clients count: a municipality its own, a provider those on its contracts, a region all.
const PLACEMENT_SCOPE: Record<TenantScope['kind'], string> = {
  REGION: 'true',
  MUNICIPALITY: 'pl.municipality_id = $1',
  PROVIDER: 'pl.provider_id = $1',
};
const FILTERS = `($2::uuid IS NULL OR l.id = $2) AND ($3::text IS NULL OR l.subject = $3)
  AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM lot_municipality fm WHERE fm.lot_id = l.id AND fm.municipality_id = $4))`;
const PLACEMENT_FILTER = `($4::uuid IS NULL OR pl.municipality_id = $4)`;

interface LotRow { id: string; name: string; subject: LotSubject; waiting: number; waiting_since: Date | null }
interface DemandRow { lot_id: string; municipality_id: string; municipality_name: string; waiting: number; waiting_since: Date }

@Injectable()
export class CapacityOverviewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Seats, taken, free and waiting demand per subject, lot, start moment and municipality, computed live from the
   * placements, so a waiting list shows the day it starts. Scoped like the lots the actor may see.
   */
  async overview(actor: Actor, filter: CapacityFilterInput): Promise<CapacityOverviewType> {
    const scope = tenantScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    const params = [tenantKey(scope), filter.lotId ?? null, filter.subject ?? null, filter.municipalityId ?? null, filter.upcomingOnly ? today : '0001-01-01'];
    const lotWhere = `${LOT_SCOPE[scope.kind]} AND ${FILTERS}`;
    const placementWhere = `${PLACEMENT_SCOPE[scope.kind]} AND ${PLACEMENT_FILTER}`;
    const ownContracts = scope.kind === 'PROVIDER' ? 'AND c.provider_id = $1' : '';
    const [startMoments, lots, demand]: [StartMomentRow[], LotRow[], DemandRow[]] = await Promise.all([
      this.db.query(
        `SELECT * FROM (${startMomentSelect(`${lotWhere} AND c.status IN ('ACTIVE', 'EXTENDED') ${ownContracts} AND sm.starts_on >= $5::date`, placementWhere)}) s
          ORDER BY s.lot_name, s.starts_on, s.provider_name, s.location`,
        params,
      ),
      this.db.query(
        `SELECT l.id, l.name, l.subject, count(pl.id)::int AS waiting, min(pl.requested_at) AS waiting_since
           FROM lot l LEFT JOIN placement pl ON pl.lot_id = l.id AND pl.status = 'WAITING' AND ${placementWhere}
          WHERE ${lotWhere} AND $5::date IS NOT NULL GROUP BY l.id ORDER BY l.name`,
        params,
      ),
      this.db.query(
        `SELECT pl.lot_id, pl.municipality_id, m.name AS municipality_name, count(*)::int AS waiting, min(pl.requested_at) AS waiting_since
           FROM placement pl JOIN lot l ON l.id = pl.lot_id JOIN organisation m ON m.id = pl.municipality_id
          WHERE pl.status = 'WAITING' AND ${placementWhere} AND ${lotWhere} AND $5::date IS NOT NULL
          GROUP BY pl.lot_id, pl.municipality_id, m.name ORDER BY m.name`,
        params,
      ),
    ]);
    const seatsByLot = new Map<string, { seats: number; taken: number; free: number }>();
    for (const row of startMoments) {
      const total = seatsByLot.get(row.lot_id) ?? { seats: 0, taken: 0, free: 0 };
      total.seats += row.seats;
      total.taken += row.taken;
      total.free += seatsFree(row.seats, row.taken);
      seatsByLot.set(row.lot_id, total);
    }
    const lotTypes = lots.map((lot) => {
      const { seats, taken, free } = seatsByLot.get(lot.id) ?? { seats: 0, taken: 0, free: 0 };
      return Object.assign(new LotCapacityType(), {
        lotId: lot.id, lotName: lot.name, subject: lot.subject as LotSubjectGql, subjectLabel: lotSubjectLabel(lot.subject),
        seats, taken, free, waiting: lot.waiting, shortage: Math.max(0, lot.waiting - free),
        occupancyPercent: seats > 0 ? Math.round((taken / seats) * 1000) / 10 : null, waitingSince: lot.waiting_since,
      });
    });
    // Per subject: seats per start moment, and the lot's waiting demand (which may not name a start moment yet).
    const subjects = capacityOverview([
      ...startMoments.map((row) => ({ subject: row.subject as LotSubject, seats: row.seats, taken: row.taken })),
      ...lots.map((lot) => ({ subject: lot.subject, seats: 0, taken: 0, waiting: lot.waiting })),
    ]).map((row) => Object.assign(new SubjectCapacityType(), { ...row, subject: row.subject as LotSubjectGql, subjectLabel: lotSubjectLabel(row.subject) }));
    return Object.assign(new CapacityOverviewType(), {
      subjects,
      lots: lotTypes,
      startMoments: startMoments.map(toStartMomentType),
      waitingByMunicipality: demand.map((row) => Object.assign(new MunicipalityDemandType(), {
        lotId: row.lot_id, municipalityId: row.municipality_id, municipalityName: row.municipality_name, waiting: row.waiting, waitingSince: row.waiting_since,
      })),
    });
  }
}
