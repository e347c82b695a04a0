import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UnauthenticatedAppError } from '../common';
import { AppUserEntity, OrganisationEntity } from '../database';
import { OrganisationType } from '../organisations';
import type { Actor } from '../tenancy';
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
    const servedIds = actor.sharedService?.municipalityIds ?? [];
    const served = servedIds.length === 0 ? [] : await this.db.getRepository(OrganisationEntity).find({ where: { id: In([...servedIds]) }, order: { name: 'ASC' } });
    const acting = actor.sharedService && actor.organisationKind === 'MUNICIPALITY' ? (served.find((m) => m.id === actor.organisationId) ?? null) : null;
    return Object.assign(new MeType(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisation: OrganisationType.fromEntity(organisation),
      servedMunicipalities: served.map(OrganisationType.fromEntity),
      actingMunicipality: acting ? OrganisationType.fromEntity(acting) : null,
      managesOwnUsers: user.managesOwnUsers,
    });
  }
}
