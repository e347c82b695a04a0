import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';

/**
 * A user's authenticator app (TOTP, RFC 6238). The secret is encrypted at rest with the platform's AES-256-GCM key (as
 * the BSN); `confirmedAt` is null while enrolment waits for its first code. `lastTimeStep` is the 30-second step of the
 * last accepted code: a code of that step or an earlier one is refused (no replay within its window).
 */
@Entity({ name: 'user_totp' })
export class UserTotpEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @OneToOne(() => AppUserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
  @Column({ name: 'secret_encrypted', type: 'text' }) secretEncrypted!: string;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'last_time_step', type: 'bigint', nullable: true }) lastTimeStep!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A one-time recovery code (stored as a SHA-256 hash of the user id and a random code; shown once). */
@Entity({ name: 'user_recovery_code' })
export class UserRecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
  @Column({ name: 'code_hash', type: 'text' }) codeHash!: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
