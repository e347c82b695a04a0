import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * An invitation to an account (issue 14): the link holds a random token, the database only its SHA-256. Accepting it
 * (once, before `expires_at`) creates the account with the password the invitee chose.
 */
@Entity({ name: 'user_invitation' })
export class UserInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ name: 'token_hash', type: 'text' }) tokenHash!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: string;
  @Index() @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organisation_id' }) organisation?: OrganisationEntity;
  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true }) invitedByUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'invited_by_user_id' }) invitedBy?: AppUserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  /** The account the invitation created. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
}

/**
 * An e-mail the platform sends (issue 14: invitations). There is no mail server: the worker's `administration.send-mail`
 * job "sends" it by marking it sent and logging its id; the administrator who sent it sees it under "Verzonden uitnodigingen".
 */
@Entity({ name: 'outgoing_mail' })
export class OutgoingMailEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The organisation whose administrator caused the mail (a region or a provider): who may see it. */
  @Index() @Column({ name: 'sender_organisation_id', type: 'uuid' }) senderOrganisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'sender_organisation_id' }) senderOrganisation?: OrganisationEntity;
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true }) invitationId!: string | null;
  @ManyToOne(() => UserInvitationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'invitation_id' }) invitation?: UserInvitationEntity;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}

/** One change by an administrator (issue 14): who, when and what, shown on the administration pages. Append-only. */
@Entity({ name: 'admin_change' })
@Index(['regionId', 'occurredAt'])
@Index(['organisationId', 'occurredAt'])
export class AdminChangeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The region whose administrator sees the change (null for a change only its provider sees). */
  @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  /** The organisation the changed record belongs to (municipality, provider, region, or a user's organisation). */
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'actor_user_id' }) actorUser?: AppUserEntity;
  /** The actor's display name at the time (kept when the account goes). */
  @Column({ name: 'actor_name', type: 'text' }) actorName!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  /** MUNICIPALITY, SUB_REGION, PROVIDER, USER or INVITATION. */
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  /** What changed, in Dutch (no passwords or tokens). */
  @Column({ type: 'text' }) summary!: string;
}
