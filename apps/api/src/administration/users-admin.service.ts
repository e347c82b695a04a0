import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assignableRoles, INVITATION_VALID_DAYS, type UserRoleName } from '@inburgering/domain';
import { createHash, randomBytes } from 'node:crypto';
import { Brackets, DataSource, In } from 'typeorm';
import { AccessService } from '../access';
import { SessionService } from '../auth';
import { Clock } from '../clock';
import { ForbiddenAppError, requirePage, ValidationAppError } from '../common';
import { AdminChangeEntity, AppUserEntity, type OrganisationKind, OrganisationEntity, OutgoingMailEntity, UserInvitationEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, tenantScopeOf } from '../tenancy';
import { recordAdminChange } from '../audit';
import {
  AdminChangePageType, AdminChangeType, type ChangeUserRoleInput, type InviteUserInput, ManagedOrganisationType, ManagedUserPageType,
  ManagedUserType, type ManagedRoleGql, SentInvitationType, type SentInvitationPageType, type SetUserActiveInput,
} from './administration.types';

export const MAX_USER_PAGE = 200;
export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

const ROLE_NL: Record<UserRoleName, string> = {
  PROVIDER_USER: 'medewerker aanbieder', CONSULTANT: 'consulent', PROJECTLEIDER: 'projectleider', ADMIN: 'functioneel beheerder', TEACHER: 'docent', FINANCIAL_OFFICER: 'financieel medewerker',
};
const KIND_NL: Record<OrganisationKind, string> = { REGION: 'een regio', MUNICIPALITY: 'een gemeente', PROVIDER: 'een aanbieder', SHARED_SERVICE: 'een uitvoeringsdienst' };

/**
 * The accounts an administrator manages: the region's functioneel beheerder those of every organisation of its region,
 * a provider's own administrator those of its provider (staff and teachers only). Invitations, roles, deactivation.
 */
/** An invitation mail (joined with its invitation) as the admin sees it. */
function toSentInvitation(mail: OutgoingMailEntity): SentInvitationType {
  return Object.assign(new SentInvitationType(), {
    id: mail.id, recipient: mail.recipient, subject: mail.subject, body: mail.body, createdAt: mail.createdAt, sentAt: mail.sentAt,
    expiresAt: mail.invitation!.expiresAt, acceptedAt: mail.invitation!.acceptedAt,
  });
}

@Injectable()
export class UsersAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  private administratorKind(actor: Actor): 'REGION_ADMIN' | 'PROVIDER_ADMIN' {
    return actor.role === 'ADMIN' ? 'REGION_ADMIN' : 'PROVIDER_ADMIN';
  }

  /** The region the actor's changes are shown to (the region admin's own), or null for a provider's administrator. */
  private historyRegion(actor: Actor): string | null {
    const scope = tenantScopeOf(actor);
    return scope.kind === 'REGION' ? scope.regionId : null;
  }

  /** The organisations whose accounts the actor manages, by name; refused for anyone who manages none. */
  async managedOrganisations(actor: Actor): Promise<OrganisationEntity[]> {
    const scope = tenantScopeOf(actor);
    const candidates = scope.kind === 'REGION'
      ? await this.db.getRepository(OrganisationEntity).createQueryBuilder('o').select('o.id', 'id')
        .where(`o.id = :r OR o.region_id = :r OR o.kind = 'PROVIDER'`, { r: scope.regionId }).getRawMany<{ id: string }>()
      : [{ id: actor.organisationId }];
    const allowed = await this.access.allowed(actor, 'userOrganisation', candidates.map((c) => c.id));
    if (allowed.size === 0) throw new ForbiddenAppError('Alleen een beheerder van gebruikers mag dit.');
    return this.db.getRepository(OrganisationEntity).find({ where: { id: In([...allowed]) }, order: { name: 'ASC' } });
  }

  async users(actor: Actor, organisationId: string | null, limit: number, offset: number): Promise<ManagedUserPageType> {
    requirePage(limit, offset, MAX_USER_PAGE, 'gebruikers');
    const organisations = await this.managedOrganisations(actor);
    if (organisationId && !organisations.some((o) => o.id === organisationId)) throw this.access.notFound('userOrganisation');
    const ids = organisationId ? [organisationId] : organisations.map((o) => o.id);
    const [users, total] = await this.db.getRepository(AppUserEntity).createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('u.organisation_id IN (:...ids)', { ids })
      .orderBy('o.name').addOrderBy('u.display_name').addOrderBy('u.id')
      .take(limit).skip(offset)
      .getManyAndCount();
    const kind = this.administratorKind(actor);
    return Object.assign(new ManagedUserPageType(), {
      items: users.map(toManagedUser),
      total,
      organisations: organisations.map((o) => Object.assign(new ManagedOrganisationType(), { id: o.id, name: o.name, kind: o.kind, assignableRoles: [...assignableRoles(kind, o.kind)] })),
    });
  }

  /** Invites someone by e-mail: a random token (only its hash kept), valid for a week, mailed through the outbox. */
  async invite(actor: Actor, input: InviteUserInput, portalBase: string): Promise<SentInvitationType> {
    await this.managedOrganisations(actor);
    await this.access.requireOne(actor, 'userOrganisation', input.organisationId);
    const organisation = await this.db.getRepository(OrganisationEntity).findOneByOrFail({ id: input.organisationId });
    const email = input.email.trim().toLowerCase();
    const fields = [];
    if (!assignableRoles(this.administratorKind(actor), organisation.kind).includes(input.role)) {
      fields.push({ field: 'role', code: 'ROLE_NOT_FOR_ORGANISATION', message: `De rol ${ROLE_NL[input.role]} past niet bij ${KIND_NL[organisation.kind]} of mag u niet toekennen.` });
    }
    const now = this.clock.now();
    const taken = await this.db.getRepository(AppUserEntity).createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()
      || await this.db.getRepository(UserInvitationEntity).createQueryBuilder('i').where('lower(i.email) = :email AND i.accepted_at IS NULL AND i.expires_at > :now', { email, now }).getExists();
    if (taken) fields.push({ field: 'email', code: 'EMAIL_TAKEN', message: 'Er is al een gebruiker of een openstaande uitnodiging met dit e-mailadres.' });
    if (fields.length > 0) throw new ValidationAppError(fields);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 3600_000);
    const displayName = input.displayName.trim();
    const mailId = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(UserInvitationEntity).insert({
        tokenHash: hashInvitationToken(token), email, displayName, role: input.role, organisationId: organisation.id, invitedByUserId: actor.userId, expiresAt,
      });
      const invitationId = (inserted.identifiers[0] as Pick<UserInvitationEntity, 'id'>).id;
      const link = `${portalBase}/uitnodiging/${token}`;
      const expires = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(expiresAt);
      const mail = await manager.getRepository(OutgoingMailEntity).insert({
        senderOrganisationId: actor.organisationId,
        invitationId,
        recipient: email,
        subject: `Uitnodiging voor Inburgering Regio (${organisation.name})`,
        body: `Beste ${displayName},\n\nU bent uitgenodigd als ${ROLE_NL[input.role]} van ${organisation.name} op Inburgering Regio. `
          + `Kies via deze link uw wachtwoord: ${link}\n\nDe link werkt één keer en tot ${expires}.`,
      });
      const id = (mail.identifiers[0] as Pick<OutgoingMailEntity, 'id'>).id;
      await enqueueInOutbox(manager, 'administration.send-mail', { mailId: id }, actor);
      await recordAdminChange(manager, actor, now, {
        regionId: this.historyRegion(actor), organisationId: organisation.id, subjectKind: 'INVITATION', subjectId: invitationId,
        summary: `Uitgenodigd: ${displayName} <${email}> als ${ROLE_NL[input.role]} van ${organisation.name} (geldig tot ${expires})`,
      });
      return id;
    });
    const mail = await this.db.getRepository(OutgoingMailEntity).findOneOrFail({ where: { id: mailId }, relations: { invitation: true } });
    return toSentInvitation(mail);
  }

  /** Changes a user's role (only one the organisation kind allows); the region admin also marks a provider's administrator. */
  async changeRole(actor: Actor, input: ChangeUserRoleInput): Promise<ManagedUserType> {
    await this.access.requireOne(actor, 'appUser', input.userId);
    if (input.userId === actor.userId) throw new ValidationAppError([{ field: 'userId', code: 'OWN_ACCOUNT', message: 'U kunt uw eigen rol niet wijzigen; vraag een andere beheerder.' }]);
    const user = await this.db.getRepository(AppUserEntity).findOneOrFail({ where: { id: input.userId }, relations: { organisation: true } });
    const kind = user.organisation!.kind;
    const fields = [];
    if (!assignableRoles(this.administratorKind(actor), kind).includes(input.role)) {
      fields.push({ field: 'role', code: 'ROLE_NOT_FOR_ORGANISATION', message: `De rol ${ROLE_NL[input.role]} past niet bij ${KIND_NL[kind]} of mag u niet toekennen.` });
    }
    const managesOwnUsers = input.managesOwnUsers ?? user.managesOwnUsers;
    if (managesOwnUsers !== user.managesOwnUsers && actor.role !== 'ADMIN') {
      fields.push({ field: 'managesOwnUsers', code: 'ONLY_REGION_ADMIN', message: 'Alleen de functioneel beheerder van de regio wijst de beheerder van een aanbieder aan.' });
    }
    if (managesOwnUsers && (kind !== 'PROVIDER' || input.role !== 'PROVIDER_USER')) {
      fields.push({ field: 'managesOwnUsers', code: 'ONLY_PROVIDER_STAFF', message: 'Alleen een medewerker (geen docent) van een aanbieder kan de gebruikers van de eigen organisatie beheren.' });
    }
    if (fields.length > 0) throw new ValidationAppError(fields);
    const changes = [
      ...(user.role !== input.role ? [`rol ${ROLE_NL[user.role]} → ${ROLE_NL[input.role]}`] : []),
      ...(user.managesOwnUsers !== managesOwnUsers ? [managesOwnUsers ? 'beheert nu de gebruikers van de eigen organisatie' : 'beheert de gebruikers van de eigen organisatie niet meer'] : []),
    ];
    if (changes.length > 0) {
      await this.db.transaction(async (manager) => {
        await manager.getRepository(AppUserEntity).update({ id: user.id }, { role: input.role, managesOwnUsers });
        await recordAdminChange(manager, actor, this.clock.now(), {
          regionId: this.historyRegion(actor), organisationId: user.organisationId, subjectKind: 'USER', subjectId: user.id, summary: `${user.displayName} <${user.email}>: ${changes.join('; ')}`,
        });
      });
      // A session carries the role: end them, so the new role counts from the next login, in every API process.
      await this.sessions.revokeAllOf(user.id);
    }
    return this.userById(user.id);
  }

  /** Deactivates (no login, every session ended in every API process) or reactivates an account. */
  async setActive(actor: Actor, input: SetUserActiveInput): Promise<ManagedUserType> {
    await this.access.requireOne(actor, 'appUser', input.userId);
    if (input.userId === actor.userId) throw new ValidationAppError([{ field: 'userId', code: 'OWN_ACCOUNT', message: 'U kunt uw eigen account niet deactiveren; vraag een andere beheerder.' }]);
    const user = await this.db.getRepository(AppUserEntity).findOneByOrFail({ id: input.userId });
    if (!assignableRoles(this.administratorKind(actor), (await this.db.getRepository(OrganisationEntity).findOneByOrFail({ id: user.organisationId })).kind).includes(user.role)) {
      throw new ValidationAppError([{ field: 'userId', code: 'ROLE_NOT_MANAGED', message: `U beheert geen accounts met de rol ${ROLE_NL[user.role]}.` }]);
    }
    if ((user.deactivatedAt === null) !== input.active) {
      const now = this.clock.now();
      await this.db.transaction(async (manager) => {
        await manager.getRepository(AppUserEntity).update({ id: user.id }, { deactivatedAt: input.active ? null : now });
        await recordAdminChange(manager, actor, now, {
          regionId: this.historyRegion(actor), organisationId: user.organisationId, subjectKind: 'USER', subjectId: user.id,
          summary: `${user.displayName} <${user.email}>: ${input.active ? 'weer geactiveerd' : 'gedeactiveerd (alle sessies beëindigd)'}`,
        });
      });
      if (!input.active) await this.sessions.revokeAllOf(user.id);
    }
    return this.userById(user.id);
  }

  /** A page of the invitations the actor's organisation sent, newest first, with the mail as the invitee received it, and the total. */
  async sentInvitations(actor: Actor, limit: number, offset: number): Promise<SentInvitationPageType> {
    requirePage(limit, offset, MAX_USER_PAGE, 'uitnodigingen');
    await this.managedOrganisations(actor);
    const [mails, total] = await this.db.getRepository(OutgoingMailEntity).createQueryBuilder('mail')
      .innerJoinAndSelect('mail.invitation', 'invitation')
      .where('mail.senderOrganisationId = :organisationId', { organisationId: actor.organisationId })
      .orderBy('mail.createdAt', 'DESC').addOrderBy('mail.id', 'DESC')
      .skip(offset).take(limit)
      .getManyAndCount();
    return { items: mails.map(toSentInvitation), total };
  }

  /** The history of administration changes the actor may see, newest first. */
  async changes(actor: Actor, limit: number, offset: number): Promise<AdminChangePageType> {
    requirePage(limit, offset, MAX_USER_PAGE, 'wijzigingen');
    await this.managedOrganisations(actor);
    const scope = tenantScopeOf(actor);
    const query = this.db.getRepository(AdminChangeEntity).createQueryBuilder('c')
      .where(new Brackets((q) => (scope.kind === 'REGION' ? q.where('c.region_id = :r', { r: scope.regionId }) : q.where('c.organisation_id = :o', { o: actor.organisationId }))))
      .orderBy('c.occurred_at', 'DESC').addOrderBy('c.id', 'DESC')
      .take(limit).skip(offset);
    const [rows, total] = await query.getManyAndCount();
    return Object.assign(new AdminChangePageType(), {
      items: rows.map((row) => Object.assign(new AdminChangeType(), { id: row.id, occurredAt: row.occurredAt, actorName: row.actorName, subjectKind: row.subjectKind, summary: row.summary })),
      total,
    });
  }

  private async userById(id: string): Promise<ManagedUserType> {
    return toManagedUser(await this.db.getRepository(AppUserEntity).findOneOrFail({ where: { id }, relations: { organisation: true } }));
  }
}

function toManagedUser(user: AppUserEntity): ManagedUserType {
  return Object.assign(new ManagedUserType(), {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as ManagedRoleGql,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? '',
    active: user.deactivatedAt === null,
    managesOwnUsers: user.managesOwnUsers,
  });
}
