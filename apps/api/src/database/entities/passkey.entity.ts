import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { UserSessionEntity } from './user-session.entity';

/**
 * A passkey (WebAuthn credential) of a user, as second factor. `credentialId` is the authenticator's id (base64url,
 * unique over all users), `publicKey` the COSE public key; `counter` the last signature counter the authenticator
 * reported (a later login must report a higher one, unless the authenticator keeps none: 0).
 */
@Entity({ name: 'user_passkey' })
export class UserPasskeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
  @Index({ unique: true }) @Column({ name: 'credential_id', type: 'text' }) credentialId!: string;
  @Column({ name: 'public_key', type: 'bytea' }) publicKey!: Buffer;
  @Column({ type: 'bigint', default: 0 }) counter!: string;
  /** How the browser can reach the authenticator (internal, usb, hybrid, ...), as it reported them at registration. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) transports!: string[];
  /** The name the user gave it ("Laptop werk"). */
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
}

export type PasskeyChallengePurpose = 'REGISTER' | 'LOGIN';

/**
 * The open WebAuthn challenge of a session (one at a time): single use (taken by a DELETE) and short-lived. The
 * relying party id and origin the options were made for are kept with it, so the answer is checked against the same.
 */
@Entity({ name: 'passkey_challenge' })
export class PasskeyChallengeEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => UserSessionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'session_id' }) session?: UserSessionEntity;
  @Column({ type: 'text' }) purpose!: PasskeyChallengePurpose;
  @Column({ type: 'text' }) challenge!: string;
  @Column({ name: 'rp_id', type: 'text' }) rpId!: string;
  @Column({ type: 'text' }) origin!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}
