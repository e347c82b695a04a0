import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundAppError } from '../common/app-errors';
import type { Actor } from '../tenancy/actor';
import { tenantScopeOf } from '../tenancy/tenant-scope';
import { tenantKey } from '../lots/lots.service';
import { SignalType } from './signal.types';

interface SignalRow {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  message: string;
  raised_at: Date;
  acknowledged_at: Date | null;
  resolution: string | null;
}

const toType = (row: SignalRow): SignalType =>
  Object.assign(new SignalType(), {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    message: row.message,
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    resolution: row.resolution,
  });

@Injectable()
export class SignalsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The signals of the actor's own organisation, newest first. */
  async list(actor: Actor, openOnly: boolean, kinds: string[] | null): Promise<SignalType[]> {
    const organisationId = tenantKey(tenantScopeOf(actor));
    const rows: SignalRow[] = await this.db.query(
      `SELECT * FROM signal WHERE organisation_id = $1 AND ($2::boolean IS FALSE OR acknowledged_at IS NULL)
          AND ($3::text[] IS NULL OR kind = ANY($3)) ORDER BY raised_at DESC LIMIT 500`,
      [organisationId, openOnly, kinds],
    );
    return rows.map(toType);
  }

  async acknowledge(actor: Actor, signalId: string, resolution: string | null): Promise<SignalType> {
    const organisationId = tenantKey(tenantScopeOf(actor));
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affectedCount].
    const [[row]]: [SignalRow[], number] = await this.db.query(
      `UPDATE signal SET acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by_user_id = coalesce(acknowledged_by_user_id, $3), resolution = coalesce($4, resolution)
        WHERE id = $1 AND organisation_id = $2 RETURNING *`,
      [signalId, organisationId, actor.userId, resolution?.trim() || null],
    );
    if (!row) throw new NotFoundAppError('Dit signaal bestaat niet of is niet voor uw organisatie.');
    return toType(row);
  }
}
