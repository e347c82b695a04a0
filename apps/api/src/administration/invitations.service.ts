import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth';
import { Clock } from '../clock';
import { NotFoundAppError, ValidationAppError } from '../common';
import { AdminChangeEntity, AppUserEntity, type UserRole, UserInvitationEntity } from '../database';
import { recordAdminChange } from '../audit';
import { type AcceptInvitationInput, InvitationDetailsType } from './administration.types';
import { hashInvitationToken } from './users-admin.service';

const INVALID = 'Deze uitnodiging is verlopen, al gebruikt of bestaat niet. Vraag uw beheerder om een nieuwe uitnodiging.';

/** The invitee's side of an invitation: see whom it is for, and set a password once, before it expires. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async details(token: string): Promise<InvitationDetailsType> {
    const invitation = await this.db.getRepository(UserInvitationEntity).findOne({ where: { tokenHash: hashInvitationToken(token) }, relations: { organisation: true } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= this.clock.now()) throw new NotFoundAppError(INVALID);
    return Object.assign(new InvitationDetailsType(), {
      email: invitation.email, displayName: invitation.displayName, organisationName: invitation.organisation?.name ?? '', expiresAt: invitation.expiresAt,
    });
  }

  /** Creates the account with the chosen password; the invitation works once (locked, so two tabs cannot both use it). */
  async accept(input: AcceptInvitationInput): Promise<boolean> {
    // The cheap check first: nobody without a valid link makes the server spend an argon2 hash (memory-hard on purpose).
    await this.details(input.token);
    const passwordHash = await hashPassword(input.password);
    await this.db.transaction(async (manager) => {
      const invitation = await manager.getRepository(UserInvitationEntity).createQueryBuilder('i').setLock('pessimistic_write')
        .where('i.token_hash = :hash', { hash: hashInvitationToken(input.token) }).getOne();
      const now = this.clock.now();
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) throw new NotFoundAppError(INVALID);
      const taken = await manager.getRepository(AppUserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: invitation.email }).getExists();
      if (taken) throw new ValidationAppError([{ field: 'token', code: 'EMAIL_TAKEN', message: 'Er bestaat al een account met dit e-mailadres. Log in of vraag uw beheerder om hulp.' }]);
      const inserted = await manager.getRepository(AppUserEntity).insert({
        email: invitation.email, displayName: invitation.displayName, passwordHash, role: invitation.role as UserRole, organisationId: invitation.organisationId,
      });
      const userId = (inserted.identifiers[0] as Pick<AppUserEntity, 'id'>).id;
      await manager.getRepository(UserInvitationEntity).update({ id: invitation.id }, { acceptedAt: now, userId });
      const invited = await manager.getRepository(AdminChangeEntity).findOne({ select: { id: true, regionId: true }, where: { subjectId: invitation.id } });
      await recordAdminChange(manager, { userId }, now, {
        regionId: invited?.regionId ?? null, organisationId: invitation.organisationId, subjectKind: 'USER', subjectId: userId,
        summary: `Uitnodiging aangenomen: ${invitation.displayName} <${invitation.email}> heeft een wachtwoord gekozen; het account is actief`,
      }, invitation.displayName);
    });
    return true;
  }
}
