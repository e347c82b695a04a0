import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A municipality's link with DUO (machine-to-machine): its OIN, DUO's OIN, DUO's base URL and the paths of the client
 * certificate and key (PKIoverheid in production). Off until the administrator switches it on.
 */
@Entity({ name: 'duo_link' })
export class DuoLinkEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'boolean', default: false }) enabled!: boolean;
  @Column({ name: 'municipality_oin', type: 'text' }) municipalityOin!: string;
  @Column({ name: 'duo_oin', type: 'text' }) duoOin!: string;
  @Column({ name: 'base_url', type: 'text' }) baseUrl!: string;
  @Column({ name: 'cert_path', type: 'text' }) certPath!: string;
  @Column({ name: 'key_path', type: 'text' }) keyPath!: string;
  /** The CA bundle that signs DUO's server certificate; null trusts the system's CAs. */
  @Column({ name: 'ca_path', type: 'text', nullable: true }) caPath!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * One message to DUO, written in the same transaction as the change that caused it. It holds no BSN: the path carries
 * the placeholder {bsn}, filled in from the client when sending. `berichtId` is the idempotency key DUO sees.
 */
@Entity({ name: 'duo_message' })
@Index('duo_message_client', ['clientId', 'seq'])
@Index('duo_message_municipality_status', ['municipalityId', 'status'])
export class DuoMessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Sending order per client. */
  @Column({ type: 'bigint', generated: 'increment' }) seq!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  /** DuoMessageKind from the domain. */
  @Column({ type: 'text' }) kind!: string;
  /** Messages with the same subject replace each other while waiting (e.g. the hours of one category). */
  @Column({ name: 'subject_key', type: 'text' }) subjectKey!: string;
  /** DuoMessageStatus from the domain. */
  @Column({ type: 'text', default: 'WAITING' }) status!: string;
  @Column({ type: 'text' }) method!: string;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'jsonb', nullable: true }) body!: Record<string, unknown> | null;
  @Column({ name: 'bericht_id', type: 'uuid', unique: true }) berichtId!: string;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'http_status', type: 'integer', nullable: true }) httpStatus!: number | null;
  /** DUO's error texts (Foutmelding.fouttekst) or the platform's own check, in Dutch. */
  @Column({ type: 'jsonb', nullable: true }) errors!: string[] | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  /** For a CONTACT_PERSON message: the contact person linked to the client. */
  @Column({ name: 'contact_person_id', type: 'uuid', nullable: true }) contactPersonId!: string | null;
  /** The send job (its job key) that took the message to DUO, until when; a claim that ran out belongs to a dead worker. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true }) claimedBy!: string | null;
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true }) claimedUntil!: Date | null;
}

/**
 * A contact person of the municipality at DUO (Contactpersoon API). The details never change: other details are another
 * contact person. `duoId` is DUO's number, known once DUO registered it; `createBerichtId` makes that registration idempotent.
 */
@Entity({ name: 'duo_contact_person' })
@Index('duo_contact_person_details', ['municipalityId', 'name', 'email', 'phone'], { unique: true })
export class DuoContactPersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) phone!: string;
  @Column({ name: 'duo_id', type: 'integer', nullable: true }) duoId!: number | null;
  @Column({ name: 'create_bericht_id', type: 'uuid', unique: true }) createBerichtId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A notification DUO sent; the berichtId is unique, so a repeated notification does nothing twice. */
@Entity({ name: 'duo_notification' })
export class DuoNotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'bericht_id', type: 'uuid', unique: true }) berichtId!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt!: Date;
  /** PROCESSED, or FAILED with the reason (the fetch from DUO failed and is retried). */
  @Column({ type: 'text', default: 'RECEIVED' }) status!: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}

/** What DUO knows about a client, as last fetched after a notification. */
@Entity({ name: 'duo_client_state' })
export class DuoClientStateEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'obligation', type: 'jsonb', nullable: true }) obligation!: Record<string, unknown> | null;
  @Column({ name: 'term_start', type: 'date', nullable: true }) termStart!: string | null;
  @Column({ name: 'term_end', type: 'date', nullable: true }) termEnd!: string | null;
  @Column({ name: 'exam_results', type: 'jsonb', nullable: true }) examResults!: Record<string, unknown>[] | null;
  @Column({ name: 'exemptions', type: 'jsonb', nullable: true }) exemptions!: Record<string, unknown>[] | null;
  @Column({ name: 'dispensations', type: 'jsonb', nullable: true }) dispensations!: Record<string, unknown>[] | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
