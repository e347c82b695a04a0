import { Check, JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { OrganisationEntity } from './organisation.entity';
import { UserSessionEntity } from './user-session.entity';

/** OIDC: a municipality's own identity provider; EHERKENNING: an eHerkenning broker (for providers), same mechanism. */
export type SsoConnectionKind = 'OIDC' | 'EHERKENNING';
/** VERIFIED: an e-mail address matches only with `email_verified: true`; TRUSTED: the identity provider manages the addresses itself. */
export type SsoEmailMatching = 'VERIFIED' | 'TRUSTED';
/** CLIENT_SECRET (client_secret_basic) or PRIVATE_KEY_JWT (an assertion signed with the platform's own key). */
export type SsoClientAuthenticationName = 'CLIENT_SECRET' | 'PRIVATE_KEY_JWT';

/** An organisation's single sign-on (OpenID Connect), set by its region's admin; one per organisation. */
@Entity({ name: 'sso_connection' })
@Check('CHK_sso_connection_client_authentication', `"client_authentication" IN ('CLIENT_SECRET', 'PRIVATE_KEY_JWT')`)
export class SsoConnectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organisation_id' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) kind!: SsoConnectionKind;
  @Column({ name: 'issuer_url', type: 'text' }) issuerUrl!: string;
  /** The OIDC client id at the identity provider (not named client_id: that column name means an inburgeraar in this schema). */
  @Column({ name: 'oidc_client_id', type: 'text' }) clientId!: string;
  /** AES-256-GCM under a key derived from BSN_ENCRYPTION_KEY (sso/secret-box.ts); never leaves the API. */
  @Column({ name: 'client_secret_encrypted', type: 'text' }) clientSecretEncrypted!: string;
  @Column({ name: 'client_authentication', type: 'text', default: 'CLIENT_SECRET' }) clientAuthentication!: SsoClientAuthenticationName;
  /** PRIVATE_KEY_JWT: the platform's own signing key for this connection (private JWK, sealed like the secret); its public half is the JWKS. */
  @Column({ name: 'signing_key_encrypted', type: 'text', nullable: true }) signingKeyEncrypted!: string | null;
  @Column({ name: 'signing_key_id', type: 'text', nullable: true }) signingKeyId!: string | null;
  @Column({ name: 'signing_public_jwk', type: 'jsonb', nullable: true }) signingPublicJwk!: Record<string, string> | null;
  /** Lower-case domains; an e-mail address outside them is never matched, and they route "log in by e-mail address". */
  @Column({ name: 'email_domains', type: 'text', array: true }) emailDomains!: string[];
  @Column({ name: 'email_matching', type: 'text', default: 'VERIFIED' }) emailMatching!: SsoEmailMatching;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The stable subject (`iss` + `sub`) an identity provider gave a user, stored on the first successful match. */
@Entity({ name: 'sso_identity' })
@Index(['issuer', 'subject'], { unique: true })
export class SsoIdentityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: AppUserEntity;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'text' }) subject!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A login started at an identity provider: state (hashed), nonce and PKCE verifier, used once, for minutes. */
@Entity({ name: 'sso_login_attempt' })
export class SsoLoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ name: 'state_hash', type: 'text' }) stateHash!: string;
  @Index() @Column({ name: 'connection_id', type: 'uuid' }) connectionId!: string;
  @ManyToOne(() => SsoConnectionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'connection_id' }) connection?: SsoConnectionEntity;
  @Column({ type: 'text' }) nonce!: string;
  @Column({ name: 'code_verifier', type: 'text' }) codeVerifier!: string;
  @Index() @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A session that began at an identity provider: what RP-initiated logout needs (the ID token as hint). */
@Entity({ name: 'sso_session' })
export class SsoSessionEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => UserSessionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'session_id' }) session?: UserSessionEntity;
  @Index() @Column({ name: 'connection_id', type: 'uuid' }) connectionId!: string;
  @ManyToOne(() => SsoConnectionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'connection_id' }) connection?: SsoConnectionEntity;
  @Column({ name: 'id_token', type: 'text' }) idToken!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
