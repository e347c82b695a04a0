import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A client (inburgeraar) of one municipality. The BSN is stored encrypted plus a keyed hash for uniqueness. */
@Entity({ name: 'client' })
@Index(['municipalityId', 'clientNumber'], { unique: true })
@Index(['municipalityId', 'bsnHash'], { unique: true })
@Index('IDX_client_deadlines_stale', ['municipalityId'], { where: 'deadlines_stale' })
// The caseload's name order, read page by page from the index (anonymised clients are not listed).
@Index('IDX_client_caseload_by_name', ['municipalityId', 'lastName', 'firstName', 'clientNumber', 'id'], { where: 'anonymised_on IS NULL' })
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  /** Human-readable number per municipality that providers may use. */
  @Column({ name: 'client_number', type: 'integer' }) clientNumber!: number;
  /** Null once the client is anonymised (retention, issue 14). */
  @Column({ name: 'bsn_encrypted', type: 'text', nullable: true }) bsnEncrypted!: string | null;
  @Column({ name: 'bsn_hash', type: 'text' }) bsnHash!: string;
  @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth!: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup!: string;
  @Column({ name: 'brp_registration_date', type: 'date' }) brpRegistrationDate!: string;
  /** Date of the current PIP (the latest version). */
  @Column({ name: 'pip_signed_on', type: 'date', nullable: true }) pipSignedOn!: string | null;
  /** Date of the first PIP: the term and the route-switch window run from it; later PIP versions never change it (art. 11 lid 3 Wi2021). */
  @Column({ name: 'first_pip_signed_on', type: 'date', nullable: true }) firstPipSignedOn!: string | null;
  @Column({ type: 'text', nullable: true }) route!: string | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  /** Learnability test: B1_FEASIBLE, NOT_FEASIBLE or UNKNOWN, with its score. Municipality only. */
  @Column({ name: 'learnability_outcome', type: 'text', default: 'UNKNOWN' }) learnabilityOutcome!: string;
  @Column({ name: 'learnability_score', type: 'integer', nullable: true }) learnabilityScore!: number | null;
  @Column({ name: 'intake_completed_on', type: 'date', nullable: true }) intakeCompletedOn!: string | null;
  /** Free-text intake notes: never leave the municipality. */
  @Column({ name: 'intake_notes', type: 'text', nullable: true }) intakeNotes!: string | null;
  /** What the PIP says about the lessons: hours per week (as minutes) and the pattern. Providers see these. */
  @Column({ name: 'pip_minutes_per_week', type: 'integer', nullable: true }) pipMinutesPerWeek!: number | null;
  @Column({ name: 'pip_lesson_pattern', type: 'text', nullable: true }) pipLessonPattern!: string | null;
  /** How many PIPs were set for this client (DUO: A2 is not allowed on a first B1 PIP). */
  @Column({ name: 'pip_count', type: 'integer', default: 0 }) pipCount!: number;
  /** Retention (issue 14): when the free texts, the exchange with DUO and the identity were removed. */
  @Column({ name: 'free_text_removed_on', type: 'date', nullable: true }) freeTextRemovedOn!: string | null;
  @Column({ name: 'duo_exchange_removed_on', type: 'date', nullable: true }) duoExchangeRemovedOn!: string | null;
  @Column({ name: 'anonymised_on', type: 'date', nullable: true }) anonymisedOn!: string | null;
  /**
   * True when the stored deadlines (client_deadline) may no longer match the client: set by a trigger in the same
   * transaction as every change they derive from; cleared when the caseload has re-derived them. Not selected by default.
   */
  @Column({ name: 'deadlines_stale', type: 'boolean', default: true, select: false }) deadlinesStale!: boolean;
  /**
   * The earliest open deadline but the route switch's, and the open route-switch deadline: written with client_deadline
   * (client-deadlines.repository), so the caseload's urgency order reads no subquery per client. Not selected by default.
   */
  @Column({ name: 'next_deadline', type: 'date', nullable: true, select: false }) nextDeadline!: string | null;
  @Column({ name: 'route_switch_deadline', type: 'date', nullable: true, select: false }) routeSwitchDeadline!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
