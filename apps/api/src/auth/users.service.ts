import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnauthenticatedAppError } from '../common/app-errors';
import { AppUserEntity } from '../database/entities/app-user.entity';
import { OrganisationType } from '../organisations/organisation.types';
import type { Actor } from '../tenancy/actor';
import { MeType } from './auth.types';

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The actor's own account: the one user record a caller may always read. */
  async me(actor: Actor): Promise<MeType> {
    const user = await this.db.getRepository(AppUserEntity).findOne({ where: { id: actor.userId }, relations: { organisation: true } });
    // The session outlived its user (deleted meanwhile): treat it as logged out.
    if (!user?.organisation) throw new UnauthenticatedAppError();
    const organisation = user.organisation;
    return Object.assign(new MeType(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisation: OrganisationType.from({
        id: organisation.id,
        kind: organisation.kind,
        name: organisation.name,
        cbs_code: organisation.cbsCode,
        kvk_number: organisation.kvkNumber,
        region_id: organisation.regionId,
      }),
    });
  }
}
