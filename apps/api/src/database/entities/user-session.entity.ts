import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';

/** A login session; the cookie holds a random token, the database only its SHA-256. */
@Entity({ name: 'user_session' })
export class UserSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ name: 'token_hash', type: 'text' }) tokenHash!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  /** The last request (refreshed at most once a minute): a session idle longer than the configured idle timeout ends. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  /**
   * FULL: logged in. SECOND_FACTOR: the password was right, the second factor is still to come (no operation but that
   * step). ENROL: the password was right, a second factor is required and the user has none yet (only enrolment).
   */
  @Column({ type: 'text', default: 'FULL' }) stage!: SessionStage;
}

export type SessionStage = 'FULL' | 'SECOND_FACTOR' | 'ENROL';
