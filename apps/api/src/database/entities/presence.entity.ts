import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { OrganisationEntity } from './organisation.entity';
import { PlacementEntity } from './placement.entity';

/**
 * A provider's group of placed clients (per start moment, location and day part) with its weekly schedule and teacher
 * (issue 12). The lessons are expanded from the schedule into presence_lesson when the group is made.
 */
@Entity({ name: 'presence_group' })
export class PresenceGroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) location!: string;
  /** Daypart of libs/domain: DAYTIME, EVENING, ON_THE_JOB. */
  @Column({ type: 'text' }) daypart!: string;
  @Column({ name: 'start_moment_id', type: 'uuid', nullable: true }) startMomentId!: string | null;
  /** The hour category the lessons count for (HourCategory of libs/domain), LANGUAGE by default. */
  @Column({ type: 'text', default: 'LANGUAGE' }) category!: string;
  @Index() @Column({ name: 'teacher_user_id', type: 'uuid' }) teacherUserId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'teacher_user_id' }) teacher?: AppUserEntity;
  /** ISO weekdays of the weekly schedule (1 = Monday … 7 = Sunday). */
  @Column({ type: 'integer', array: true }) weekdays!: number[];
  @Column({ name: 'start_time', type: 'text' }) startTime!: string;
  @Column({ name: 'end_time', type: 'text' }) endTime!: string;
  @Column({ name: 'schedule_from', type: 'date' }) scheduleFrom!: string;
  @Column({ name: 'schedule_until', type: 'date' }) scheduleUntil!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A placed client in a group. */
@Entity({ name: 'presence_group_member' })
export class PresenceGroupMemberEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @ManyToOne(() => PresenceGroupEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'group_id' }) group?: PresenceGroupEntity;
  @PrimaryColumn({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @ManyToOne(() => PlacementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
}

/**
 * One lesson of a group: from the schedule (REGULAR) or added (EXTRA); a holiday or cancelled lesson keeps its row with
 * the reason. Closed with the teacher's re-confirmed login: after that its marks are never changed (corrections are new marks).
 */
@Entity({ name: 'presence_lesson' })
@Index(['groupId', 'lessonDate', 'startTime'], { unique: true })
@Index(['teacherUserId', 'lessonDate'])
export class PresenceLessonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @ManyToOne(() => PresenceGroupEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'group_id' }) group?: PresenceGroupEntity;
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @Column({ name: 'lesson_date', type: 'date' }) lessonDate!: string;
  @Column({ name: 'start_time', type: 'text' }) startTime!: string;
  @Column({ name: 'end_time', type: 'text' }) endTime!: string;
  /** LessonKind of libs/domain: REGULAR or EXTRA. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'teacher_user_id', type: 'uuid' }) teacherUserId!: string;
  @ManyToOne(() => AppUserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'teacher_user_id' }) teacher?: AppUserEntity;
  /** HOLIDAY or CANCELLED when the lesson is not held. */
  @Column({ type: 'text', nullable: true }) cancellation!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closed_by_user_id', type: 'uuid', nullable: true }) closedByUserId!: string | null;
  /** The teacher's signature: their name, account and the moment, written when they closed with their password. */
  @Column({ name: 'closing_signature', type: 'text', nullable: true }) closingSignature!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * A student's sign-in card: a personal code (also printed as a QR code), stored only as a SHA-256 hash; revocable.
 * One active card per placement: issuing a new one revokes the old.
 */
@Entity({ name: 'presence_credential' })
export class PresenceCredentialEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @Index() @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @ManyToOne(() => PlacementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
  @Index({ unique: true }) @Column({ name: 'code_hash', type: 'text' }) codeHash!: string;
  /** The last two characters, so the provider can tell cards apart without the code. */
  @Column({ name: 'code_hint', type: 'text' }) codeHint!: string;
  @Column({ name: 'issued_by_user_id', type: 'uuid' }) issuedByUserId!: string;
  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by_user_id', type: 'uuid', nullable: true }) revokedByUserId!: string | null;
}

/**
 * One line of a presence list (append-only): an arrival, a departure or an absence. `clientMarkId` is made by the
 * device, so a sign-in sent twice (offline queue replayed) is stored once. After closing, lines are only added as
 * corrections with who, when and why; the line they correct stays.
 */
@Entity({ name: 'presence_mark' })
@Index(['lessonId', 'clientMarkId'], { unique: true })
@Index(['lessonId', 'placementId'])
export class PresenceMarkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Order of the lines of a list (one transaction may write several with the same time). */
  @Column({ type: 'integer' }) @Generated('increment') seq!: number;
  @Column({ name: 'lesson_id', type: 'uuid' }) lessonId!: string;
  @ManyToOne(() => PresenceLessonEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'lesson_id' }) lesson?: PresenceLessonEntity;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @ManyToOne(() => PlacementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
  @Column({ name: 'client_mark_id', type: 'uuid' }) clientMarkId!: string;
  /** PresenceMarkKind of libs/domain: ARRIVAL, DEPARTURE or ABSENT. */
  @Column({ type: 'text' }) kind!: string;
  /** The local time (minutes after midnight, Amsterdam) of an arrival or departure. */
  @Column({ name: 'at_minutes', type: 'integer', nullable: true }) atMinutes!: number | null;
  /** CODE or QR for a student's own sign-in; null when the teacher recorded it. */
  @Column({ name: 'credential_kind', type: 'text', nullable: true }) credentialKind!: string | null;
  @Column({ name: 'credential_id', type: 'uuid', nullable: true }) credentialId!: string | null;
  @Column({ name: 'absence_reason', type: 'text', nullable: true }) absenceReason!: string | null;
  @Column({ type: 'boolean', default: false }) late!: boolean;
  @Column({ name: 'corrects_mark_id', type: 'uuid', nullable: true }) correctsMarkId!: string | null;
  @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason!: string | null;
  @Column({ name: 'recorded_by_user_id', type: 'uuid' }) recordedByUserId!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
