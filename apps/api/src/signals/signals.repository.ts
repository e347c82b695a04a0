import { In, IsNull, type EntityManager } from 'typeorm';
import { SignalEntity } from '../database';
import type { MunicipalityId, ProviderId, RegionId } from '../tenancy';

/** The organisation a signal is for: always the acting tenant's own. */
export type SignalOrganisationId = MunicipalityId | ProviderId | RegionId;

export interface SignalFilter {
  openOnly: boolean;
  kinds: readonly string[] | null;
}

/** Signal queries; ids reaching `acknowledge` were checked by the AccessService first. */
export class SignalsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** One page of the organisation's signals, newest first, and how many match in all. */
  async page(organisationId: SignalOrganisationId, filter: SignalFilter, limit: number, offset: number): Promise<[SignalEntity[], number]> {
    return this.manager.getRepository(SignalEntity).findAndCount({
      where: {
        organisationId,
        ...(filter.openOnly ? { acknowledgedAt: IsNull() } : {}),
        ...(filter.kinds ? { kind: In([...filter.kinds]) } : {}),
      },
      order: { raisedAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  /** Marks it seen once: the first acknowledgement's time and user stay, a new resolution replaces the old one. */
  async acknowledge(organisationId: SignalOrganisationId, signalId: string, by: { userId: string; at: Date; resolution: string | null }): Promise<SignalEntity | null> {
    await this.manager
      .createQueryBuilder()
      .update(SignalEntity)
      .set({
        acknowledgedAt: () => 'coalesce(acknowledged_at, :at)',
        acknowledgedByUserId: () => 'coalesce(acknowledged_by_user_id, :userId)',
        resolution: () => 'coalesce(:resolution, resolution)',
      })
      .where('id = :signalId AND organisation_id = :organisationId', { signalId, organisationId })
      .setParameters({ at: by.at, userId: by.userId, resolution: by.resolution })
      .execute();
    return this.manager.getRepository(SignalEntity).findOneBy({ id: signalId, organisationId });
  }
}
