import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnauthenticatedAppError } from '../common/app-errors';
import type { Actor } from '../tenancy/actor';
import { hashPassword, verifyPassword } from './password';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface ActorRow {
  user_id: string;
  role: Actor['role'];
  organisation_id: string;
  organisation_kind: Actor['organisationKind'];
  region_id: string | null;
}

const toActor = (row: ActorRow): Actor => ({
  userId: row.user_id,
  role: row.role,
  organisationId: row.organisation_id,
  organisationKind: row.organisation_kind,
  regionId: row.organisation_kind === 'REGION' ? row.organisation_id : row.region_id,
});

@Injectable()
export class SessionService {
  // Verifying against a dummy hash when the e-mail is unknown keeps response times alike.
  private readonly dummyHash = hashPassword('dummy-password-for-timing');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const [user] = await this.db.query(
      `SELECT u.id AS user_id, u.password_hash, u.role, o.id AS organisation_id, o.kind AS organisation_kind, o.region_id
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE lower(u.email) = lower($1)`,
      [email.trim()],
    );
    const ok = await verifyPassword(user?.password_hash ?? (await this.dummyHash), password);
    if (!user || !ok) throw new UnauthenticatedAppError('Het e-mailadres of het wachtwoord is onjuist.');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.db.query(`INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [hashToken(token), user.user_id, expiresAt]);
    return { token, expiresAt, actor: toActor(user) };
  }

  async actorForToken(token: string | null): Promise<Actor | null> {
    if (!token) return null;
    const [row] = await this.db.query(
      `SELECT u.id AS user_id, u.role, o.id AS organisation_id, o.kind AS organisation_kind, o.region_id
         FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN organisation o ON o.id = u.organisation_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashToken(token)],
    );
    return row ? toActor(row) : null;
  }

  async logout(token: string | null): Promise<void> {
    if (token) await this.db.query(`DELETE FROM user_session WHERE token_hash = $1`, [hashToken(token)]);
  }
}
