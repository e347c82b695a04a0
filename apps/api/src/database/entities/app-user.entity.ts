import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

export type UserRole = 'PROVIDER_USER' | 'CONSULTANT' | 'PROJECTLEIDER' | 'ADMIN' | 'TEACHER' | 'FINANCIAL_OFFICER';

@Entity({ name: 'app_user' })
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ type: 'text' }) email!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  /** argon2id hash; never leaves the auth module. */
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ type: 'text' }) role!: UserRole;
  @Index() @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organisation_id' }) organisation?: OrganisationEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Set when an administrator deactivated the account: it cannot log in and its sessions ended (issue 14). */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  /** A provider's own administrator: invites and deactivates the users of its own organisation (issue 14). */
  @Column({ name: 'manages_own_users', type: 'boolean', default: false }) managesOwnUsers!: boolean;
}
