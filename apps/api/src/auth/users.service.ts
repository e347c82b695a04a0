import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationType } from '../organisations/organisation.types';
import type { Actor } from '../tenancy/actor';
import { MeType, RoleGql } from './auth.types';

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The actor's own account: the one user record a caller may always read. */
  async me(actor: Actor): Promise<MeType> {
    const [row] = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.role, o.id AS org_id, o.kind, o.name, o.cbs_code, o.kvk_number, o.region_id
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [actor.userId],
    );
    return Object.assign(new MeType(), {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role as RoleGql,
      organisation: OrganisationType.from({ ...row, id: row.org_id }),
    });
  }
}
